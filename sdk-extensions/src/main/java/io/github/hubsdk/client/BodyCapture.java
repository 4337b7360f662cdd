package io.github.hubsdk.client;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer's body into memory, but never more than a limit: past it the subscription is cancelled,
 * which makes the JDK client drop the connection instead of draining it. A 3xx body is not read at all.
 * Every chunk refreshes {@link Handler#lastActivity()}, which the waiting caller uses as its read timeout.
 */
final class BodyCapture implements HttpResponse.BodySubscriber<BodyCapture.Body> {

  /**
   * What was read.
   *
   * @param bytes the body, or its first {@code limit} bytes when truncated
   * @param length bytes received before reading stopped
   * @param tooLarge true when the body was longer than the limit
   */
  record Body(byte[] bytes, long length, boolean tooLarge) {}

  /** Chooses the limit by status and keeps a handle on the subscriber, so a timed-out caller can cancel it. */
  static final class Handler implements HttpResponse.BodyHandler<Body> {
    private final long successLimit;
    private final int errorLimit;
    private volatile BodyCapture capture;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean cancelled;

    Handler(long successLimit, int errorLimit) {
      this.successLimit = successLimit;
      this.errorLimit = errorLimit;
    }

    @Override
    public HttpResponse.BodySubscriber<Body> apply(HttpResponse.ResponseInfo info) {
      touch();
      int status = info.statusCode();
      BodyCapture c;
      if (status >= 300 && status < 400) {
        c = new BodyCapture(this, 0, true); // never read what a redirect carries
      } else if (status >= 200 && status < 300) {
        c = new BodyCapture(this, successLimit, false);
      } else {
        c = new BodyCapture(this, errorLimit, true); // the start of an error body is enough
      }
      capture = c;
      if (cancelled) {
        c.cancel();
      }
      return c;
    }

    long lastActivity() {
      return lastActivity;
    }

    void touch() {
      lastActivity = System.nanoTime();
    }

    void cancel() {
      cancelled = true;
      BodyCapture c = capture;
      if (c != null) {
        c.cancel();
      }
    }
  }

  private final Handler handler;
  private final long limit;
  private final boolean truncate;
  private final CompletableFuture<Body> result = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private volatile Flow.Subscription subscription;
  private long received;

  private BodyCapture(Handler handler, long limit, boolean truncate) {
    this.handler = handler;
    this.limit = limit;
    this.truncate = truncate;
  }

  @Override
  public CompletionStage<Body> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (limit == 0) {
      s.cancel();
      result.complete(new Body(new byte[0], 0, false));
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    handler.touch();
    for (ByteBuffer b : items) {
      int n = b.remaining();
      long room = limit - received;
      received += n;
      if (n > room) {
        byte[] part = new byte[(int) room];
        b.get(part);
        buffer.write(part, 0, part.length);
        subscription.cancel();
        result.complete(new Body(buffer.toByteArray(), received, !truncate));
        return;
      }
      byte[] chunk = new byte[n];
      b.get(chunk);
      buffer.write(chunk, 0, n);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(new Body(buffer.toByteArray(), received, false));
  }

  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    result.cancel(false);
  }
}
