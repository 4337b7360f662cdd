package io.github.hubsdk.client.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.ServerErrorException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Paginator#parallelism(int)}: order, bounds, errors, limits and fallbacks, with in-memory fetchers
 * synchronised by latches. No assertion depends on how long anything takes; waits have generous
 * timeouts only so that a bug fails the test instead of hanging it.
 */
class ParallelPagingTest {

  private static final long WAIT_SECONDS = 20;

  /** Serves {@code total} integers 0..total-1 in the linked shape; a hook runs before each page is built. */
  static final class LinkedList implements PageFetcher<Integer> {
    final int total;
    final List<Integer> requested = new CopyOnWriteArrayList<>();
    final List<Integer> completed = new CopyOnWriteArrayList<>();
    final Map<Integer, String> threads = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile Hook hook = page -> { };
    /** Runs after the page is recorded as completed. */
    volatile Hook after = page -> { };

    interface Hook {
      void before(int page) throws Exception;
    }

    LinkedList(int total) {
      this.total = total;
    }

    @Override
    public Page<Integer> fetch(PageRequest request) {
      int page = request.pageNumber();
      requested.add(page);
      threads.put(page, Thread.currentThread().getName());
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        hook.before(page);
        int from = Math.min(total, (page - 1) * request.pageSize());
        int to = Math.min(total, from + request.pageSize());
        List<Integer> items = IntStream.range(from, to).boxed().collect(Collectors.toList());
        URI next = to < total ? URI.create("http://hub.test/list?page=" + (page + 1)) : null;
        completed.add(page);
        after.before(page);
        return Page.linked(items, total, next, request);
      } catch (RuntimeException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("latch not released: the pages were not requested concurrently");
    }
  }

