package io.github.hubsdk.client.error;

/**
 * An argument was rejected by the SDK's own checks before any request was sent (page size, label
 * length, digest format, blank or path-changing names). Nothing reached the server.
 */
public class InvalidRequestException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is wrong and what is allowed
   */
  public InvalidRequestException(String message) {
    super(message);
  }
}
