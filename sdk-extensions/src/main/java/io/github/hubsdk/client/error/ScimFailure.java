package io.github.hubsdk.client.error;

import io.github.hubsdk.openapi.model.ScimError;
import java.util.Optional;

/**
 * What every SCIM error answer carries besides its HTTP status (RFC 7644 section 3.12): the SCIM error type
 * ({@code scimType}: {@code uniqueness}, {@code invalidFilter}, {@code invalidValue}, {@code mutability}, ...),
 * the server's {@code detail} and the status as the body states it. Implemented by the SCIM variants of the
 * status exceptions ({@link ScimConflictException} is a {@link ConflictException}, and so on), so a handler
 * for {@code ConflictException} also sees a SCIM 409, and code that cares about SCIM asks
 * {@code e instanceof ScimFailure}. The values are read from the decoded, secret-masked body.
 */
public interface ScimFailure {

  /**
   * The decoded error body (a {@link ScimError} for every implementation).
   *
   * @return the body
   */
  Optional<Object> errorBody();

  /**
   * The SCIM error type.
   *
   * @return e.g. {@code uniqueness}; empty when the server named none
   */
  default Optional<String> scimType() {
    return errorBody().filter(ScimError.class::isInstance).map(ScimError.class::cast).map(ScimError::getScimType)
        .filter(t -> !t.isBlank());
  }

  /**
   * The server's explanation.
   *
   * @return e.g. {@code user jane@example.com already exists}; empty when the body has none
   */
  default Optional<String> detail() {
    return errorBody().filter(ScimError.class::isInstance).map(ScimError.class::cast).map(ScimError::getDetail);
  }

  /**
   * The status the body states (SCIM writes it as a string; it normally equals the HTTP status).
   *
   * @return e.g. {@code 409}; empty when absent
   */
  default Optional<String> scimStatus() {
    return errorBody().filter(ScimError.class::isInstance).map(ScimError.class::cast).map(ScimError::getStatus);
  }
}
