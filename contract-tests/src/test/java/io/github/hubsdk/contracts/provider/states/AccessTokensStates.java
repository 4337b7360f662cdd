package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.AccessTokensState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.SeededToken;
import java.io.IOException;
import java.util.Map;

/** The states of the access-tokens tag on the emulator. */
public final class AccessTokensStates extends EmulatorStatesSupport {

  public AccessTokensStates(DockerHubEmulator hub) {
    super(hub);
  }

  private SeededToken ciToken() {
    SeededToken[] token = new SeededToken[1];
    hub.seed(s -> token[0] = s.personalAccessToken(DockerHubEmulator.DEFAULT_USERNAME, "ci-token", "repo:read"));
    return token[0];
  }

  @State(PAT)
  Map<String, Object> pat() {
    return withBearer(password(), "uuid", ciToken().uuid().toString());
  }

  /** The emulator issues PAT-derived JWTs only through a login. */
  @State(PAT_JWT)
  Map<String, Object> patJwt() throws IOException, InterruptedException {
    String json = "{\"identifier\":\"" + DockerHubEmulator.DEFAULT_USERNAME + "\",\"secret\":\"" + ciToken().secret() + "\"}";
    return withBearer(post("/v2/auth/token", json, 200).path("access_token").asText());
  }
}
