package io.github.hubsdk.client.error;

/**
 * A success answer (2xx) that cannot be what the operation returns: no body where one is due (an empty
 * body, {@code 204}), the JSON {@code null}, JSON of the wrong type, a required part missing, or not JSON
 * at all. Thrown instead of returning {@code null} or failing later with a {@code NullPointerException}.
 */
public class MalformedResponseException extends DockerHubException {

  private static final long serialVersionUID = 1L;

  private final String excerpt;

  /**
   * Creates an exception.
   *
   * @param status the answer's status
   * @param operation the operation
   * @param problem what is wrong, e.g. {@code "empty body"}
   * @param excerpt the start of the body with every secret the client holds masked, or null
   */
  public MalformedResponseException(int status, String operation, String problem, String excerpt) {
    super(status + " from " + operation + ": malformed answer: " + problem
        + (excerpt == null || excerpt.isEmpty() ? "" : " (body starts: " + excerpt + ")"),
        status, operation, null, null, null, null);
    this.excerpt = excerpt;
  }

  /**
   * The start of the body, secrets masked.
   *
   * @return the excerpt, or null when there was no body
   */
  public String excerpt() {
    return excerpt;
  }
}
