package io.github.hubsdk.contracts.live;

import static io.github.hubsdk.contracts.Contract.*;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The interactions a live account cannot serve, each with its reason. Used as the {@code @PactFilter} of
 * the live verification: every exclusion is printed and recorded, and the verification then proves that
 * all other interactions were verified.
 */
public final class LiveExclusions implements InteractionFilter<Interaction> {

  static final String RETIRED = "Advanced Image Management was retired on the live Hub on 2023-12-11"
      + " (docker/roadmap#534); verified against the emulator only";

  private static final Map<String, String> EXCLUDED = Collections.synchronizedMap(new TreeMap<>());

  /** Reason to leave an interaction out of live verification, or empty to verify it. */
  static Optional<String> reason(Interaction interaction, LiveConfig config) {
    Set<String> states = new java.util.HashSet<>();
    for (ProviderState s : interaction.getProviderStates()) {
      states.add(s.getName());
    }
    String path = interaction.isSynchronousRequestResponse()
        ? interaction.asSynchronousRequestResponse().getRequest().getPath() : "";
    if (states.stream().anyMatch(List.of(IMAGES, IMAGE_DELETABLE, IMAGE_BUSY, FREE_PLAN)::contains)
        || path.contains("/delete-images") || path.matches(".*/repositories/[^/]+/images.*")) {
      return Optional.of(RETIRED);
    }
    if (states.contains(USER_2FA) || states.contains(PENDING_2FA)) {
      return Optional.of("needs an account with two-factor authentication and a way to compute its TOTP codes;"
          + " verified against the emulator only");
    }
    if (states.contains(RATE_LIMITED)) {
      return Optional.of("exhausting the live rate limit on purpose would disturb the account and every other job"
          + " using it; verified against the emulator only");
    }
    if (!config.secretIsPassword() && (path.startsWith("/v2/access-tokens") || states.contains(PAT_JWT))) {
      return Optional.of("managing access tokens needs a password login, and DOCKERHUB_TOKEN is a personal access"
          + " token (set DOCKERHUB_PASSWORD to verify these)");
    }
    if (states.contains(ORG_BUSINESS) && !config.orgPlan().equals("business")) {
      return Optional.of("restricted images needs an organization on the Business plan; DOCKERHUB_ORG_PLAN is '"
          + config.orgPlan() + "' (set it to business when DOCKERHUB_ORG has that plan)");
    }
    if (states.contains(ORG_TEAM) && (config.orgPlan().isEmpty() || config.orgPlan().equals("business"))) {
      return Optional.of("needs an organization without the Business plan; DOCKERHUB_ORG_PLAN is '" + config.orgPlan()
          + "' (set it to team or free when DOCKERHUB_ORG has that plan)");
    }
    return Optional.empty();
  }

  /** The interactions excluded so far, with their reasons. */
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
        if (EXCLUDED.put(interaction.getDescription(), reason) == null) {
          System.out.println("LIVE EXCLUDED: " + interaction.getDescription() + " -- " + reason);
        }
      });
      return why.isEmpty();
    };
  }
}
