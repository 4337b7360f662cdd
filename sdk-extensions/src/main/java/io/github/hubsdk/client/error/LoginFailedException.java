package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import java.time.Duration;

/**
 * A login ({@code POST /v2/auth/token}, {@code /v2/users/login} or {@code /v2/users/2fa-login}) failed.
 * The SDK never retries a failed login on its own: Docker Hub locks an account after repeated failures,
 * so a client whose credentials were rejected keeps failing with this exception without contacting the
 * server again.
 */
public class LoginFailedException extends DockerHubException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for an error answer to a login call.
   *
   * @param message human-readable description, free of secrets
   * @param status HTTP status
   * @param operation the login operation's operationId
   * @param errorBody the decoded error body, or null
   * @param rateLimit the {@code X-RateLimit-*} values of the answer, or null
   * @param retryAfter how long the server asked to wait, or null
   */
  public LoginFailedException(String message, int status, String operation, Object errorBody,
      RateLimit rateLimit, Duration retryAfter) {
    super(message, status, operation, errorBody, rateLimit, retryAfter, null);
  }

  /**
   * Wraps a failure of a login call that was not itself a login error (transport problem, 5xx).
   *
   * @param message human-readable description, free of secrets
   * @param cause the underlying failure
   */
  public LoginFailedException(String message, DockerHubException cause) {
    super(message, cause.status(), cause.operation(), cause.errorBody().orElse(null),
        cause.rateLimit().orElse(null), cause.retryAfter().orElse(null), cause);
  }
}
