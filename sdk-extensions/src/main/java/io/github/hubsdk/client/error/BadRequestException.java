package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import java.util.List;
import java.util.Map;

/** 400: the server rejected the request's content; {@link #fieldErrors()} says which field and why. */
public class BadRequestException extends DockerHubException {

  private static final long serialVersionUID = 1L;

  private final Map<String, List<String>> fieldErrors;

  /**
   * Creates an exception.
   *
   * @param message human-readable description, free of secrets
   * @param status HTTP status (400)
   * @param operation the spec's operationId of the failed call
   * @param errorBody the decoded error body, or null
   * @param rateLimit the {@code X-RateLimit-*} values of the answer, or null
   * @param fieldErrors messages per invalid field, empty when the body had none
   */
  public BadRequestException(String message, int status, String operation, Object errorBody,
      RateLimit rateLimit, Map<String, List<String>> fieldErrors) {
    super(message, status, operation, errorBody, rateLimit, null, null);
    this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
  }

  /**
   * The server's messages per invalid field, from a {@code FieldsError} body.
   *
   * @return an immutable map, empty when the body named no field
   */
  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }
}
