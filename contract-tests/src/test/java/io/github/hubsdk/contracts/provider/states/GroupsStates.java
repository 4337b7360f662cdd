package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.GroupsState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the groups tag; implemented in {@link io.github.hubsdk.emulator.pact.GroupsStates}. */
public final class GroupsStates extends EmulatorStatesSupport {

  public GroupsStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(OWNS_ORG)
  Map<String, Object> ownsOrg(Map<String, Object> params) {
    return setup(OWNS_ORG, params);
  }

  @State(GROUP_WITH_MEMBER)
  Map<String, Object> groupWithMember(Map<String, Object> params) {
    return setup(GROUP_WITH_MEMBER, params);
  }

  @State(EMPTY_GROUP)
  Map<String, Object> emptyGroup(Map<String, Object> params) {
    return setup(EMPTY_GROUP, params);
  }

  @State(ADD_MEMBER_FAILING)
  Map<String, Object> addMemberFailing(Map<String, Object> params) {
    return setup(ADD_MEMBER_FAILING, params);
  }
}
