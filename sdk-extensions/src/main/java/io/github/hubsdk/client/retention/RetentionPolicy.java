package io.github.hubsdk.client.retention;

import io.github.hubsdk.client.error.InvalidRequestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tags a clean-up deletes. A tag is deleted only when every rule agrees; it is kept when any of these
 * holds, checked in this order (the first one is the reason a plan gives):
 * <ol>
 *   <li>an immutable-tag rule of the repository covers it (never deleted, whatever the policy says);</li>
 *   <li>it matches a {@linkplain Builder#keep(String...) keep pattern};</li>
 *   <li>it is one of the {@linkplain Builder#keepLast(int) newest N} tags of its repository, by last push
 *       (counted over all the repository's tags; a tag whose push time is unknown counts as newest);</li>
 *   <li>{@linkplain Builder#delete(String...) delete patterns} are set and it matches none;</li>
 *   <li>{@linkplain Builder#olderThan(Duration) an age} is set and the tag was pushed or pulled within it, or
 *       its push time is unknown.</li>
 * </ol>
 * A policy needs at least one delete pattern or an age: to delete everything but the newest N, say
 * {@code delete("*")}. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * RetentionPolicy policy = RetentionPolicy.builder()
 *     .keepLast(5).keep("latest", "semver")
 *     .delete("sha-*", "pr-*").olderThan(Duration.ofDays(30))
 *     .build();
 * }</pre>
 *
 * @param keepLast how many of the newest tags to keep, 0 or more
 * @param keep patterns of tags always kept
 * @param delete patterns of tags that may be deleted; empty means any tag
 * @param olderThan how long a tag must have been neither pushed nor pulled, or null for no age rule
 */
public record RetentionPolicy(int keepLast, List<TagPattern> keep, List<TagPattern> delete, Duration olderThan) {

  /** The most patterns of each kind. */
  public static final int MAX_PATTERNS = 100;
  /** The largest {@link #keepLast()}. */
  public static final int MAX_KEEP_LAST = 100_000;

  /**
   * Checks the rules.
   *
   * @param keepLast 0 to {@value #MAX_KEEP_LAST}
   * @param keep up to {@value #MAX_PATTERNS} patterns
   * @param delete up to {@value #MAX_PATTERNS} patterns
   * @param olderThan positive, or null
   * @throws InvalidRequestException when a rule is out of range or nothing could ever be deleted
   */
  public RetentionPolicy {
    if (keepLast < 0 || keepLast > MAX_KEEP_LAST) {
      throw new InvalidRequestException("keepLast must be between 0 and " + MAX_KEEP_LAST + ", was " + keepLast);
    }
    keep = List.copyOf(Objects.requireNonNull(keep, "keep"));
    delete = List.copyOf(Objects.requireNonNull(delete, "delete"));
    if (keep.size() > MAX_PATTERNS || delete.size() > MAX_PATTERNS) {
      throw new InvalidRequestException("a policy takes at most " + MAX_PATTERNS + " keep and " + MAX_PATTERNS
          + " delete patterns");
    }
    if (olderThan != null && (olderThan.isNegative() || olderThan.isZero())) {
      throw new InvalidRequestException("olderThan must be positive, was " + olderThan);
    }
    if (delete.isEmpty() && olderThan == null) {
      throw new InvalidRequestException("a retention policy needs a delete pattern or an age (olderThan); "
          + "to delete every tag but the kept ones, use the delete pattern *");
    }
  }

  /**
   * A builder with no rules.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The age rule.
   *
   * @return the age, or empty when there is none
   */
  public Optional<Duration> age() {
    return Optional.ofNullable(olderThan);
  }

  @Override
  public String toString() {
    return "RetentionPolicy{keepLast=" + keepLast + ", keep=" + keep + ", delete=" + delete + ", olderThan="
        + olderThan + "}";
  }

  /** Builds a {@link RetentionPolicy}; {@link #build()} checks the rules. */
  public static final class Builder {
    private int keepLast;
    private final List<TagPattern> keep = new ArrayList<>();
    private final List<TagPattern> delete = new ArrayList<>();
    private Duration olderThan;

    private Builder() {
    }

    /**
     * Keeps the newest {@code n} tags of each repository, by last push.
     *
     * @param n 0 or more
     * @return this builder
     */
    public Builder keepLast(int n) {
      this.keepLast = n;
      return this;
    }

    /**
     * Always keeps tags matching any of these patterns (see {@link TagPattern}).
     *
     * @param patterns e.g. {@code latest}, {@code semver}, {@code release-*}
     * @return this builder
     */
    public Builder keep(String... patterns) {
      for (String p : patterns) {
        keep.add(TagPattern.of(p));
      }
      return this;
    }

    /**
     * Deletes only tags matching one of these patterns (see {@link TagPattern}).
     *
     * @param patterns e.g. {@code sha-*}, {@code pr-*}
     * @return this builder
     */
    public Builder delete(String... patterns) {
      for (String p : patterns) {
        delete.add(TagPattern.of(p));
      }
      return this;
    }

    /**
     * Deletes only tags neither pushed nor pulled for this long before the plan is made.
     *
     * @param age positive
     * @return this builder
     */
    public Builder olderThan(Duration age) {
      this.olderThan = Objects.requireNonNull(age, "age");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws InvalidRequestException when a rule is out of range or nothing could ever be deleted
     */
    public RetentionPolicy build() {
      return new RetentionPolicy(keepLast, keep, delete, olderThan);
    }
  }
}
