package io.github.hubsdk.client.paging;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a list answer. Immutable.
 *
 * @param <T> the item type (a generated model)
 */
public final class Page<T> {

  private final List<T> items;
  private final PageRequest request;
  private final OptionalLong totalCount;
  private final Optional<URI> next;
  private final boolean hasNext;

  private Page(List<T> items, PageRequest request, OptionalLong totalCount, Optional<URI> next, boolean hasNext) {
    this.items = List.copyOf(items);
    this.request = Objects.requireNonNull(request, "request");
    this.totalCount = totalCount;
    this.next = next;
    this.hasNext = hasNext;
  }

  /**
   * A page of the linked shape {@code {count, next, previous, results}}: there is a following page
   * exactly when {@code next} is set.
   *
   * @param <T> the item type
   * @param items the page's {@code results}; null counts as empty
   * @param totalCount the answer's {@code count}, or null when absent
   * @param next the answer's {@code next} link, or null on the last page
   * @param request the request that produced the page
   * @return the page
   */
  public static <T> Page<T> linked(List<T> items, Integer totalCount, URI next, PageRequest request) {
    return new Page<>(items == null ? List.of() : items, request,
        totalCount == null ? OptionalLong.empty() : OptionalLong.of(totalCount),
        Optional.ofNullable(next), next != null);
  }

  /**
   * A page of the numbered shape (audit logs' {@code {logs}}): no count and no link; a page shorter
   * than the requested size is the last one.
   *
   * @param <T> the item type
   * @param items the page's items; null counts as empty
   * @param request the request that produced the page
   * @return the page
   */
  public static <T> Page<T> numbered(List<T> items, PageRequest request) {
    List<T> list = items == null ? List.of() : items;
    return new Page<>(list, request, OptionalLong.empty(), Optional.empty(), list.size() >= request.pageSize());
  }

  /**
   * A page of SCIM 2.0's shape {@code {totalResults, startIndex, itemsPerPage, Resources}} (RFC 7644 section
   * 3.4.2.4): items are counted from 1, and another page follows while the items read so far, counted from
   * {@link PageRequest#startIndex()}, are fewer than {@code totalResults}. SCIM has no links, so {@link #next()}
   * is a relative reference {@code ?startIndex=<n>&count=<size>} made from that count: the following request
   * starts right after the last item received, also when a server sends fewer items than asked for.
   *
   * @param <T> the item type
   * @param items the page's {@code Resources}; null counts as empty
   * @param totalResults the answer's {@code totalResults}
   * @param request the request that produced the page
   * @return the page
   */
  public static <T> Page<T> scim(List<T> items, int totalResults, PageRequest request) {
    List<T> list = items == null ? List.of() : items;
    long following = (long) request.startIndex() + list.size();
    boolean more = !list.isEmpty() && following <= totalResults;
    Optional<URI> next = more ? Optional.of(URI.create("?" + PageRequest.START_INDEX + "=" + following + "&count="
        + request.pageSize())) : Optional.empty();
    return new Page<>(list, request, OptionalLong.of(totalResults), next, more);
  }

  /**
   * The items of this page.
   *
   * @return an immutable list, possibly empty
   */
  public List<T> items() {
    return items;
  }

  /**
   * The request that produced this page (its number and size).
   *
   * @return the request
   */
  public PageRequest request() {
    return request;
  }

  /**
   * The page number, from 1.
   *
   * @return the number
   */
  public int pageNumber() {
    return request.pageNumber();
  }

  /**
   * The total number of items over all pages, when the API reports it.
   *
   * @return the count; empty for audit logs, which do not report one
   */
  public OptionalLong totalCount() {
    return totalCount;
  }

  /**
   * The server's link to the following page, for the linked shape; for SCIM, the relative reference the SDK
   * made from {@code startIndex} (see {@link #scim}).
   *
   * @return the link, or empty on the last page and for the numbered shape
   */
  public Optional<URI> next() {
    return next;
  }

  /**
   * Whether another page follows.
   *
   * @return true when a following page should be fetched
   */
  public boolean hasNext() {
    return hasNext;
  }

  /**
   * This page cut to its first {@code size} items, everything else (count, link, {@link #hasNext()}) kept:
   * rebuilding it through a factory would recompute {@code hasNext} from the shorter list.
   */
  Page<T> withFirstItems(int size) {
    return new Page<>(items.subList(0, Math.min(size, items.size())), request, totalCount, next, hasNext);
  }

  @Override
  public String toString() {
    return "Page{number=" + request.pageNumber() + ", size=" + request.pageSize() + ", items=" + items.size()
        + ", totalCount=" + totalCount + ", hasNext=" + hasNext + "}";
  }
}
