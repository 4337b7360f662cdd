package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import java.time.Duration;

/** 409: the request conflicts with what exists (a name already taken, an invitee already a member). */
public class ConflictException extends DockerHubException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message human-readable description, free of secrets
   * @param status the HTTP status (409)
   * @param operation the operation
   * @param errorBody the decoded error body, or null
   * @param rateLimit the answer's rate-limit headers, or null
   * @param retryAfter the server's requested wait, or null
   */
  public ConflictException(String message, int status, String operation, Object errorBody, RateLimit rateLimit,
      Duration retryAfter) {
    super(message, status, operation, errorBody, rateLimit, retryAfter, null);
  }
}
