package io.github.hubsdk.client.error;

/**
 * No usable answer was received: connection refused or reset, a connect, read or call timeout, TLS
 * failure, or an answer that could not be decoded. The cause holds the I/O exception.
 */
public class DockerHubTransportException extends DockerHubException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message human-readable description, free of secrets
   * @param operation the spec's operationId of the failed call
   * @param cause the underlying failure
   */
  public DockerHubTransportException(String message, String operation, Throwable cause) {
    super(message, NO_STATUS, operation, null, null, null, cause);
  }
}
