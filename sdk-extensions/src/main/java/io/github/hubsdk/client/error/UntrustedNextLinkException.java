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
    super("refused to follow the next-page link of " + operation + ": " + origin(link) + " is not the configured " + origin(baseUrl), NO_STATUS, operation, null, null, null, null);
    this.link = link;
  }

  /** Scheme, host and port only: a link's user info may hold a credential and must not reach a message. */
  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
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
