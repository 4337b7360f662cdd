package io.github.hubsdk.client;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The {@code X-RateLimit-*} headers of one Docker Hub answer. Immutable.
 *
 * @param limit {@code X-RateLimit-Limit}: requests allowed in the current window
 * @param remaining {@code X-RateLimit-Remaining}: requests left in the window
 * @param reset {@code X-RateLimit-Reset}: when the window resets
 * @param observedAt when the answer carrying these values was received (client clock)
 */
public record RateLimit(OptionalLong limit, OptionalLong remaining, Optional<Instant> reset, Instant observedAt) {

  /**
   * Reads the headers of an answer.
   *
   * @param headers lookup of a header's first value by case-insensitive name
   * @param now the time the answer was received
   * @return the snapshot, or empty when the answer carried none of the three headers
   */
  static Optional<RateLimit> from(Function<String, String> headers, Instant now) {
    OptionalLong limit = number(headers.apply("X-RateLimit-Limit"));
    OptionalLong remaining = number(headers.apply("X-RateLimit-Remaining"));
    OptionalLong reset = number(headers.apply("X-RateLimit-Reset"));
    if (limit.isEmpty() && remaining.isEmpty() && reset.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RateLimit(limit, remaining,
        reset.isPresent() ? epochSecond(reset.getAsLong()) : Optional.empty(), now));
  }

  /**
   * Reads the headers of a Feign answer.
   *
   * @param headers the answer's headers
   * @param now the time the answer was received
   * @return the snapshot, or empty when none of the headers was present
   */
  public static Optional<RateLimit> fromHeaders(Map<String, Collection<String>> headers, Instant now) {
    return from(name -> firstHeader(headers, name), now);
  }

  static String firstHeader(Map<String, Collection<String>> headers, String name) {
    if (headers instanceof java.util.SortedMap<String, Collection<String>> sorted
        && sorted.comparator() == String.CASE_INSENSITIVE_ORDER) {
      // Feign's own maps: one entry per name whatever its case, so a lookup finds what the scan would.
      Collection<String> values = sorted.get(name);
      return values == null || values.isEmpty() ? null : values.iterator().next();
    }
    for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().iterator().next();
      }
    }
    return null;
  }

  /** A malformed header is as good as none: a value beyond what an Instant holds is ignored. */
  static Optional<Instant> epochSecond(long seconds) {
    return seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()
        ? Optional.empty() : Optional.of(Instant.ofEpochSecond(seconds));
  }

  private static OptionalLong number(String value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      // A malformed header is as good as none; failing the call over it would help nobody.
      return OptionalLong.empty();
    }
  }
}
