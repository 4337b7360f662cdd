package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.openapi.model.DetailError;
import java.util.Map;

/** The states of the groups tag. */
public final class GroupsStates extends TagStates {

  static final String ORG = "hubsdk-org";
  static final String GROUP = "hubsdk-team";

  GroupsStates(DockerHubEmulator hub) {
    super(hub);
  }

  @ProviderState("user 'hubsdk' owns organization 'hubsdk-org'")
  Map<String, Object> ownsOrg() {
    hub.seedUntilReset(s -> s.org(ORG, Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME));
    return withBearer(password(), "org", ORG, "name", GROUP + "-new");
  }

  @ProviderState("organization 'hubsdk-org' has group 'hubsdk-team' with member 'hubsdk'")
  Map<String, Object> groupWithMember() {
    hub.seedUntilReset(s -> s.org(ORG, Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME).group(GROUP)
        .description("hubsdk contract team").members(DockerHubEmulator.DEFAULT_USERNAME));
    return values();
  }

  @ProviderState("organization 'hubsdk-org' has group 'hubsdk-team' without members")
  Map<String, Object> emptyGroup() {
    hub.seedUntilReset(s -> s.org(ORG, Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME).group(GROUP));
    return values();
  }

  /** The emulator cannot fail on its own: an expectation answers the Hub's 500 once (the reference declares it). */
  @ProviderState("adding a member to group 'hubsdk-team' of 'hubsdk-org' fails")
  Map<String, Object> addMemberFailing() {
    emptyGroup();
    hub.expect().operation("addGroupMember")
        .andReturn(500, new DetailError().message("internal server error").detail("internal server error")).once();
    return values();
  }

  private Map<String, Object> values() {
    return withBearer(password(), "org", ORG, "group", GROUP, "username", DockerHubEmulator.DEFAULT_USERNAME);
  }
}
