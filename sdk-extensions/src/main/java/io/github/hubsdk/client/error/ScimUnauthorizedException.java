package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import java.time.Duration;

/** A SCIM 401: the SCIM token is missing, wrong or revoked (a Hub JWT is never a SCIM token). */
public class ScimUnauthorizedException extends UnauthorizedException implements ScimFailure {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message human-readable description, free of secrets
   * @param status the HTTP status
   * @param operation the operation
   * @param errorBody the decoded {@code ScimError} body
   * @param rateLimit the answer's rate-limit headers, or null
   * @param retryAfter the server's requested wait, or null
   */
  public ScimUnauthorizedException(String message, int status, String operation, Object errorBody, RateLimit rateLimit,
      Duration retryAfter) {
    super(message, status, operation, errorBody, rateLimit, retryAfter);
  }
}
