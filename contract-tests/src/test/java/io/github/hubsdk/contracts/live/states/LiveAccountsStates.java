package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.AccountsState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.contracts.live.LiveSession;
import java.util.Map;

/** The accounts states on the live Hub: the test user and the organization it is configured with. */
public final class LiveAccountsStates extends LiveStates {

  public LiveAccountsStates(LiveSession live) {
    super(live);
  }

  @State(MEMBER_OF_ORG)
  Map<String, Object> memberOfOrg() {
    return withBearer(live.jwt(), "username", live.config().username(), "org", live.config().org());
  }
}
