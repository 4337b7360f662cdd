package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.AccessTokensState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the access-tokens tag; implemented in {@link io.github.hubsdk.emulator.pact.AccessTokensStates}. */
public final class AccessTokensStates extends EmulatorStatesSupport {

  public AccessTokensStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(PAT)
  Map<String, Object> pat(Map<String, Object> params) {
    return setup(PAT, params);
  }

  @State(PAT_JWT)
  Map<String, Object> patJwt(Map<String, Object> params) {
    return setup(PAT_JWT, params);
  }
}
