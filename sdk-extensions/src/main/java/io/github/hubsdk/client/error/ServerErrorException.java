package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import java.time.Duration;

/**
 * 5xx: Docker Hub failed. Idempotent calls have already been retried according to the client's retry policy before this is thrown.
 */
public class ServerErrorException extends DockerHubException {

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
  public ServerErrorException(String message, int status, String operation, Object errorBody, RateLimit rateLimit,
      Duration retryAfter) {
    super(message, status, operation, errorBody, rateLimit, retryAfter, null);
  }
}
