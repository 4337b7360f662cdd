package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import java.time.Duration;

/**
 * A login answered 429: too many attempts, and Docker Hub locks the username for about ten minutes
 * after repeated failures. Wait (see {@link #retryAfter()}) and check the credentials before trying again.
 */
public class AccountLockedException extends LoginFailedException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message human-readable description, free of secrets
   * @param status HTTP status
   * @param operation the spec's operationId of the failed call
   * @param errorBody the decoded error body, or null
   * @param rateLimit the {@code X-RateLimit-*} values of the answer, or null
   * @param retryAfter how long the server asked to wait, or null
   */
  public AccountLockedException(String message, int status, String operation, Object errorBody, RateLimit rateLimit,
      Duration retryAfter) {
    super(message, status, operation, errorBody, rateLimit, retryAfter);
  }
}
