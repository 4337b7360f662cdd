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
 *
 * <p>The reset is announced in whole seconds, and a server may round it either way, so the window surely
 * has ended only a second past it ({@link #RESET_MARGIN}); waiting that long cost about 1.5 s per window.
 * Instead the pacer keeps the last request of a window in reserve and sends it alone, as a probe, when the
 * window has likely ended: at the announced reset, or earlier, at the window's opening plus its length as
 * the answers tell it ({@link WindowLength}). Sent early, the probe is still inside the old window's budget:
 * it succeeds, no 429, and what its time rested on is not tried again (a reset rounded down: the margin
 * holds from then on). Sent in time, its answer opens the next window for every waiting call, and a probe
 * at the announced reset that did so shows the reset exact: the pacer waits no longer than it from then
 * on. A probe is only sent when it saves more time than the request it keeps back is worth.
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
  /** The smallest window that keeps a request in reserve for a probe: below it, one request is too dear. */
  static final long PROBE_MIN_LIMIT = 10;

  /**
   * One request let through.
   *
   * @param waited how long the call waited for a reset
   * @param sentAt when it was let through
   * @param probe what the time of this probe of a spent window rested on, or null for any other request
   */
  record Permit(Duration waited, Instant sentAt, WindowLength.Basis probe) {}

  /** When to probe, and on what basis. */
  private record Probe(Instant at, WindowLength.Basis basis) {}

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
  /** Whether the probe of the current window is in flight. */
  private boolean probing;
  /** How far past the announced reset a window may end: zero until a probe sent at the reset came too early. */
  private Duration slack = Duration.ZERO;
  /** When the current window's first counted request was answered (an upper bound of its opening), or null. */
  private Instant openedAt;
  private final WindowLength windowLength = new WindowLength();
  /** Whether a probe sent at the announced reset found the next window open: this server rounds up. */
  private boolean resetShownExact;

  RateLimitPacer(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Takes one request from the budget, first waiting for the window to reset when none is left.
   *
   * @return the permit, to hand back with the answer to {@link #completed}
   */
  Permit acquire() throws InterruptedException {
    Duration total = Duration.ZERO;
    Instant sleptAt = null;
    long giveUpOnUnknown = System.nanoTime() + UNKNOWN_RESET_WAIT.toNanos();
    long giveUpOnInFlight = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
    while (true) {
      Duration wait;
      synchronized (this) {
        Instant now = clock.instant();
        if (resetAt != null && !now.isBefore(endsAt())) {
          // A new window: as large as the last one, until its first answer says otherwise.
          remaining = limit;
          serverLeast = -1;
          endedAt = resetAt;
          resetAt = null;
          openedAt = null;
          probing = false;
        }
        Probe probe = resetAt != null && !probing ? probeTime() : null;
        if (remaining < 0 || remaining > (probe != null ? 1 : 0)) {
          if (remaining > 0) {
            remaining--;
          }
          return grant(total, now, null);
        }
        if (resetAt == null) {
          // Spent before the window's first answer came back: that answer says when the window ends.
          long left = giveUpOnUnknown - System.nanoTime();
          if (left <= 0) {
            return grant(total, now, null);
          }
          wait(Math.max(1, left / 1_000_000));
          continue;
        }
        if (now.equals(sleptAt)) {
          return grant(total, now, null); // the clock did not move while this call slept (a test's): go
        }
        boolean reserved = probe != null && remaining > 0;
        if (reserved && !now.isBefore(probe.at())) {
          remaining--;
          probing = true;
          return grant(total, now, probe.basis());
        }
        Instant until = reserved ? probe.at() : endsAt();
        long inFlightLeft = giveUpOnInFlight - System.nanoTime();
        if (probing || (inFlight > 0 && inFlightLeft > 0)) {
          // The probe's answer, or those of requests counted conservatively, may open the budget early.
          long untilThen = Math.max(1, Duration.between(now, until).toMillis());
          wait(probing ? untilThen : Math.max(1, Math.min(untilThen, inFlightLeft / 1_000_000)));
          continue;
        }
        wait = Duration.between(now, until);
        sleptAt = now;
      }
      sleeper.sleep(wait);
      total = total.plus(wait);
    }
  }

  /**
   * When the current window surely has ended: the announced reset once a probe showed that this server's
   * windows end by then, else a second past it.
   */
  private Instant endsAt() {
    return resetShownExact ? announcedReset() : resetAt;
  }

  /**
   * When to send the window's last request alone, as a probe, or null when none is worth it: the probe
   * must end the wait sooner than {@link #endsAt()} by more than the request it keeps back is worth (the
   * window's length over its limit), and the window must not be too small to keep one back.
   */
  private Probe probeTime() {
    if (limit < PROBE_MIN_LIMIT) {
      return null;
    }
    Instant end = endsAt();
    Probe probe = new Probe(announcedReset().plus(slack), WindowLength.Basis.ANNOUNCED_RESET);
    WindowLength.Estimate length = openedAt == null ? null : windowLength.estimate(slack);
    if (length != null && openedAt.plus(length.length()).isBefore(probe.at())) {
      probe = new Probe(openedAt.plus(length.length()), length.basis());
    }
    Duration oneRequest = windowLength.longest() == null ? Duration.ZERO : windowLength.longest().dividedBy(limit);
    return Duration.between(probe.at(), end).compareTo(oneRequest) > 0 ? probe : null;
  }

  private Instant announcedReset() {
    return resetAt.minus(RESET_MARGIN);
  }

  private Permit grant(Duration total, Instant now, WindowLength.Basis probe) {
    inFlight++;
    if (!total.isZero()) {
      delayed.incrementAndGet();
      waitedNanos.addAndGet(total.toNanos());
    }
    return new Permit(total, now, probe);
  }

  /**
   * One request sent after {@link #acquire()} is over, with the server's word on the budget when its answer
   * carried one. The smaller of the server's count and ours holds, and requests still in flight are taken
   * off the server's count: they may have reached it after it counted.
   */
  synchronized void completed(Permit permit, RateLimit answer) {
    if (inFlight > 0) {
      inFlight--;
    }
    boolean probe = permit != null && permit.probe() != null;
    if (probe) {
      probing = false;
    }
    notifyAll();
    if (answer == null || answer.remaining().isEmpty() || answer.reset().isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Instant announced = answer.reset().get();
    Instant reset = announced.plus(RESET_MARGIN);
    if (!reset.isAfter(now)) {
      return;
    }
    answer.limit().ifPresent(l -> limit = l);
    if (!reset.isAfter(endedAt) || (resetAt != null && reset.isBefore(resetAt))) {
      return; // a late answer from a window that has ended
    }
    long reported = answer.remaining().getAsLong();
    long left = Math.max(0, reported - inFlight);
    boolean sameWindow = resetAt == null ? remaining >= 0 : reset.equals(resetAt);
    if (probe && sameWindow && resetAt != null) {
      // The probe went before the window ended (it spent the reserve, no more): stop guessing that early.
      if (permit.probe() == WindowLength.Basis.ANNOUNCED_RESET) {
        slack = RESET_MARGIN;
      } else {
        windowLength.refuted(permit.probe());
      }
    } else if (probe && permit.probe() == WindowLength.Basis.ANNOUNCED_RESET && resetAt != null) {
      resetShownExact = true; // sent at the announced reset, it opened the next window
    }
    if (resetAt != null && !sameWindow) {
      openedAt = null; // the next window, opened before this client's cautious end of the last
    }
    remaining = sameWindow && remaining >= 0 ? Math.min(remaining, left) : left;
    serverLeast = sameWindow && serverLeast >= 0 ? Math.min(serverLeast, reported) : reported;
    if (inFlight == 0) {
      remaining = Math.max(0, serverLeast); // every request sent is answered: the server's least is exact
    }
    if (permit != null && limit > 0 && reported == limit - 1) {
      // This request opened its window, between its sending and now: it tells how long windows last.
      openedAt = now;
      windowLength.opened(permit.sentAt(), now, announced);
    }
    resetAt = reset;
  }

  /** A 429: nothing is left until the server's {@code Retry-After} has passed. */
  synchronized void exhausted(Duration retryAfter) {
    if (retryAfter == null) {
      return;
    }
    Instant until = clock.instant().plus(retryAfter);
    remaining = 0;
    resetShownExact = false;
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
