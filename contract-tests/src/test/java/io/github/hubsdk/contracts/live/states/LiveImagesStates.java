package io.github.hubsdk.contracts.live.states;

import au.com.dius.pact.core.model.Interaction;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import java.util.Optional;

/** The images tag on the live Hub: retired, so no states, every interaction excluded. */
public final class LiveImagesStates extends LiveStates {

  public static final String RETIRED = "Advanced Image Management was retired on the live Hub on 2023-12-11"
      + " (docker/roadmap#534); verified against the emulator only";

  public LiveImagesStates(LiveSession live) {
    super(live);
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    return Optional.of(RETIRED);
  }
}
