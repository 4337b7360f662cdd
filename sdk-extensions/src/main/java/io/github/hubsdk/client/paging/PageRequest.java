package io.github.hubsdk.client.paging;

import io.github.hubsdk.client.error.InvalidRequestException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Which page to fetch: a page number and size, and, for APIs that link their pages, the {@code next}
 * link of the previous page. Every request carries its page number so that a fetcher can also be asked
 * for an arbitrary page directly, which is how {@link Paginator#parallelism(int)} fetches the remaining pages.
 *
 * @param pageNumber the page number, from 1
 * @param pageSize items per page, 1 to {@value #MAX_PAGE_SIZE}
 * @param next the previous page's {@code next} link to follow exactly, if any
 */
public record PageRequest(int pageNumber, int pageSize, Optional<URI> next) {

  /** The largest page Docker Hub serves. */
  public static final int MAX_PAGE_SIZE = 100;

  /**
   * Validates the request.
   *
   * @param pageNumber the page number, from 1
   * @param pageSize items per page, 1 to {@value #MAX_PAGE_SIZE}
   * @param next the previous page's {@code next} link, if any
   * @throws InvalidRequestException when a number is out of range
   */
  public PageRequest {
    if (pageNumber < 1) {
      throw new InvalidRequestException("page number must be at least 1, was " + pageNumber);
    }
    checkPageSize(pageSize);
    Objects.requireNonNull(next, "next");
  }

  /**
   * A request for the given page by number.
   *
   * @param pageNumber the page number, from 1
   * @param pageSize items per page
   * @return the request
   */
  public static PageRequest of(int pageNumber, int pageSize) {
    return new PageRequest(pageNumber, pageSize, Optional.empty());
  }

  /**
   * The request for the page after {@code page}: its number plus one, and its {@code next} link if it
   * had one.
   *
   * @param page the page just fetched
   * @return the request for the following page
   */
  public PageRequest following(Page<?> page) {
    return new PageRequest(pageNumber + 1, pageSize, page.next());
  }

  /**
   * The 1-based index of the first item this request asks for, as SCIM lists count: from the link of the
   * previous SCIM page when the request follows one ({@link Page#scim}), else
   * {@code (pageNumber - 1) * pageSize + 1}.
   *
   * @return the start index, at least 1
   * @throws InvalidRequestException when the page number is too large for an index
   */
  public int startIndex() {
    if (next.isPresent() && next.get().getRawQuery() != null) {
      for (String pair : next.get().getRawQuery().split("&")) {
        if (pair.startsWith(START_INDEX + "=")) {
          try {
            int start = Integer.parseInt(pair.substring(START_INDEX.length() + 1));
            if (start >= 1) {
              return start;
            }
          } catch (NumberFormatException notOurs) {
            break;
          }
        }
      }
    }
    long start = (long) (pageNumber - 1) * pageSize + 1;
    if (start > Integer.MAX_VALUE) {
      throw new InvalidRequestException("page " + pageNumber + " of size " + pageSize + " is past the largest index");
    }
    return (int) start;
  }

  /** The query parameter of SCIM paging that {@link #startIndex()} reads from a link. */
  static final String START_INDEX = "startIndex";

  static void checkPageSize(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new InvalidRequestException("page size must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
  }
}
