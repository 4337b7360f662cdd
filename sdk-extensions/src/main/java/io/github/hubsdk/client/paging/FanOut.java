package io.github.hubsdk.client.paging;

import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.DockerHubTransportException;
import io.github.hubsdk.client.error.InvalidRequestException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One operation over many inputs with bounded concurrency, results streamed in the inputs' order: for
 * example every tag of every repository of a namespace. At most {@link #parallelism(int)} inputs are
 * being worked on or waiting to be read at any time, so memory stays bounded by that many results
 * whatever the number of inputs. Calls through one {@code DockerHubClient} share its rate-limit pacing.
 *
 * <pre>{@code
 * try (Stream<FanOut.Result<String, List<RepositoryTag>>> all = FanOut.over(repositoryNames)
 *     .parallelism(16)
 *     .map(name -> hub.repository("acme", name).tags().list().toList())) {
 *   all.forEach(r -> System.out.println(r.input() + ": " + r.value().size() + " tags"));
 * }
 * }</pre>
 *
 * <p>By default the first failure ends the stream (it is thrown where that input's result would have
 * been, the inputs in flight are cancelled); {@link #collectErrors()} instead hands every failure over as
 * a {@link Result} and goes on.
 *
 * @param <I> the input type
 */
public final class FanOut<I> {

  /** The largest {@link #parallelism(int)}. */
  public static final int MAX_PARALLELISM = 64;
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final Iterable<I> inputs;
  private final int parallelism;
  private final boolean collectErrors;

  private FanOut(Iterable<I> inputs, int parallelism, boolean collectErrors) {
    this.inputs = inputs;
    this.parallelism = parallelism;
    this.collectErrors = collectErrors;
  }

  /**
   * A fan-out over the inputs, 8 at a time, failing fast.
   *
   * @param <I> the input type
   * @param inputs read lazily, once per stream
   * @return the fan-out
   */
  public static <I> FanOut<I> over(Iterable<I> inputs) {
    return new FanOut<>(Objects.requireNonNull(inputs, "inputs"), 8, false);
  }

  /**
   * How many inputs are worked on at once.
   *
   * @param n 1 to {@value #MAX_PARALLELISM}
   * @return a new fan-out
   */
  public FanOut<I> parallelism(int n) {
    if (n < 1 || n > MAX_PARALLELISM) {
      throw new InvalidRequestException("parallelism must be between 1 and " + MAX_PARALLELISM + ", was " + n);
    }
    return new FanOut<>(inputs, n, collectErrors);
  }

  /**
   * Hands every failure over as a {@link Result} instead of ending the stream.
   *
   * @return a new fan-out
   */
  public FanOut<I> collectErrors() {
    return new FanOut<>(inputs, parallelism, true);
  }

  /**
   * Runs {@code work} for each input and streams the results in the inputs' order. Nothing starts before
   * the stream is read; closing it cancels what is in flight.
   *
   * @param <R> the result type
   * @param work what to do for one input; called from worker threads, so it must be thread-safe
   * @return the results, one per input
   */
  public <R> Stream<Result<I, R>> map(Function<? super I, ? extends R> work) {
    Objects.requireNonNull(work, "work");
    Run<R> run = new Run<>(work);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(run, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(run::close);
  }

  /**
   * Runs a listing for each input and streams every item, input after input, in order.
   *
   * @param <R> the item type
   * @param listing the items of one input, e.g. a {@link Paginator}; read whole on a worker thread
   * @return the items, each with its input; with {@link #collectErrors()}, a failed input yields one
   *     result carrying the failure
   */
  public <R> Stream<Result<I, R>> flatMap(Function<? super I, ? extends Iterable<? extends R>> listing) {
    Objects.requireNonNull(listing, "listing");
    return map(input -> {
      List<R> items = new java.util.ArrayList<>();
      for (R item : listing.apply(input)) {
        items.add(item);
      }
      return items;
    }).flatMap(r -> r.failed() ? Stream.of(new Result<I, R>(r.input(), null, r.error()))
        : r.value().stream().map(item -> new Result<I, R>(r.input(), item, null)));
  }

  /**
   * The outcome for one input (or one item of it).
   *
   * @param <I> the input type
   * @param <R> the value type
   * @param input the input
   * @param value the value, or null when it failed
   * @param error the failure, or null
   */
  public record Result<I, R>(I input, R value, DockerHubException error) {
    /** @return true when this input failed */
    public boolean failed() {
      return error != null;
    }
  }

  private final class Run<R> implements Iterator<Result<I, R>> {
    private final Function<? super I, ? extends R> work;
    private final ArrayDeque<Pending<R>> ahead = new ArrayDeque<>();
    private Iterator<I> source;
    private ThreadPoolExecutor executor;
    private boolean closed;

    private record Pending<R>(Object input, Future<R> future) {}

    Run(Function<? super I, ? extends R> work) {
      this.work = work;
    }

    @Override
    public boolean hasNext() {
      start();
      fill();
      boolean more = !closed && !ahead.isEmpty();
      if (!more) {
        close();
      }
      return more;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Result<I, R> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Pending<R> head = ahead.poll();
      I input = (I) head.input();
      try {
        return new Result<>(input, head.future().get(), null);
      } catch (ExecutionException e) {
        DockerHubException failure = asHubException(e.getCause());
        if (collectErrors) {
          return new Result<>(input, null, failure);
        }
        close();
        throw failure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new DockerHubTransportException("interrupted while waiting for a fan-out result", "fanOut", e);
      } catch (CancellationException e) {
        close();
        throw new IllegalStateException("the fan-out was closed", e);
      } finally {
        fill();
      }
    }

    private void start() {
      if (source == null && !closed) {
        source = inputs.iterator();
        String prefix = "hubsdk-fanout-" + RUNS.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        executor = new ThreadPoolExecutor(parallelism, parallelism, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, prefix + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
        executor.allowCoreThreadTimeOut(true);
      }
    }

    /** Only what the reader has taken makes room: in flight plus waiting to be read stays at most n. */
    private void fill() {
      while (!closed && ahead.size() < parallelism && source.hasNext()) {
        I input = source.next();
        ahead.add(new Pending<>(input, executor.submit(() -> (R) work.apply(input))));
      }
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      for (Pending<R> p : ahead) {
        p.future().cancel(true);
      }
      ahead.clear();
      if (executor != null) {
        executor.shutdownNow();
      }
    }
  }

  private static DockerHubException asHubException(Throwable t) {
    if (t instanceof DockerHubException h) {
      return h;
    }
    if (t instanceof RuntimeException || t instanceof Error) {
      return new DockerHubException("fan-out work failed: " + t, DockerHubException.NO_STATUS, "fanOut", null,
          null, null, t);
    }
    return new DockerHubTransportException("fan-out work failed: " + t, "fanOut", t);
  }
}
