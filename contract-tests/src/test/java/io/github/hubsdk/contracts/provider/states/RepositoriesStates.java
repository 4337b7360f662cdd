package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.RepositoriesState.*;
import static io.github.hubsdk.contracts.states.RepositoryGroupsState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the repositories tag; implemented in {@link io.github.hubsdk.emulator.pact.RepositoriesStates}. */
public final class RepositoriesStates extends EmulatorStatesSupport {

  public RepositoriesStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(REPOSITORY)
  Map<String, Object> repository(Map<String, Object> params) {
    return setup(REPOSITORY, params);
  }

  @State(REPOSITORY_FAILING)
  Map<String, Object> failing(Map<String, Object> params) {
    return setup(REPOSITORY_FAILING, params);
  }

  @State(SCRATCH)
  Map<String, Object> scratch(Map<String, Object> params) {
    return setup(SCRATCH, params);
  }

  @State(NEW_NAME)
  Map<String, Object> newName(Map<String, Object> params) {
    return setup(NEW_NAME, params);
  }

  @State(SCRATCH_TAGGED)
  Map<String, Object> tagged(Map<String, Object> params) {
    return setup(SCRATCH_TAGGED, params);
  }

  @State(SCRATCH_TAGGED_PAT)
  Map<String, Object> taggedWithPat(Map<String, Object> params) {
    return setup(SCRATCH_TAGGED_PAT, params);
  }

  @State(SCRATCH_IMMUTABLE)
  Map<String, Object> immutable(Map<String, Object> params) {
    return setup(SCRATCH_IMMUTABLE, params);
  }

  @State(REPO_AND_GROUP)
  Map<String, Object> repoAndGroup(Map<String, Object> params) {
    return setup(REPO_AND_GROUP, params);
  }

  @State(GROUP_CAN_WRITE)
  Map<String, Object> groupCanWrite(Map<String, Object> params) {
    return setup(GROUP_CAN_WRITE, params);
  }
}
