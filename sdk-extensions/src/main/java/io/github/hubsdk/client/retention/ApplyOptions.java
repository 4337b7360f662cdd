package io.github.hubsdk.client.retention;

import io.github.hubsdk.client.error.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Retention#apply(RetentionPlan, ApplyOptions)} runs. The default is a dry run: every check is made
 * (the plan's completeness, age and integrity, the immutable-tag rules and each tag re-read), nothing is deleted.
 *
 * <pre>{@code
 * retention.apply(plan, ApplyOptions.defaults());           // dry run: reports WOULD_DELETE
 * retention.apply(plan, ApplyOptions.defaults().forReal()); // deletes
 * }</pre>
 *
 * @param dryRun true to delete nothing
 * @param maxAge the oldest plan that is applied
 */
public record ApplyOptions(boolean dryRun, Duration maxAge) {

  /** The default {@link #maxAge()}: a plan is meant to be reviewed and applied the same day. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

  /**
   * Checks the age.
   *
   * @param dryRun true to delete nothing
   * @param maxAge positive
   */
  public ApplyOptions {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new InvalidRequestException("maxAge must be positive, was " + maxAge);
    }
  }

  /**
   * A dry run accepting plans up to {@link #DEFAULT_MAX_AGE} old.
   *
   * @return the options
   */
  public static ApplyOptions defaults() {
    return new ApplyOptions(true, DEFAULT_MAX_AGE);
  }

  /**
   * The same options, deleting for real.
   *
   * @return new options
   */
  public ApplyOptions forReal() {
    return new ApplyOptions(false, maxAge);
  }

  /**
   * The same options with another maximum plan age.
   *
   * @param age positive
   * @return new options
   */
  public ApplyOptions maxAge(Duration age) {
    return new ApplyOptions(dryRun, age);
  }
}
