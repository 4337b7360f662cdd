package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.CallerState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import java.util.Map;
import java.util.Optional;

/** The states about the caller on the live Hub. */
public final class LiveCallerStates extends LiveStates {

  public LiveCallerStates(LiveSession live) {
    super(live);
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    if (ConsumerInteractions.states(interaction).contains(RATE_LIMITED)) {
      return Optional.of("exhausting the live rate limit on purpose would disturb the account and every other job"
          + " using it; verified against the emulator only");
    }
    return Optional.empty();
  }

  @State(USER)
  Map<String, Object> user() {
    LiveConfig c = live.config();
    return withBearer(live.jwt(), "username", c.username(), "password", c.secret(), "label", c.labelPrefix());
  }

  @State(INVALID_JWT)
  Map<String, Object> invalidJwt() {
    return withBearer(BAD_SIGNATURE_JWT);
  }
}
