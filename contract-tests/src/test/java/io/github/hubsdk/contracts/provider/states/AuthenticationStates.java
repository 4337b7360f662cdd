package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.AuthenticationState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the authentication tag; implemented in {@link io.github.hubsdk.emulator.pact.AuthenticationStates}. */
public final class AuthenticationStates extends EmulatorStatesSupport {

  public AuthenticationStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(USER_2FA)
  Map<String, Object> twoFactorUser(Map<String, Object> params) {
    return setup(USER_2FA, params);
  }

  @State(PENDING_2FA)
  Map<String, Object> pendingTwoFactorLogin(Map<String, Object> params) {
    return setup(PENDING_2FA, params);
  }

  @State(LOCKED_OUT)
  Map<String, Object> lockedOut(Map<String, Object> params) {
    return setup(LOCKED_OUT, params);
  }
}
