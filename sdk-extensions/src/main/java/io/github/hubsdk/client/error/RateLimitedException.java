package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * 429: the rate limit is exhausted. Idempotent calls have already been retried within the retry
 * policy's budget; this is thrown when the budget is spent, the wait asked for exceeds it, or the call
 * is not idempotent.
 */
public class RateLimitedException extends DockerHubException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message human-readable description
   * @param status HTTP status (429)
   * @param operation the spec's operationId of the failed call
   * @param errorBody the decoded error body, or null
   * @param rateLimit the {@code X-RateLimit-*} values of the answer, or null
   * @param retryAfter how long the server asked to wait, or null
   */
  public RateLimitedException(String message, int status, String operation, Object errorBody,
      RateLimit rateLimit, Duration retryAfter) {
    super(message, status, operation, errorBody, rateLimit, retryAfter, null);
  }

  /**
   * {@code X-RateLimit-Limit}: requests allowed in the window.
   *
   * @return the limit, or empty when not sent
   */
  public OptionalLong limit() {
    return rateLimit().map(RateLimit::limit).orElse(OptionalLong.empty());
  }

  /**
   * {@code X-RateLimit-Remaining}: requests left in the window.
   *
   * @return the remaining count, or empty when not sent
   */
  public OptionalLong remaining() {
    return rateLimit().map(RateLimit::remaining).orElse(OptionalLong.empty());
  }

  /**
   * {@code X-RateLimit-Reset}: when the window resets.
   *
   * @return the instant, or empty when not sent
   */
  public Optional<Instant> reset() {
    return rateLimit().flatMap(RateLimit::reset);
  }
}
