package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import io.github.hubsdk.openapi.model.ImageWarning;
import io.github.hubsdk.openapi.model.ManifestError;
import java.util.List;

/**
 * 400 from {@code deleteImages}: some manifests cannot be deleted ({@link #errors()}) or raise warnings
 * that the request did not acknowledge ({@link #warnings()}). Nothing was deleted. To delete anyway,
 * pass the warnings back as ignored warnings.
 */
public class DeleteImagesRejectedException extends BadRequestException {

  private static final long serialVersionUID = 1L;

  private final transient List<ManifestError> errors;
  private final transient List<ImageWarning> warnings;

  /**
   * Creates an exception.
   *
   * @param message human-readable description
   * @param status HTTP status (400)
   * @param operation the spec's operationId ({@code deleteImages})
   * @param errorBody the decoded {@code TxnError}
   * @param rateLimit the {@code X-RateLimit-*} values of the answer, or null
   * @param errors per-manifest errors
   * @param warnings unacknowledged warnings
   */
  public DeleteImagesRejectedException(String message, int status, String operation, Object errorBody,
      RateLimit rateLimit, List<ManifestError> errors, List<ImageWarning> warnings) {
    super(message, status, operation, errorBody, rateLimit, null);
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /**
   * Manifests that cannot be deleted ({@code not_found}, {@code unauthorized}, {@code child_manifest}).
   *
   * @return an immutable list
   */
  public List<ManifestError> errors() {
    return errors;
  }

  /**
   * Warnings ({@code is_active}, {@code current_tag}) the request did not list as ignored.
   *
   * @return an immutable list
   */
  public List<ImageWarning> warnings() {
    return warnings;
  }
}
