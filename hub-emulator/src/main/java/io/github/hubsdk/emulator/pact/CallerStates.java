package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** The states about the caller rather than one tag's data; interactions of any tag use them. */
public final class CallerStates extends TagStates {

  /** JWT-shaped, with a signature no provider accepts. */
  public static final String BAD_SIGNATURE_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJodWJzZGsifQ.bm90LWEtdmFsaWQtc2lnbmF0dXJl";

  CallerStates(DockerHubEmulator hub) {
    super(hub);
  }

  /** Values: username, password, label (for a token to create), bearer. */
  @ProviderState("user 'hubsdk' exists with password login")
  Map<String, Object> user() {
    return withBearer(password(), "username", DockerHubEmulator.DEFAULT_USERNAME,
        "password", DockerHubEmulator.DEFAULT_PASSWORD, "label", "hubsdk-contract-emulator");
  }

  /** Values: bearer, not a valid JWT. */
  @ProviderState("the caller's JWT is not valid")
  Map<String, Object> invalidJwt() {
    return withBearer(BAD_SIGNATURE_JWT);
  }

  /** The emulator's own limiter counts per window from its start; an expectation makes "the next one" exact. */
  @ProviderState("user 'hubsdk' has exhausted the rate limit")
  Map<String, Object> rateLimited() {
    hub.expect().any("*")
        .andReturn(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}", Map.of("Retry-After", "30"))
        .once();
    return values();
  }
}
