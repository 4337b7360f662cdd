package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.AccountsState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.util.Map;

/** The states of the accounts tag on the emulator. */
public final class AccountsStates extends EmulatorStatesSupport {

  public AccountsStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(MEMBER_OF_ORG)
  Map<String, Object> memberOfOrg() {
    hub.seed(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      s.profile("hubsdk-org").fullName("hubsdk contract organization");
    });
    return withBearer(password(), "username", DockerHubEmulator.DEFAULT_USERNAME, "org", "hubsdk-org");
  }
}
