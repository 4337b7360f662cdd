package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import java.time.Duration;

/** A SCIM 5xx: a failure on Docker Hub's side. */
public class ScimServerErrorException extends ServerErrorException implements ScimFailure {

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
  public ScimServerErrorException(String message, int status, String operation, Object errorBody, RateLimit rateLimit,
      Duration retryAfter) {
    super(message, status, operation, errorBody, rateLimit, retryAfter);
  }
}
