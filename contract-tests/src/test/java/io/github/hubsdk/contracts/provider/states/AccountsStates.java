package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.AccountsState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the accounts tag; implemented in {@link io.github.hubsdk.emulator.pact.AccountsStates}. */
public final class AccountsStates extends EmulatorStatesSupport {

  public AccountsStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(MEMBER_OF_ORG)
  Map<String, Object> memberOfOrg(Map<String, Object> params) {
    return setup(MEMBER_OF_ORG, params);
  }
}
