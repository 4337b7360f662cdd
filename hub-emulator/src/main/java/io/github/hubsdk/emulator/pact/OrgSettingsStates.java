package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.util.Map;

/** The states of the org-settings tag. */
public final class OrgSettingsStates extends TagStates {

  OrgSettingsStates(DockerHubEmulator hub) {
    super(hub);
  }

  private Map<String, Object> ownedOrg(String name, Plan plan) {
    hub.seedUntilReset(s -> s.org(name, plan).owners(DockerHubEmulator.DEFAULT_USERNAME));
    return withBearer(password(), "org", name);
  }

  /** Values: org, bearer. */
  @ProviderState("organization 'hubsdk-org' on the Business plan is owned by user 'hubsdk'")
  Map<String, Object> businessOrg() {
    return ownedOrg("hubsdk-org", Plan.BUSINESS);
  }

  /** Values: org, bearer. */
  @ProviderState("organization 'hubsdk-team' on the Team plan is owned by user 'hubsdk'")
  Map<String, Object> teamOrg() {
    return ownedOrg("hubsdk-team", Plan.TEAM);
  }
}