  @Test
  void parallelismIsOptInAndBounded() {
    Paginator<Integer> p = Paginator.of(new LinkedList(5));
    assertThat(p.parallelism()).isEqualTo(1);
    assertThat(p.parallelism(16).parallelism()).isEqualTo(16);
    assertThat(p.parallelism(4).pageSize(10).limit(3).parallelism()).isEqualTo(4);
    assertThatThrownBy(() -> p.parallelism(0)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> p.parallelism(17)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void sequentialByDefaultFetchesOnTheCallingThread() {
    LinkedList list = new LinkedList(95);
    assertThat(Paginator.of(list).pageSize(10).toList()).isEqualTo(range(95));
    assertThat(list.requested).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(list.threads.values()).containsOnly(Thread.currentThread().getName());
  }

  @Test
  void itemsStayInOrderWhenLaterPagesCompleteFirst() {
    // Window of 3 after page 1: pages 2, 3, 4. Pages 2 and 3 wait until page 4 has been built.
    LinkedList list = new LinkedList(100);
    CountDownLatch fourDone = new CountDownLatch(1);
    list.hook = page -> {
      if (page == 2 || page == 3) {
        await(fourDone);
      }
    };
    list.after = page -> {
      if (page == 4) {
        fourDone.countDown();
      }
    };
    List<Integer> items = Paginator.of(list).pageSize(10).parallelism(3).toList();

    assertThat(items).isEqualTo(range(100));
    assertThat(list.completed.get(1)).as("page 4 completed before pages 2 and 3").isEqualTo(4);
    assertThat(list.requested).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
    assertThat(list.threads.get(1)).isEqualTo(Thread.currentThread().getName());
    assertThat(list.threads.get(2)).startsWith("hubsdk-paging-");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4, 8, 16})
  void itemsStayInOrderUnderRandomDelays(int n) {
    LinkedList list = new LinkedList(1234);
    Random random = new Random(n);
    long[] delays = random.longs(200, 0, 3).toArray();
    list.hook = page -> Thread.sleep(delays[page]);
    assertThat(Paginator.of(list).pageSize(10).parallelism(n).stream().collect(Collectors.toList()))
        .isEqualTo(range(1234));
    assertThat(list.maxInFlight.get()).isLessThanOrEqualTo(n);
  }

  @Test
  void neverMoreThanNPagesInFlightOrBufferedAhead() throws Exception {
    int n = 4;
    LinkedList list = new LinkedList(300);
    // The first window (pages 2..5) only completes once all four are in flight together: proves it fills.
    CountDownLatch allFourStarted = new CountDownLatch(n);
    list.hook = page -> {
      if (page >= 2 && page <= 1 + n) {
        allFourStarted.countDown();
        await(allFourStarted);
      }
    };
    Iterator<Page<Integer>> pages = Paginator.of(list).pageSize(10).parallelism(n).pages().iterator();
    int taken = 0;
    List<Integer> items = new ArrayList<>();
    while (pages.hasNext()) {
      Page<Integer> page = pages.next();
      taken++;
      assertThat(page.pageNumber()).isEqualTo(taken);
      items.addAll(page.items());
      // Requests start only on the iterating thread, inside next(): this count is stable here.
      assertThat(list.requested.size()).as("requested after taking page %d", taken).isLessThanOrEqualTo(taken + n);
    }
    assertThat(items).isEqualTo(range(300));
    assertThat(list.maxInFlight.get()).isEqualTo(n);
    assertThat(list.requested).hasSize(30);
  }

  @Test
  void aFailedPageIsThrownAtItsPositionAfterTheEarlierItems() {
    LinkedList list = new LinkedList(100);
    CountDownLatch fiveFailed = new CountDownLatch(1);
    ServerErrorException boom = new ServerErrorException("page 5 failed", 503, "listThings", null, null, null);
    list.hook = page -> {
      if (page == 5) {
        fiveFailed.countDown();
        throw boom;
      }
      if (page >= 2 && page <= 4) {
        await(fiveFailed); // the failure happens first; the caller must still get pages 2..4
      }
    };
    List<Integer> seen = new ArrayList<>();
    Iterator<Integer> it = Paginator.of(list).pageSize(10).parallelism(4).iterator();
    assertThatThrownBy(() -> it.forEachRemaining(seen::add)).isSameAs(boom);
    assertThat(seen).isEqualTo(range(40));
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  void aFailedPageFailsToListAndStream() {
    LinkedList list = new LinkedList(100);
    list.hook = page -> {
      if (page == 7) {
        throw new ServerErrorException("page 7 failed", 502, "listThings", null, null, null);
      }
    };
    Paginator<Integer> p = Paginator.of(list).pageSize(10).parallelism(8);
    assertThatThrownBy(p::toList).isInstanceOf(ServerErrorException.class).hasMessage("page 7 failed");
    try (Stream<Integer> s = p.stream()) {
      assertThatThrownBy(() -> s.forEach(i -> { })).isInstanceOf(ServerErrorException.class);
    }
  }

  @Test
  void aFailedFirstPageIsThrownAsSequentially() {
    LinkedList list = new LinkedList(100);
    list.hook = page -> {
      throw new ServerErrorException("down", 503, "listThings", null, null, null);
    };
    assertThatThrownBy(() -> Paginator.of(list).parallelism(4).toList()).hasMessage("down");
    assertThat(list.requested).containsExactly(1);
  }

  @Test
  void noPageBeyondTheLimitIsRequested() {
    LinkedList list = new LinkedList(1000);
    assertThat(Paginator.of(list).pageSize(100).parallelism(8).limit(250).toList()).isEqualTo(range(250));
    assertThat(list.requested).containsExactlyInAnyOrder(1, 2, 3);

    LinkedList exact = new LinkedList(1000);
    assertThat(Paginator.of(exact).pageSize(100).parallelism(8).limit(100).toList()).isEqualTo(range(100));
    assertThat(exact.requested).containsExactly(1);

    LinkedList small = new LinkedList(1000);
    assertThat(Paginator.of(small).pageSize(100).parallelism(8).limit(7).toList()).isEqualTo(range(7));
    assertThat(small.requested).containsExactly(1);

    LinkedList pagesLimit = new LinkedList(1000);
    List<Page<Integer>> cut = Paginator.of(pagesLimit).pageSize(100).parallelism(4).limit(150).pages().toList();
    assertThat(cut).extracting(pg -> pg.items().size()).containsExactly(100, 50);
    assertThat(pagesLimit.requested).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void numberedPagesWithoutCountStaySequential() {
    List<Integer> requested = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    PageFetcher<Integer> audit = request -> {
      requested.add(request.pageNumber());
      threads.add(Thread.currentThread().getName());
      int from = (request.pageNumber() - 1) * request.pageSize();
      int to = Math.min(45, from + request.pageSize());
      return Page.numbered(IntStream.range(Math.min(from, to), to).boxed().toList(), request);
    };
    assertThat(Paginator.of(audit).pageSize(10).parallelism(8).toList()).isEqualTo(range(45));
    assertThat(requested).containsExactly(1, 2, 3, 4, 5);
    assertThat(threads).containsOnly(Thread.currentThread().getName());
  }

  @Test
  void aListThatGrewIsFollowedPastTheCountedPages() {
    // Page 1 says 30 items, but by the time page 3 is read there are 45: the link is followed on.
    PageFetcher<Integer> growing = request -> {
      int total = request.pageNumber() == 1 ? 30 : 45;
      int from = (request.pageNumber() - 1) * request.pageSize();
      int to = Math.min(total, from + request.pageSize());
      URI next = to < total ? URI.create("http://hub.test/list?page=" + (request.pageNumber() + 1)) : null;
      return Page.linked(IntStream.range(from, to).boxed().toList(), total, next, request);
    };
    List<PageRequest> seen = new CopyOnWriteArrayList<>();
    PageFetcher<Integer> recording = request -> {
      seen.add(request);
      return growing.fetch(request);
    };
    assertThat(Paginator.of(recording).pageSize(10).parallelism(4).toList()).isEqualTo(range(45));
    assertThat(seen).extracting(PageRequest::pageNumber).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    // Beyond the counted pages, requests follow the server's next link again.
    assertThat(seen.stream().filter(r -> r.pageNumber() == 4).findFirst().orElseThrow().next()).isPresent();
  }

  @Test
  void aListThatShrankEndsWithoutError() {
    // Page 1 says 100 items, but only 35 are left: page 4 is short and has no link, pages 5.. may be 404.
    PageFetcher<Integer> shrinking = request -> {
      if (request.pageNumber() >= 5) {
        throw new ServerErrorException("past the end", 404, "listThings", null, null, null);
      }
      int total = request.pageNumber() == 1 ? 100 : 35;
      int from = (request.pageNumber() - 1) * request.pageSize();
      int to = Math.min(total, from + request.pageSize());
      URI next = to < total ? URI.create("http://hub.test/list?page=" + (request.pageNumber() + 1)) : null;
      return Page.linked(IntStream.range(from, to).boxed().toList(), total, next, request);
    };
    assertThat(Paginator.of(shrinking).pageSize(10).parallelism(4).toList()).isEqualTo(range(35));
  }

  @Test
  void closingAnAbandonedStreamReleasesItsThreads() throws Exception {
    LinkedList list = new LinkedList(10_000);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger interrupted = new AtomicInteger();
    list.hook = page -> {
      if (page > 1) {
        try {
          release.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          interrupted.incrementAndGet();
          throw e;
        }
      }
    };
    withLongKeepAlive(() -> {
      Stream<Integer> stream = Paginator.of(list).pageSize(10).parallelism(4).stream();
      assertThat(stream.limit(5).collect(Collectors.toList())).isEqualTo(range(5));
      assertThat(pagingThreads()).isNotEmpty();
      stream.close();
      // close() cancels the requests in flight (they are interrupted, not left to finish) and ends the
      // threads; with an hour's keep-alive nothing else would.
      awaitNoPagingThreads();
      assertThat(interrupted.get()).isPositive();
    });
    release.countDown();
    assertThat(list.requested.size()).isLessThanOrEqualTo(1 + 4);
  }

  @Test
  void anExhaustedIterationReleasesItsThreads() throws Exception {
    LinkedList list = new LinkedList(500);
    withLongKeepAlive(() -> {
      for (Integer ignored : Paginator.of(list).pageSize(10).parallelism(8)) {
        // drain through the plain Iterable, which has no close
      }
      awaitNoPagingThreads();
    });
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** Idle threads would otherwise end by themselves after a second, hiding a missing shutdown. */
  private static void withLongKeepAlive(ThrowingRunnable body) throws Exception {
    long before = Paginator.threadKeepAliveMillis;
    Paginator.threadKeepAliveMillis = TimeUnit.HOURS.toMillis(1);
    try {
      body.run();
    } finally {
      Paginator.threadKeepAliveMillis = before;
    }
  }

  private static List<Thread> pagingThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("hubsdk-paging-") && t.isAlive())
        .collect(Collectors.toList());
  }

  private static void awaitNoPagingThreads() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!pagingThreads().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(pagingThreads()).as("paging threads still alive").isEmpty();
  }
}
