package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.GroupsState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.openapi.model.DetailError;
import java.util.Map;

/** The states of the groups tag on the emulator. */
public final class GroupsStates extends EmulatorStatesSupport {

  static final String ORG = "hubsdk-org";
  static final String GROUP = "hubsdk-team";

  public GroupsStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(OWNS_ORG)
  Map<String, Object> ownsOrg() {
    hub.seed(s -> s.org(ORG, Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME));
    return withBearer(password(), "org", ORG, "name", GROUP + "-new");
  }

  @State(GROUP_WITH_MEMBER)
  Map<String, Object> groupWithMember() {
    hub.seed(s -> s.org(ORG, Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME).group(GROUP)
        .description("hubsdk contract team").members(DockerHubEmulator.DEFAULT_USERNAME));
    return values();
  }

  @State(EMPTY_GROUP)
  Map<String, Object> emptyGroup() {
    hub.seed(s -> s.org(ORG, Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME).group(GROUP));
    return values();
  }

  /** The emulator cannot fail on its own: an expectation answers the Hub's 500 once (the reference declares it). */
  @State(ADD_MEMBER_FAILING)
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
