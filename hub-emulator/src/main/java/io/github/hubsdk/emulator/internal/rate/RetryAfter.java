package io.github.hubsdk.emulator.internal.rate;

import io.github.hubsdk.emulator.RetryAfterFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the {@code Retry-After} (and optionally {@code X-Retry-After}) headers of a 429. Internal API. */
public final class RetryAfter {

  private final Clock clock;
  private final RetryAfterFormat format;
  private final boolean xRetryAfter;

  public RetryAfter(Clock clock, RetryAfterFormat format, boolean xRetryAfter) {
    this.clock = clock;
    this.format = format;
    this.xRetryAfter = xRetryAfter;
  }

  /** The headers that tell a client to come back at {@code at}: seconds (at least 1) or unix time. */
  public Map<String, String> headers(Instant at) {
    long unix = (at.toEpochMilli() + 999) / 1000;
    long delta = Math.max(1, (Duration.between(clock.instant(), at).toMillis() + 999) / 1000);
    Map<String, String> out = new LinkedHashMap<>();
    out.put("Retry-After", Long.toString(format == RetryAfterFormat.UNIX_TIMESTAMP ? unix : delta));
    if (xRetryAfter) {
      out.put("X-Retry-After", Long.toString(unix));
    }
    return out;
  }
}
