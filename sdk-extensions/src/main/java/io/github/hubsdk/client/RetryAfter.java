package io.github.hubsdk.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/**
 * Reads how long the server wants the client to wait. Docker Hub documents {@code Retry-After} as
 * seconds but has been seen sending a unix timestamp there, and older deployments send
 * {@code X-Retry-After} as a unix timestamp; all are accepted, as is the HTTP-date form of the standard.
 */
final class RetryAfter {

  /**
   * Numbers at least this large are unix timestamps, not delays: 10^9 seconds is over 31 years, and as
   * an epoch second it is September 2001, before any answer this client can receive.
   */
  static final long EPOCH_THRESHOLD = 1_000_000_000L;

  private RetryAfter() {
  }

  static Duration parse(Map<String, Collection<String>> headers, Clock clock) {
    Duration d = parseValue(RateLimit.firstHeader(headers, "Retry-After"), clock);
    if (d == null) {
      String x = RateLimit.firstHeader(headers, "X-Retry-After");
      d = parseValue(x, clock);
    }
    return d;
  }

  static Duration parseValue(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long n = Long.parseLong(v);
      if (n >= EPOCH_THRESHOLD) {
        return RateLimit.epochSecond(n).map(at -> nonNegative(Duration.between(clock.instant(), at))).orElse(null);
      }
      return nonNegative(Duration.ofSeconds(n));
    } catch (NumberFormatException notANumber) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return nonNegative(Duration.between(clock.instant(), at));
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
