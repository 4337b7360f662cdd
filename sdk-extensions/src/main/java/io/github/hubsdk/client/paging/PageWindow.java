package io.github.hubsdk.client.paging;

import io.github.hubsdk.client.error.DockerHubTransportException;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pages {@code first..lastPage} of one {@link Paginator} iteration requested by number, at most
 * {@code parallelism} in flight or waiting to be taken. Only the iterating thread calls it.
 *
 * @param <T> the item type
 */
final class PageWindow<T> {
  private static final AtomicInteger ITERATIONS = new AtomicInteger();

  final long lastPage;
  private final PageFetcher<T> fetcher;
  private final int pageSize;
  private final int parallelism;
  private final ThreadPoolExecutor executor;
  private final ArrayDeque<Future<Page<T>>> ahead = new ArrayDeque<>();
  private long nextToSubmit;
  private long nextToTake;

  PageWindow(PageFetcher<T> fetcher, int pageSize, int parallelism, long keepAliveMillis, long firstPage,
      long lastPage) {
    this.fetcher = fetcher;
    this.pageSize = pageSize;
    this.parallelism = parallelism;
    this.lastPage = lastPage;
    this.nextToSubmit = firstPage;
    this.nextToTake = firstPage;
    String prefix = "hubsdk-paging-" + ITERATIONS.incrementAndGet() + "-";
    AtomicInteger threads = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(parallelism, parallelism, keepAliveMillis, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, prefix + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    // An abandoned iteration (never exhausted, never closed) must not keep its threads.
    executor.allowCoreThreadTimeOut(true);
    fill();
  }

  private void fill() {
    while (ahead.size() < parallelism && nextToSubmit <= lastPage) {
      PageRequest request = PageRequest.of((int) nextToSubmit++, pageSize);
      ahead.add(executor.submit(() -> fetcher.fetch(request)));
    }
  }

  Page<T> take(int pageNumber) {
    if (pageNumber != nextToTake || ahead.isEmpty()) {
      throw new IllegalStateException("paging window out of step: asked for page " + pageNumber
          + ", next is " + nextToTake);
    }
    Future<Page<T>> head = ahead.peek();
    Page<T> page;
    try {
      page = head.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException rt) {
        throw rt;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("page fetcher failed for page " + pageNumber, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerHubTransportException("interrupted while waiting for page " + pageNumber, "paging", e);
    } catch (CancellationException e) {
      throw new IllegalStateException("page " + pageNumber + " was cancelled: the iteration was closed", e);
    }
    ahead.poll();
    nextToTake++;
    // Only now that the caller holds this page does another request start: in flight + buffered <= n.
    fill();
    return page;
  }

  void close() {
    for (Future<Page<T>> f : ahead) {
      f.cancel(true);
    }
    ahead.clear();
    executor.shutdownNow();
  }
}
