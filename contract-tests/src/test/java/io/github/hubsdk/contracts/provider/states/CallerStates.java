package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.CallerState.*;
import static io.github.hubsdk.contracts.states.StateValues.values;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** The states about the caller ({@link io.github.hubsdk.contracts.states.CallerState}) on the emulator. */
public final class CallerStates extends EmulatorStatesSupport {

  public CallerStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(USER)
  Map<String, Object> user() {
    return withBearer(password(), "username", DockerHubEmulator.DEFAULT_USERNAME,
        "password", DockerHubEmulator.DEFAULT_PASSWORD, "label", "hubsdk-contract-emulator");
  }

  @State(INVALID_JWT)
  Map<String, Object> invalidJwt() {
    return withBearer(BAD_SIGNATURE_JWT);
  }

  /** The emulator's own limiter counts per window from its start; an expectation makes "the next one" exact. */
  @State(RATE_LIMITED)
  Map<String, Object> rateLimited() {
    hub.expect().any("*")
        .andReturn(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}", Map.of("Retry-After", "30"))
        .once();
    return values();
  }
}
