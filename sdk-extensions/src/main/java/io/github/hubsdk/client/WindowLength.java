package io.github.hubsdk.client;

import java.time.Duration;
import java.time.Instant;

/**
 * What a client learns of the length of the server's rate-limit windows from the answers that opened one
 * (the first request a window counted: its answer reports one less than the limit). Such a window opened
 * between the request's sending and its answer, and ended by its announced reset (whole seconds), so each
 * bounds the length from both sides; a whole number of seconds, when exactly one fits, is the likely
 * length. Every estimate is a guess that a probe checks, and a probe that came early refutes its basis for
 * good (see {@link RateLimitPacer}). Not thread-safe: the pacer's lock guards it.
 */
final class WindowLength {

  /** What a probe's time rests on. */
  enum Basis {
    /** The announced reset, plus the slack of a server that rounds it down. */
    ANNOUNCED_RESET,
    /** The window's opening plus the longest length the answers allow. */
    LONGEST_LENGTH,
    /** The window's opening plus the only whole number of seconds the answers allow. */
    WHOLE_SECONDS
  }

  /**
   * A window length and what it rests on.
   *
   * @param length how long a window lasts at most, by this basis
   * @param basis the basis
   */
  record Estimate(Duration length, Basis basis) {}

  private static final Duration SECOND = Duration.ofSeconds(1);

  /** The least "announced reset minus sending time" of an opening request: the window lasts no longer. */
  private Duration longest;
  /** The greatest "announced reset, less a second, minus answer time": the window lasts longer than that. */
  private Duration shorterThan;
  private boolean longestRefuted;
  private boolean wholeSecondsRefuted;

  /** A request that opened a window: sent at {@code sentAt}, answered at {@code answeredAt}. */
  void opened(Instant sentAt, Instant answeredAt, Instant announcedReset) {
    Duration atMost = Duration.between(sentAt, announcedReset);
    Duration moreThan = Duration.between(answeredAt, announcedReset).minus(SECOND);
    longest = longest == null || atMost.compareTo(longest) < 0 ? atMost : longest;
    shorterThan = shorterThan == null || moreThan.compareTo(shorterThan) > 0 ? moreThan : shorterThan;
  }

  /**
   * The best unrefuted estimate of the window's length, or null when nothing is known.
   *
   * @param slack how far past the announced reset this server's windows may end
   */
  Estimate estimate(Duration slack) {
    if (longest == null || longestRefuted) {
      return null;
    }
    Duration upper = longest.plus(slack);
    Duration lower = shorterThan.plus(slack);
    if (!wholeSecondsRefuted) {
      long seconds = Math.floorDiv(lower.toMillis(), 1000) + 1; // the least whole second above the lower bound
      Duration whole = Duration.ofSeconds(seconds);
      if (whole.compareTo(upper) < 0 && whole.plus(SECOND).compareTo(upper) > 0) {
        return new Estimate(whole, Basis.WHOLE_SECONDS);
      }
    }
    return new Estimate(upper, Basis.LONGEST_LENGTH);
  }

  /** The longest a window lasts by the answers, or null: what one request of it is worth. */
  Duration longest() {
    return longest;
  }

  /** A probe on this basis came before the window ended. */
  void refuted(Basis basis) {
    if (basis == Basis.WHOLE_SECONDS) {
      wholeSecondsRefuted = true;
    } else if (basis == Basis.LONGEST_LENGTH) {
      longestRefuted = true;
    }
  }
}
