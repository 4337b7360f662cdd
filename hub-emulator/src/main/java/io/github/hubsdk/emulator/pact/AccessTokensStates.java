package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.SeededToken;
import java.util.Map;

/** The states of the access-tokens tag. */
public final class AccessTokensStates extends TagStates {

  AccessTokensStates(DockerHubEmulator hub) {
    super(hub);
  }

  private SeededToken ciToken() {
    SeededToken[] token = new SeededToken[1];
    hub.seedUntilReset(s -> token[0] = s.personalAccessToken(DockerHubEmulator.DEFAULT_USERNAME, "ci-token", "repo:read"));
    return token[0];
  }

  /** Values: uuid, bearer (a JWT from a password login). */
  @ProviderState("personal access token 'ci-token' exists")
  Map<String, Object> pat() {
    return withBearer(password(), "uuid", ciToken().uuid().toString());
  }

  /** Values: bearer, a JWT from a PAT login (as a login of it would issue it, last_used set). */
  @ProviderState("user 'hubsdk' is authenticated with a JWT issued from personal access token 'ci-token'")
  Map<String, Object> patJwt() {
    return withBearer(hub.accessTokenFor(ciToken()));
  }
}
