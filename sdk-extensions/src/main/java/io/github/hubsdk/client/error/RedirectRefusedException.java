package io.github.hubsdk.client.error;

/**
 * The server answered with a redirect (3xx). The SDK never follows one: the request would be sent again,
 * with its credentials (a password in a login body, a bearer JWT), to wherever the {@code Location} header
 * points. The message names the status and the target's origin only, never its path, query or user info.
 */
public class RedirectRefusedException extends DockerHubException {

  private static final long serialVersionUID = 1L;

  private final String targetOrigin;

  /**
   * Creates an exception.
   *
   * @param status the 3xx status
   * @param operation the operation whose answer was a redirect
   * @param targetOrigin scheme, host and port of the {@code Location}, or null when there was none
   */
  public RedirectRefusedException(int status, String operation, String targetOrigin) {
    super(status + " from " + operation + ": refused to follow a redirect"
        + (targetOrigin == null ? "" : " to " + targetOrigin)
        + " (the SDK never resends a request, or its credentials, to another location)",
        status, operation, null, null, null, null);
    this.targetOrigin = targetOrigin;
  }

  /**
   * Where the redirect pointed.
   *
   * @return scheme, host and port of the {@code Location} header, or null when it had none
   */
  public String targetOrigin() {
    return targetOrigin;
  }
}
