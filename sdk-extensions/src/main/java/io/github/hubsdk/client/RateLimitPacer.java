package io.github.hubsdk.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's share of Docker Hub's rate limit, shared by all its threads: fed by the
 * {@code X-RateLimit-Limit/-Remaining/-Reset} headers every answer carries, it counts the requests sent
 * since the last answer, and when the budget of the current window is spent it makes the next call wait
 * for the window's reset instead of spending it into a 429. A 429's {@code Retry-After} closes the budget
 * until then. Without headers (or with a reset in the past) nothing is paced.
 */
final class RateLimitPacer {

  /** Past the announced reset: the header is in whole seconds, so the window may end up to a second later. */
  static final Duration RESET_MARGIN = Duration.ofSeconds(1);
  /** How long a call waits for an answer in flight to tell when a spent window ends, before it goes anyway. */
  static final Duration UNKNOWN_RESET_WAIT = Duration.ofSeconds(10);
  /**
   * How long a call whose budget is spent while requests are still in flight waits for their answers before
   * it waits for the reset instead. Each in-flight request was taken off the server's count of every answer
   * (it may have been counted after), so with many threads a window looked spent several requests early and
   * a whole window was lost every few; the last answer tells the exact count.
   */
  static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(2);

  private final Clock clock;
  private final Sleeper sleeper;
  private final AtomicLong delayed = new AtomicLong();
  private final AtomicLong waitedNanos = new AtomicLong();
  /** The window's size ({@code X-RateLimit-Limit}), or -1 before an answer told it. */
  private long limit = -1;
  /** Requests left in the current window by this client's count, or -1 when unknown. */
  private long remaining = -1;
  /**
   * When the current window surely has ended (the announced reset plus {@link #RESET_MARGIN}), or null when
   * unknown (before the first answer of a window).
   */
  private Instant resetAt;
  /** The end of the window before, to recognise its late answers after this client moved on. */
  private Instant endedAt = Instant.MIN;
  /** Requests sent and not yet answered: an answer's count may not include them yet. */
  private int inFlight;
  /**
   * The least {@code X-RateLimit-Remaining} an answer of the current window reported, or -1. Once no request
   * is in flight it is exact: every request sent was counted by then, and the count only goes down.
   */
  private long serverLeast = -1;

  RateLimitPacer(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Takes one request from the budget, first waiting for the window to reset when none is left.
   *
   * @return how long this call waited for a reset
   */
  Duration acquire() throws InterruptedException {
    Duration total = Duration.ZERO;
    Instant sleptAt = null;
    long giveUpOnUnknown = System.nanoTime() + UNKNOWN_RESET_WAIT.toNanos();
    long giveUpOnInFlight = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
    while (true) {
      Duration wait;
      synchronized (this) {
        Instant now = clock.instant();
        if (resetAt != null && !now.isBefore(resetAt)) {
          // A new window: as large as the last one, until its first answer says otherwise.
          remaining = limit;
          serverLeast = -1;
          endedAt = resetAt;
          resetAt = null;
        }
        if (remaining != 0) {
          if (remaining > 0) {
            remaining--;
          }
          inFlight++;
          return record(total);
        }
        if (resetAt == null) {
          // Spent before the window's first answer came back: that answer says when the window ends.
          long left = giveUpOnUnknown - System.nanoTime();
          if (left <= 0) {
            inFlight++;
            return record(total);
          }
          wait(Math.max(1, left / 1_000_000));
          continue;
        }
        if (now.equals(sleptAt)) {
          inFlight++;
          return record(total); // the clock did not move while this call slept (a test's): go
        }
        long inFlightLeft = giveUpOnInFlight - System.nanoTime();
        if (inFlight > 0 && inFlightLeft > 0) {
          // Spent by our conservative count: the answers still to come may show requests left.
          long untilReset = Math.max(1, Duration.between(now, resetAt).toMillis());
          wait(Math.max(1, Math.min(untilReset, inFlightLeft / 1_000_000)));
          continue;
        }
        wait = Duration.between(now, resetAt);
        sleptAt = now;
      }
      sleeper.sleep(wait);
      total = total.plus(wait);
    }
  }

  private Duration record(Duration total) {
    if (!total.isZero()) {
      delayed.incrementAndGet();
      waitedNanos.addAndGet(total.toNanos());
    }
    return total;
  }

  /**
   * One request sent after {@link #acquire()} is over, with the server's word on the budget when its answer
   * carried one. The smaller of the server's count and ours holds, and requests still in flight are taken
   * off the server's count: they may have reached it after it counted.
   */
  synchronized void completed(RateLimit answer) {
    if (inFlight > 0) {
      inFlight--;
    }
    if (answer == null || answer.remaining().isEmpty() || answer.reset().isEmpty()) {
      return;
    }
    Instant reset = answer.reset().get().plus(RESET_MARGIN);
    if (!reset.isAfter(clock.instant())) {
      return;
    }
    answer.limit().ifPresent(l -> limit = l);
    if (!reset.isAfter(endedAt) || (resetAt != null && reset.isBefore(resetAt))) {
      return; // a late answer from a window that has ended
    }
    long reported = answer.remaining().getAsLong();
    long left = Math.max(0, reported - inFlight);
    boolean sameWindow = resetAt == null ? remaining >= 0 : reset.equals(resetAt);
    remaining = sameWindow && remaining >= 0 ? Math.min(remaining, left) : left;
    serverLeast = sameWindow && serverLeast >= 0 ? Math.min(serverLeast, reported) : reported;
    if (inFlight == 0) {
      remaining = Math.max(0, serverLeast); // every request sent is answered: the server's least is exact
    }
    resetAt = reset;
    notifyAll();
  }

  /** A 429: nothing is left until the server's {@code Retry-After} has passed. */
  synchronized void exhausted(Duration retryAfter) {
    if (retryAfter == null) {
      return;
    }
    Instant until = clock.instant().plus(retryAfter);
    remaining = 0;
    resetAt = resetAt == null || until.isAfter(resetAt) ? until : resetAt;
    notifyAll();
  }

  long callsDelayed() {
    return delayed.get();
  }

  Duration timeWaited() {
    return Duration.ofNanos(waitedNanos.get());
  }

}
