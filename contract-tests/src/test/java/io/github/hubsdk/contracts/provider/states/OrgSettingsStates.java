package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.OrgSettingsState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.util.Map;

/** The states of the org-settings tag on the emulator. */
public final class OrgSettingsStates extends EmulatorStatesSupport {

  public OrgSettingsStates(DockerHubEmulator hub) {
    super(hub);
  }

  private Map<String, Object> ownedOrg(String name, Plan plan) {
    hub.seed(s -> s.org(name, plan).owners(DockerHubEmulator.DEFAULT_USERNAME));
    return withBearer(password(), "org", name);
  }

  @State(ORG_BUSINESS)
  Map<String, Object> businessOrg() {
    return ownedOrg("hubsdk-org", Plan.BUSINESS);
  }

  @State(ORG_TEAM)
  Map<String, Object> teamOrg() {
    return ownedOrg("hubsdk-team", Plan.TEAM);
  }
}
