package io.github.hubsdk.client.error;

import java.net.URI;

/**
 * A page's {@code next} link points to another scheme, host or port than the client's base URL. It is
 * refused and never requested, because following it would send the bearer token to that other server.
 */
public class UntrustedNextLinkException extends DockerHubException {

  private static final long serialVersionUID = 1L;

  private final URI link;

  /**
   * Creates an exception.
   *
   * @param operation the list operation whose page carried the link
   * @param link the refused link
   * @param baseUrl the client's base URL
   */
  public UntrustedNextLinkException(String operation, URI link, URI baseUrl) {
    super("refused to follow the next-page link of " + operation + ": " + link.getScheme() + "://"
        + link.getRawAuthority() + " is not the configured " + baseUrl.getScheme() + "://"
        + baseUrl.getRawAuthority(), NO_STATUS, operation, null, null, null, null);
    this.link = link;
  }

  /**
   * The refused link.
   *
   * @return the link as the server sent it
   */
  public URI link() {
    return link;
  }
}
