package io.github.hubsdk.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests can move: the emulator reads the time only through it, so token expiry,
 * login lock-out, rate-limit windows and image activity can be tested without sleeping.
 *
 * <p>A clock is either {@linkplain #fixed(Instant) fixed} (time stands still until {@link #advance} or
 * {@link #set}) or {@linkplain #system() following the system clock} with an offset that
 * {@code advance}/{@code set} change. Thread-safe.
 */
public final class MutableClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset;

  private MutableClock(Clock base, Duration offset) {
    this.base = base;
    this.offset = new AtomicReference<>(offset);
  }

  /**
   * A clock that stands still at {@code start} until moved.
   *
   * @param start the initial instant
   * @return a new clock
   */
  public static MutableClock fixed(Instant start) {
    return new MutableClock(Clock.fixed(Objects.requireNonNull(start, "start"), ZoneOffset.UTC), Duration.ZERO);
  }

  /**
   * A clock that follows the system clock (UTC), shifted by whatever {@link #advance} adds; the
   * standalone emulator uses it so that tokens expire in real time.
   *
   * @return a new clock
   */
  public static MutableClock system() {
    return new MutableClock(Clock.systemUTC(), Duration.ZERO);
  }

  /**
   * Moves the clock forward (or back, with a negative duration).
   *
   * @param amount how far to move
   * @return this clock
   */
  public MutableClock advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    offset.updateAndGet(current -> current.plus(amount));
    return this;
  }

  /**
   * Sets the clock to {@code instant} (a system-following clock keeps ticking from there).
   *
   * @param instant the new time
   * @return this clock
   */
  public MutableClock set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    offset.set(Duration.between(base.instant(), instant));
    return this;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** Always UTC: the emulator formats every timestamp in UTC. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public String toString() {
    return "MutableClock[" + instant() + "]";
  }
}
