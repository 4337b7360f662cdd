package io.github.hubsdk.client.error;

/**
 * A listing stopped because it would never end: a {@code next} link pointed back at a page already read,
 * a numbered page repeated the previous one, or the listing passed its page limit
 * ({@code Paginator#maxPages}). The items delivered before stay valid; the rest of the listing was not read.
 */
public class PagingLoopException extends DockerHubException {

  private static final long serialVersionUID = 1L;

  private final int pageNumber;

  /**
   * Creates an exception.
   *
   * @param operation the list operation
   * @param pageNumber the page at which the listing stopped
   * @param reason what was seen, free of secrets
   */
  public PagingLoopException(String operation, int pageNumber, String reason) {
    super(operation + " stopped at page " + pageNumber + ": " + reason, NO_STATUS, operation, null, null, null, null);
    this.pageNumber = pageNumber;
  }

  /**
   * Where the listing stopped.
   *
   * @return the page number that was refused
   */
  public int pageNumber() {
    return pageNumber;
  }
}
