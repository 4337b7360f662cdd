package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import java.time.Duration;

/**
 * 403 "token issued from personal access token is not allowed": the operation (managing personal access
 * tokens) needs a JWT from a password login; a JWT obtained with a personal access token is refused.
 * Build the client with {@code Credentials.password(...)} for these calls.
 */
public class PasswordLoginRequiredException extends ForbiddenException {

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
  public PasswordLoginRequiredException(String message, int status, String operation, Object errorBody, RateLimit rateLimit,
      Duration retryAfter) {
    super(message, status, operation, errorBody, rateLimit, retryAfter);
  }
}
