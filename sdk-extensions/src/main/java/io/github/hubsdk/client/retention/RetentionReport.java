package io.github.hubsdk.client.retention;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying a plan did, per tag the plan deletes.
 *
 * @param planDigest the digest of the plan applied
 * @param dryRun whether nothing was meant to be deleted
 * @param outcomes one per tag the plan deletes, repository by repository
 * @param stoppedBy the failure that stopped the run, or null when it ran to the end
 */
public record RetentionReport(String planDigest, boolean dryRun, List<TagOutcome> outcomes, String stoppedBy) {

  /**
   * Copies the list.
   *
   * @param planDigest not null
   * @param dryRun the flag
   * @param outcomes not null
   * @param stoppedBy may be null
   */
  public RetentionReport {
    Objects.requireNonNull(planDigest, "planDigest");
    outcomes = List.copyOf(outcomes);
  }

  /**
   * How many tags had this outcome.
   *
   * @param outcome the outcome
   * @return the count
   */
  public long count(TagOutcome.Outcome outcome) {
    return outcomes.stream().filter(o -> o.outcome() == outcome).count();
  }

  /**
   * Whether the run ended without a failure.
   *
   * @return true when no tag failed and nothing was skipped
   */
  public boolean succeeded() {
    return stoppedBy == null && count(TagOutcome.Outcome.FAILED) == 0;
  }

  /**
   * The failure that stopped the run.
   *
   * @return its message, or empty when the run went to the end
   */
  public Optional<String> stopped() {
    return Optional.ofNullable(stoppedBy);
  }
}
