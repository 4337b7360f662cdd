package io.github.hubsdk.emulator.internal.rate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fixed-window request counting per client address, and the {@code X-RateLimit-*} headers that the live
 * Hub puts on every answer. With no limit configured the windows are still counted and the headers still
 * sent, with {@link #UNLIMITED} as the limit, so a client that reads them sees the same shape as live; no
 * request is ever refused then. The window table is bounded (least recently seen address first out).
 * Thread-safe. Internal API.
 */
public final class RateLimiter {

  /** The {@code X-RateLimit-Limit} reported when rate limiting is off. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  /**
   * One request's outcome.
   *
   * @param headers the three {@code X-RateLimit-*} headers for the answer
   * @param limited true when the request is over the limit (answer 429)
   * @param windowEnd when the current window ends (the Retry-After of a 429)
   */
  public record Decision(Map<String, String> headers, boolean limited, Instant windowEnd) {}

  private final Clock clock;
  // Changed at run time by the control API: one immutable pair, so a request never sees a new limit with an
  // old window.
  private volatile Settings settings;
  private final Map<String, long[]> windows;

  /**
   * @param limit requests per window, 0 for no limit
   * @param window the window length
   * @param maxClients how many client addresses to remember
   */
  public RateLimiter(Clock clock, int limit, Duration window, int maxClients) {
    this.clock = clock;
    this.settings = new Settings(limit, window);
    this.windows = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
        return size() > maxClients;
      }
    };
  }

  /**
   * The limit in force.
   *
   * @param limit requests per window, 0 when rate limiting is off (windows still counted for the headers)
   * @param window the window length
   */
  public record Settings(int limit, Duration window) {}

  /** The limit in force. */
  public Settings settings() {
    return settings;
  }

  /** Changes the limit (0: off) and window from the next request on, forgetting the windows counted so far. */
  public void configure(int limit, Duration window) {
    if (limit < 0 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("limit must be >= 0 and window positive");
    }
    synchronized (windows) {
      settings = new Settings(limit, window);
      windows.clear();
    }
  }

  /** Counts one request of {@code clientIp} against its window. */
  public Decision count(String clientIp) {
    Settings current = settings;
    int limit = current.limit();
    long windowMillis = current.window().toMillis();
    long now = clock.instant().toEpochMilli();
    long count;
    long windowEnd;
    synchronized (windows) {
      long[] window = windows.computeIfAbsent(clientIp, k -> new long[] {now, 0});
      if (now >= window[0] + windowMillis || now < window[0]) {
        window[0] = now;
        window[1] = 0;
      }
      window[1]++;
      count = window[1];
      windowEnd = window[0] + windowMillis;
    }
    long shownLimit = limit > 0 ? limit : UNLIMITED;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Limit", Long.toString(shownLimit));
    headers.put("X-RateLimit-Remaining", Long.toString(Math.max(0, shownLimit - count)));
    headers.put("X-RateLimit-Reset", Long.toString((windowEnd + 999) / 1000));
    return new Decision(Collections.unmodifiableMap(headers), limit > 0 && count > limit, Instant.ofEpochMilli(windowEnd));
  }

  /** Forgets every window (on reset). */
  public void reset() {
    synchronized (windows) {
      windows.clear();
    }
  }
}
