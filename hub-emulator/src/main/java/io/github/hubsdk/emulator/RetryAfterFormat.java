package io.github.hubsdk.emulator;

/**
 * How a 429 answer writes its {@code Retry-After} header. Docker documents seconds, yet the live Hub has
 * been seen sending a unix timestamp (docker/hub-feedback#2459); clients must cope with both, so the
 * emulator can send either.
 */
public enum RetryAfterFormat {
  /** Seconds to wait, e.g. {@code Retry-After: 42} (RFC 9110, the documented form). */
  DELTA_SECONDS,
  /** The unix time at which to retry, e.g. {@code Retry-After: 1764152400} (seen on the live Hub). */
  UNIX_TIMESTAMP
}
