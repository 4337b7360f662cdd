package io.github.hubsdk.client.paging;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.PagingLoopException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
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
 * <p>By default pages are fetched one after the other, each when the previous one has been read. With
 * {@link #parallelism(int)} the pages after the first are fetched concurrently once the first one has
 * revealed the total count; items are still delivered in order.
 *
 * <p>A listing that would never end stops with a {@link PagingLoopException}: a {@code next} link that
 * points back at a page already read, a numbered page that repeats the previous one, or more pages than
 * {@link #maxPages(int)} (default {@value #DEFAULT_MAX_PAGES}).
 *
 * <pre>{@code
 * for (AccessToken token : hub.accessTokens().list()) { ... }
 * List<Image> first250 = hub.images("acme", "web").list(filter).limit(250).toList();
 * long total = hub.accessTokens().list().pageSize(1).firstPage().totalCount().orElse(-1);
 * try (Stream<Image> images = hub.images("acme", "web").list().parallelism(4).stream()) { ... }
 * }</pre>
 *
 * @param <T> the item type (a generated model)
 */
public final class Paginator<T> implements Iterable<T> {

  /** The default page size: the API maximum, which needs the fewest requests. */
  public static final int DEFAULT_PAGE_SIZE = PageRequest.MAX_PAGE_SIZE;
  /** The largest {@link #parallelism(int)}: more concurrent requests than this only invite rate limiting. */
  public static final int MAX_PARALLELISM = 16;
  /** The default {@link #maxPages(int)}: a million items at the default page size. */
  public static final int DEFAULT_MAX_PAGES = 10_000;

  /**
   * How long an idle paging thread lives; it also bounds how long an abandoned iteration keeps threads.
   * Not final only so that tests can lengthen it and see that exhaustion and close() release threads
   * themselves.
   */
  static volatile long threadKeepAliveMillis = 1_000;

  private final String operation;
  private final PageFetcher<T> fetcher;
  private final int pageSize;
  private final long limit;
  private final int parallelism;
  private final int maxPages;

  private Paginator(String operation, PageFetcher<T> fetcher, int pageSize, long limit, int parallelism,
      int maxPages) {
    this.operation = operation;
    this.fetcher = fetcher;
    this.pageSize = pageSize;
    this.limit = limit;
    this.parallelism = parallelism;
    this.maxPages = maxPages;
  }

  /**
   * A paginator over the pages a fetcher serves, with page size {@value #DEFAULT_PAGE_SIZE} and no limit.
   *
   * @param <T> the item type
   * @param fetcher fetches one page
   * @return the paginator
   */
  public static <T> Paginator<T> of(PageFetcher<T> fetcher) {
    return of("paging", fetcher);
  }

  /**
   * A paginator over the pages a fetcher serves, named after the list operation (errors name it).
   *
   * @param <T> the item type
   * @param operation the list operation's id, e.g. {@code listAccessTokens}
   * @param fetcher fetches one page
   * @return the paginator
   */
  public static <T> Paginator<T> of(String operation, PageFetcher<T> fetcher) {
    return new Paginator<>(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(fetcher, "fetcher"),
        DEFAULT_PAGE_SIZE, Long.MAX_VALUE, 1, DEFAULT_MAX_PAGES);
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
    return new Paginator<>(operation, fetcher, size, limit, parallelism, maxPages);
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
    return new Paginator<>(operation, fetcher, pageSize, maxItems, parallelism, maxPages);
  }

  /**
   * The same listing, fetching up to {@code n} pages concurrently (opt-in; the default, 1, fetches one
   * page at a time, each only when the previous one has been read).
   *
   * <p>With {@code n > 1}, the first page is fetched on the calling thread as usual. When it reports the
   * total count (the linked {@code {count, next, previous, results}} shape, or SCIM's {@code totalResults}),
   * the remaining pages are, provided the first page is full (a server that answers fewer items than asked
   * for is read one page at a time, each from where the last ended),
   * requested by page number, at most {@code n} at a time, on daemon threads that belong to this one
   * iteration. Semantics are otherwise those of the sequential listing:
   * <ul>
   *   <li>items and pages are delivered strictly in order;</li>
   *   <li>at most {@code n} pages are requested or buffered ahead of the caller: a new request starts only
   *       when the caller takes a page, so memory stays bounded by about {@code n + 1} pages however long
   *       the list is;</li>
   *   <li>a failure of page {@code k} (after the client's own retries) is thrown to the caller when it
   *       reaches page {@code k}, after every item of the pages before it, with the same exception type as
   *       sequentially; the pages after it are cancelled;</li>
   *   <li>with a {@link #limit(long)}, no page beyond the one holding the last wanted item is requested;</li>
   *   <li>if the list changed while being read (a page is empty or the last page still links further),
   *       the listing stops or continues one page at a time exactly as a sequential one would.</li>
   * </ul>
   * Without a total count (audit logs' numbered shape) the listing stays sequential. Each concurrent
   * request goes through the same fetcher, so authentication, retries and error decoding apply to each;
   * the SDK's fetchers are thread-safe, and a fetcher passed to {@link #of(PageFetcher)} must be too
   * before it is used with {@code n > 1}.
   *
   * <p>Threads are released when the iteration is exhausted or fails, when a {@link #stream()} or
   * {@link #pages()} stream is closed (use try-with-resources for streams that may be abandoned early),
   * and in any case about a second after an abandoned iteration's last request completes.
   *
   * @param n the most pages in flight, 1 to {@value #MAX_PARALLELISM}
   * @return a new paginator
   * @throws InvalidRequestException when out of range
   */
  public Paginator<T> parallelism(int n) {
    if (n < 1 || n > MAX_PARALLELISM) {
      throw new InvalidRequestException("parallelism must be between 1 and " + MAX_PARALLELISM + ", was " + n);
    }
    return new Paginator<>(operation, fetcher, pageSize, limit, n, maxPages);
  }

  /**
   * The most pages one iteration reads before it stops with a {@link PagingLoopException}: a guard against a
   * server that keeps answering pages. Items delivered before stay valid.
   *
   * @param pages at least 1
   * @return a new paginator
   */
  public Paginator<T> maxPages(int pages) {
    if (pages < 1) {
      throw new InvalidRequestException("maxPages must be at least 1, was " + pages);
    }
    return new Paginator<>(operation, fetcher, pageSize, limit, parallelism, pages);
  }

  /**
   * The page limit of one iteration.
   *
   * @return the limit
   */
  public int maxPages() {
    return maxPages;
  }

  /**
   * The configured parallelism.
   *
   * @return the most pages fetched concurrently; 1 means sequential
   */
  public int parallelism() {
    return parallelism;
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
   * The items as a sequential, ordered, lazy stream. Closing the stream stops any concurrent fetching
   * (see {@link #parallelism(int)}).
   *
   * @return a new stream, starting at the first page
   */
  public Stream<T> stream() {
    ItemIterator items = new ItemIterator();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(items.pages::close);
  }

  /**
   * The pages as a sequential, ordered, lazy stream. With a {@link #limit(long)}, the last page is cut to
   * the limit and no further page is fetched. Closing the stream stops any concurrent fetching.
   *
   * @return a new stream, starting at the first page
   */
  public Stream<Page<T>> pages() {
    PageIterator pages = new PageIterator();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(pages::close);
  }

  /**
   * Passes every item (up to the limit) to {@code action}; concurrent fetching stops when it returns or
   * throws.
   *
   * @param action called once per item, in order
   */
  @Override
  public void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    ItemIterator items = new ItemIterator();
    try {
      while (items.hasNext()) {
        action.accept(items.next());
      }
    } finally {
      items.pages.close();
    }
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
  private final class PageIterator implements Iterator<Page<T>>, AutoCloseable {
    private PageRequest nextRequest = PageRequest.of(1, limit < pageSize ? (int) Math.max(1, limit) : pageSize);
    private boolean done = limit == 0;
    private long delivered;
    private int pagesRead;
    /** Pages requested ahead by number; null while sequential. */
    private PageWindow<T> window;
    /** Every link followed in this iteration: one seen twice means the server sends us round in a circle. */
    private final Set<URI> linksFollowed = new HashSet<>();
    private List<T> previousItems;

    @Override
    public boolean hasNext() {
      return !done;
    }

    @Override
    public Page<T> next() {
      if (done) {
        throw new NoSuchElementException();
      }
      Page<T> page;
      try {
        guard(nextRequest);
        page = window != null ? window.take(nextRequest.pageNumber()) : fetcher.fetch(nextRequest);
        if (page == null) {
          throw new IllegalStateException("page fetcher returned null for " + nextRequest);
        }
        repeatCheck(page);
      } catch (RuntimeException | Error e) {
        close();
        throw e;
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
      if (done) {
        stopWindow();
      } else {
        nextRequest = nextRequest.following(page);
        if (window == null && parallelism > 1 && page.pageNumber() == 1) {
          startWindow(page);
        } else if (window != null && nextRequest.pageNumber() > window.lastPage) {
          // The list grew while being read: go on one page at a time, following the links.
          stopWindow();
        }
      }
      return page;
    }

    private void guard(PageRequest request) {
      if (++pagesRead > maxPages) {
        throw new PagingLoopException(operation, request.pageNumber(), "more than " + maxPages
            + " pages (Paginator.maxPages)");
      }
      if (request.next().isPresent() && !linksFollowed.add(request.next().get())) {
        throw new PagingLoopException(operation, request.pageNumber(),
            "the next link points back at a page already read");
      }
    }

    /** A numbered page (no link, no count) equal to the one before it: the server ignores the page number. */
    private void repeatCheck(Page<T> page) {
      if (page.next().isPresent() || page.totalCount().isPresent()) {
        return;
      }
      List<T> items = page.items();
      if (previousItems != null && !items.isEmpty() && items.equals(previousItems)) {
        throw new PagingLoopException(operation, page.pageNumber(), "the page repeats the previous one");
      }
      previousItems = items;
    }

    private void startWindow(Page<T> first) {
      if (first.totalCount().isEmpty()) {
        return; // numbered shape: nothing tells how many pages there are
      }
      if (first.items().size() < first.request().pageSize()) {
        // The server pages shorter than asked (a SCIM provider may): pages by number would skip items, so
        // the listing goes on one page at a time from where this one ended.
        return;
      }
      long total = first.totalCount().getAsLong();
      long lastPage = Math.min(ceilDiv(total, pageSize), ceilDiv(limit, pageSize));
      if (lastPage >= 2) {
        window = new PageWindow<>(fetcher, pageSize, parallelism, threadKeepAliveMillis, 2, lastPage);
      }
    }

    private Page<T> cut(Page<T> page, int size) {
      if (page.items().size() <= size) {
        return page;
      }
      return page.withFirstItems(size);
    }

    /** Ends the iteration: cancels requests still in flight and releases the threads; idempotent. */
    @Override
    public void close() {
      done = true;
      stopWindow();
    }

    private void stopWindow() {
      PageWindow<T> w = window;
      window = null;
      if (w != null) {
        w.close();
      }
    }
  }

  private static long ceilDiv(long a, long b) {
    return a / b + (a % b == 0 ? 0 : 1);
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
