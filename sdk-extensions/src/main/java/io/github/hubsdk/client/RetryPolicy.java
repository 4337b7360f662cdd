package io.github.hubsdk.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When the client retries a call. Only idempotent calls (GET, PUT, DELETE) are retried, and only after
 * 429, 502, 503, 504 or a broken connection; POST and PATCH, and every login, are never retried. A wait
 * the server asks for ({@code Retry-After}, {@code X-Retry-After}) is honoured instead of the backoff;
 * the total of all waits for one call never exceeds {@link Builder#maxTotalWait(Duration)}. Immutable.
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseBackoff;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration maxTotalWait;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseBackoff = b.baseBackoff;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
    this.maxTotalWait = b.maxTotalWait;
  }

  /**
   * The defaults: 4 attempts, backoff from 500 ms doubling up to 30 s, 20 % jitter, at most 60 s of
   * waiting in total.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Never retry.
   *
   * @return a policy with a single attempt
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The most attempts per call, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The upper bound of all waits for one call.
   *
   * @return the budget
   */
  public Duration maxTotalWait() {
    return maxTotalWait;
  }

  /**
   * How long to wait before the next attempt, or empty to give up.
   *
   * @param attemptsMade attempts made so far (1 after the first)
   * @param serverHint the wait the server asked for, or null
   * @param waitedSoFar the total already waited for this call
   * @return the wait, or empty when attempts or the wait budget are exhausted
   */
  Optional<Duration> delayBeforeNextAttempt(int attemptsMade, Duration serverHint, Duration waitedSoFar) {
    if (attemptsMade >= maxAttempts) {
      return Optional.empty();
    }
    Duration delay;
    if (serverHint != null) {
      delay = serverHint.isNegative() ? Duration.ZERO : serverHint;
    } else {
      long base = baseBackoff.toMillis();
      long exp = base << Math.min(30, attemptsMade - 1);
      long capped = exp < 0 ? maxBackoff.toMillis() : Math.min(maxBackoff.toMillis(), exp);
      // Jitter only shortens the wait, so the cap stays a cap.
      double factor = 1.0 - jitter * ThreadLocalRandom.current().nextDouble();
      delay = Duration.ofMillis(Math.round(capped * factor));
    }
    if (waitedSoFar.plus(delay).compareTo(maxTotalWait) > 0) {
      return Optional.empty();
    }
    return Optional.of(delay);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseBackoff=" + baseBackoff + ", maxBackoff=" + maxBackoff
        + ", jitter=" + jitter + ", maxTotalWait=" + maxTotalWait + "}";
  }

  /** Builds a {@link RetryPolicy}; every setting has a default. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration baseBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private double jitter = 0.2;
    private Duration maxTotalWait = Duration.ofSeconds(60);

    private Builder() {
    }

    /**
     * The most attempts per call, the first included (default 4; 1 disables retries).
     *
     * @param attempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * The wait before the first retry when the server gives none; it doubles per retry (default 500 ms).
     *
     * @param backoff not negative
     * @return this builder
     */
    public Builder baseBackoff(Duration backoff) {
      this.baseBackoff = notNegative(backoff, "baseBackoff");
      return this;
    }

    /**
     * The longest computed backoff (default 30 s). A server-requested wait may be longer, within
     * {@link #maxTotalWait(Duration)}.
     *
     * @param backoff not negative
     * @return this builder
     */
    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = notNegative(backoff, "maxBackoff");
      return this;
    }

    /**
     * The fraction by which a computed backoff is randomly shortened, so that many clients do not retry
     * in step (default 0.2; 0 for none).
     *
     * @param fraction 0 to 1
     * @return this builder
     */
    public Builder jitter(double fraction) {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1, was " + fraction);
      }
      this.jitter = fraction;
      return this;
    }

    /**
     * The upper bound of all waits for one call (default 60 s). When the server asks for a longer wait
     * than what is left, the call fails at once with the server's answer.
     *
     * @param budget not negative
     * @return this builder
     */
    public Builder maxTotalWait(Duration budget) {
      this.maxTotalWait = notNegative(budget, "maxTotalWait");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the immutable policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration notNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
