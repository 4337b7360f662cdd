package io.github.hubsdk.contracts.live.states;

import au.com.dius.pact.core.model.Interaction;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import java.util.Optional;

/**
 * The live states of one tag (or of the caller): {@code @State} methods that set up what the interaction
 * needs through {@link LiveSession}, and the reasons a live account cannot serve some of the tag's
 * interactions. Constructors only keep the session: {@code LiveExclusions} makes the classes to ask
 * {@link #cannotServe} before anything connects.
 */
public abstract class LiveStates {

  protected final LiveSession live;

  protected LiveStates(LiveSession live) {
    this.live = live;
  }

  /**
   * Why the live account cannot serve this interaction (of the class's tag, or of any tag for
   * {@link LiveCallerStates}); must not use the session.
   *
   * @return the reason, printed with the exclusion, or empty to verify the interaction live
   */
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    return Optional.empty();
  }
}
