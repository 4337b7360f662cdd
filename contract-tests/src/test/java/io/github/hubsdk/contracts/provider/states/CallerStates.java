package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.CallerState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states about the caller ({@link io.github.hubsdk.contracts.states.CallerState}); implemented in {@link io.github.hubsdk.emulator.pact.CallerStates}. */
public final class CallerStates extends EmulatorStatesSupport {

  public CallerStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(USER)
  Map<String, Object> user(Map<String, Object> params) {
    return setup(USER, params);
  }

  @State(INVALID_JWT)
  Map<String, Object> invalidJwt(Map<String, Object> params) {
    return setup(INVALID_JWT, params);
  }

  @State(RATE_LIMITED)
  Map<String, Object> rateLimited(Map<String, Object> params) {
    return setup(RATE_LIMITED, params);
  }
}
