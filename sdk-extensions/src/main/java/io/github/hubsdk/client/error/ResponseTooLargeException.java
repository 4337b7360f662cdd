package io.github.hubsdk.client.error;

/**
 * An answer's body was longer than the client's limit ({@code DockerHubClient.Builder#maxResponseBytes});
 * reading stopped there and the connection was dropped. The largest real answer (a page of 100 items)
 * is far below the default limit, so this points at a broken or hostile server.
 */
public class ResponseTooLargeException extends DockerHubException {

  private static final long serialVersionUID = 1L;

  private final long limit;

  /**
   * Creates an exception.
   *
   * @param status the answer's status
   * @param operation the operation
   * @param limit the limit in bytes that was exceeded
   */
  public ResponseTooLargeException(int status, String operation, long limit) {
    super(status + " from " + operation + ": the answer's body is longer than the limit of " + limit
        + " bytes; it was not read further", status, operation, null, null, null, null);
    this.limit = limit;
  }

  /**
   * The limit that was exceeded.
   *
   * @return bytes
   */
  public long limit() {
    return limit;
  }
}
