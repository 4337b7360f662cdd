package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;

/** A SCIM 400: a malformed filter ({@code scimType} {@code invalidFilter}), a bad value ({@code invalidValue}), ... */
public class ScimBadRequestException extends BadRequestException implements ScimFailure {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message human-readable description, free of secrets
   * @param status the HTTP status
   * @param operation the operation
   * @param errorBody the decoded {@code ScimError} body
   * @param rateLimit the answer's rate-limit headers, or null
   */
  public ScimBadRequestException(String message, int status, String operation, Object errorBody,
      RateLimit rateLimit) {
    super(message, status, operation, errorBody, rateLimit, null);
  }
}
