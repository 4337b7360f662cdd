package io.github.hubsdk.client.paging;

import io.github.hubsdk.client.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, re-iterable view of a list operation. Nothing is requested until items or pages are read;
 * each iteration starts again from the first page. Configuration methods return a new paginator and leave
 * this one unchanged.
 *
 * <p>A failure while fetching any page is thrown from the iteration (as a
 * {@link io.github.hubsdk.client.error.DockerHubException}); the SDK never ends an iteration early
 * and silently.
 *
 * <pre>{@code
 * for (AccessToken token : hub.accessTokens().list()) { ... }
 * List<Image> first250 = hub.images("acme", "web").list(filter).limit(250).toList();
 * long total = hub.accessTokens().list().pageSize(1).firstPage().totalCount().orElse(-1);
 * }</pre>
 *
 * @param <T> the item type (a generated model)
 */
public final class Paginator<T> implements Iterable<T> {

  /** The default page size: the API maximum, which needs the fewest requests. */
  public static final int DEFAULT_PAGE_SIZE = PageRequest.MAX_PAGE_SIZE;

  private final PageFetcher<T> fetcher;
  private final int pageSize;
  private final long limit;

  private Paginator(PageFetcher<T> fetcher, int pageSize, long limit) {
    this.fetcher = fetcher;
    this.pageSize = pageSize;
    this.limit = limit;
  }

  /**
   * A paginator over the pages a fetcher serves, with page size {@value #DEFAULT_PAGE_SIZE} and no limit.
   *
   * @param <T> the item type
   * @param fetcher fetches one page
   * @return the paginator
   */
  public static <T> Paginator<T> of(PageFetcher<T> fetcher) {
    return new Paginator<>(Objects.requireNonNull(fetcher, "fetcher"), DEFAULT_PAGE_SIZE, Long.MAX_VALUE);
  }

  /**
   * The same listing with another page size.
   *
   * @param size items per page, 1 to 100
   * @return a new paginator
   * @throws InvalidRequestException when the size is out of range
   */
  public Paginator<T> pageSize(int size) {
    PageRequest.checkPageSize(size);
    return new Paginator<>(fetcher, size, limit);
  }

  /**
   * The same listing, stopping after at most {@code maxItems} items; no page beyond the one holding the
   * last wanted item is fetched.
   *
   * @param maxItems the most items to return, at least 0
   * @return a new paginator
   * @throws InvalidRequestException when negative
   */
  public Paginator<T> limit(long maxItems) {
    if (maxItems < 0) {
      throw new InvalidRequestException("limit must not be negative, was " + maxItems);
    }
    return new Paginator<>(fetcher, pageSize, maxItems);
  }

  /**
   * The configured page size.
   *
   * @return items per page
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Fetches the first page only, e.g. to read the total count.
   *
   * @return the first page
   */
  public Page<T> firstPage() {
    return fetcher.fetch(PageRequest.of(1, pageSize));
  }

  /**
   * Iterates over the items, fetching pages as they are needed.
   *
   * @return a new iterator, starting at the first page
   */
  @Override
  public Iterator<T> iterator() {
    return new ItemIterator();
  }

  /**
   * The items as a sequential, ordered, lazy stream.
   *
   * @return a new stream, starting at the first page
   */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * The pages as a sequential, ordered, lazy stream. With a {@link #limit(long)}, the last page is cut to
   * the limit and no further page is fetched.
   *
   * @return a new stream, starting at the first page
   */
  public Stream<Page<T>> pages() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new PageIterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * Reads every item (up to the limit) into a list.
   *
   * @return a new mutable list
   */
  public List<T> toList() {
    List<T> all = new ArrayList<>();
    forEach(all::add);
    return all;
  }

  /** Walks the pages; the only place that decides whether another request is made. */
  private final class PageIterator implements Iterator<Page<T>> {
    private PageRequest nextRequest = PageRequest.of(1, limit < pageSize ? (int) Math.max(1, limit) : pageSize);
    private boolean done = limit == 0;
    private long delivered;

    @Override
    public boolean hasNext() {
      return !done;
    }

    @Override
    public Page<T> next() {
      if (done) {
        throw new NoSuchElementException();
      }
      Page<T> page = fetcher.fetch(nextRequest);
      if (page == null) {
        throw new IllegalStateException("page fetcher returned null for " + nextRequest);
      }
      List<T> items = page.items();
      long room = limit - delivered;
      if (items.size() >= room) {
        page = cut(page, (int) room);
        done = true;
      } else if (!page.hasNext() || items.isEmpty()) {
        // An empty page cannot advance the listing: stop rather than loop on a server that keeps linking.
        done = true;
      }
      delivered += page.items().size();
      if (!done) {
        nextRequest = nextRequest.following(page);
      }
      return page;
    }

    private Page<T> cut(Page<T> page, int size) {
      if (page.items().size() <= size) {
        return page;
      }
      return page.next().isPresent() || page.totalCount().isPresent()
          ? Page.linked(page.items().subList(0, size), page.totalCount().isPresent()
              ? (int) page.totalCount().getAsLong() : null, page.next().orElse(null), page.request())
          : Page.numbered(page.items().subList(0, size), page.request());
    }
  }

  private final class ItemIterator implements Iterator<T> {
    private final PageIterator pages = new PageIterator();
    private Iterator<T> current = List.<T>of().iterator();

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && pages.hasNext()) {
        current = pages.next().items().iterator();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
