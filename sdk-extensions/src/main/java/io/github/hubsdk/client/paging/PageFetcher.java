package io.github.hubsdk.client.paging;

/**
 * Fetches one page. Implementations call the API; {@link Paginator} decides which pages to ask for.
 * A fetcher must serve any {@link PageRequest}, including one without a {@code next} link for an
 * arbitrary page number, and must throw rather than return a partial page on failure.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {

  /**
   * Fetches the requested page.
   *
   * @param request which page
   * @return the page
   * @throws io.github.hubsdk.client.error.DockerHubException when the call fails
   */
  Page<T> fetch(PageRequest request);
}
