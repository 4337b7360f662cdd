package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.AuthenticationState.*;

import au.com.dius.pact.core.model.Interaction;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import java.util.List;
import java.util.Optional;

/** The authentication tag on the live Hub: its interactions use the caller's states, or are excluded. */
public final class LiveAuthenticationStates extends LiveStates {

  public LiveAuthenticationStates(LiveSession live) {
    super(live);
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    List<String> states = ConsumerInteractions.states(interaction);
    if (states.contains(USER_2FA) || states.contains(PENDING_2FA)) {
      return Optional.of("needs an account with two-factor authentication and a way to compute its TOTP codes;"
          + " verified against the emulator only");
    }
    if (states.contains(LOCKED_OUT)) {
      return Optional.of("locking the live account on purpose would lock out every job using it; verified against"
          + " the emulator only");
    }
    if (interaction.isSynchronousRequestResponse()
        && interaction.asSynchronousRequestResponse().getResponse().getStatus() == 400) {
      return Optional.of("a malformed login may count towards the live account's lock-out, and the run already"
          + " spends a failed login on the wrong-password interaction; verified against the emulator only");
    }
    return Optional.empty();
  }
}
