package io.github.hubsdk.contracts.live;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.catalogue.TagClasses;
import io.github.hubsdk.contracts.live.states.LiveCallerStates;
import io.github.hubsdk.contracts.live.states.LiveStates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The interactions a live account cannot serve, each with its reason. Used as the {@code @PactFilter} of
 * the live verification: every exclusion is printed and recorded, and the verification then proves that
 * all other interactions were verified. The reasons live next to the states: the interaction's tag's
 * {@code Live<Tag>States} is asked first, then {@link LiveCallerStates}.
 */
public final class LiveExclusions implements InteractionFilter<Interaction> {

  private static final Map<String, String> EXCLUDED = Collections.synchronizedMap(new TreeMap<>());

  /** Reason to leave an interaction out of live verification, or empty to verify it. */
  static Optional<String> reason(Interaction interaction, LiveConfig config) {
    LiveSession unconnected = new LiveSession(config);
    List<LiveStates> asked = new ArrayList<>();
    ConsumerInteractions.tag(interaction).flatMap(t -> TagClasses.forTag(LiveCallerStates.class, "Live", t))
        .ifPresent(c -> asked.add((LiveStates) TagClasses.create(c, LiveSession.class, unconnected)));
    asked.add(new LiveCallerStates(unconnected));
    for (LiveStates states : asked) {
      Optional<String> why = states.cannotServe(interaction, config);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  /** The interactions ({@link ConsumerInteractions#key}) excluded so far, with their reasons. */
  static Map<String, String> excluded() {
    synchronized (EXCLUDED) {
      return Map.copyOf(EXCLUDED);
    }
  }

  @Override
  public Predicate<Interaction> buildPredicate(String[] values) {
    LiveConfig config = LiveConfig.current();
    return interaction -> {
      Optional<String> why = reason(interaction, config);
      why.ifPresent(reason -> {
        if (EXCLUDED.put(ConsumerInteractions.key(interaction), reason) == null) {
          System.out.println("LIVE EXCLUDED: " + interaction.getDescription() + " -- " + reason);
        }
      });
      return why.isEmpty();
    };
  }
}
