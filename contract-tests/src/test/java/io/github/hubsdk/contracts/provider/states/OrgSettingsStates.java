package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.OrgSettingsState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the org-settings tag; implemented in {@link io.github.hubsdk.emulator.pact.OrgSettingsStates}. */
public final class OrgSettingsStates extends EmulatorStatesSupport {

  public OrgSettingsStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(ORG_BUSINESS)
  Map<String, Object> businessOrg(Map<String, Object> params) {
    return setup(ORG_BUSINESS, params);
  }

  @State(ORG_TEAM)
  Map<String, Object> teamOrg(Map<String, Object> params) {
    return setup(ORG_TEAM, params);
  }
}
