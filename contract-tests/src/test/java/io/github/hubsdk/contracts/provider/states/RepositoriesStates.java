package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.RepositoriesState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.SeededToken;
import io.github.hubsdk.openapi.model.DetailError;
import java.util.Map;

/** The states of the repositories tag on the emulator. */
public final class RepositoriesStates extends EmulatorStatesSupport {

  static final String NAMESPACE = DockerHubEmulator.DEFAULT_USERNAME;
  static final String SCRATCH_NAME = "hubsdk-contract";

  public RepositoriesStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(REPOSITORY)
  Map<String, Object> repository() {
    hub.seed(s -> s.repository(NAMESPACE, DockerHubEmulator.DEFAULT_REPOSITORY).description("The example")
        .tag("1.4", t -> t.pushedDaysAgo(2).pulledDaysAgo(1)));
    return withBearer(password(), "namespace", NAMESPACE, "repository", DockerHubEmulator.DEFAULT_REPOSITORY,
        "tag", "1.4");
  }

  @State(REPOSITORY_FAILING)
  Map<String, Object> failing() {
    Map<String, Object> values = repository();
    hub.expect().operation("getRepository").andReturn(500, new DetailError().message("internal server error")).once();
    return values;
  }

  @State(SCRATCH)
  Map<String, Object> scratch() {
    hub.seed(s -> s.repository(NAMESPACE, SCRATCH_NAME));
    return withBearer(password(), "namespace", NAMESPACE, "repository", SCRATCH_NAME);
  }

  @State(NEW_NAME)
  Map<String, Object> newName() {
    return withBearer(password(), "namespace", NAMESPACE, "name", SCRATCH_NAME + "-new");
  }

  @State(SCRATCH_TAGGED)
  Map<String, Object> tagged() {
    hub.seed(s -> s.repository(NAMESPACE, SCRATCH_NAME).tag("v1.0.0"));
    return withBearer(password(), "namespace", NAMESPACE, "repository", SCRATCH_NAME, "tag", "v1.0.0");
  }

  @State(SCRATCH_TAGGED_PAT)
  Map<String, Object> taggedWithPat() {
    SeededToken[] pat = new SeededToken[1];
    hub.seed(s -> {
      s.repository(NAMESPACE, SCRATCH_NAME).tag("v1.0.0");
      pat[0] = s.personalAccessToken(NAMESPACE, "contract-admin", "repo:admin");
    });
    return withBearer(hub.accessTokenFor(pat[0]), "namespace", NAMESPACE, "repository", SCRATCH_NAME, "tag",
        "v1.0.0");
  }

  @State(SCRATCH_IMMUTABLE)
  Map<String, Object> immutable() {
    hub.seed(s -> s.repository(NAMESPACE, SCRATCH_NAME).tag("v1.0.0").immutableTags("v[0-9].*"));
    return withBearer(password(), "namespace", NAMESPACE, "repository", SCRATCH_NAME, "tag", "v1.0.0");
  }
}
