package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.OrgAccessTokensState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the org-access-tokens tag; implemented in {@link io.github.hubsdk.emulator.pact.OrgAccessTokensStates}. */
public final class OrgAccessTokensStates extends EmulatorStatesSupport {

  public OrgAccessTokensStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(ORG_WITH_OAT)
  Map<String, Object> orgWithOat(Map<String, Object> params) {
    return setup(ORG_WITH_OAT, params);
  }
}
