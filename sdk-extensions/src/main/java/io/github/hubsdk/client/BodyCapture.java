package io.github.hubsdk.client;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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
    private volatile String abortReason;

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
        c = new BodyCapture(this, 0, true, -1); // never read what a redirect carries
      } else if (status >= 200 && status < 300) {
        c = new BodyCapture(this, successLimit, false, declaredLength(info));
      } else {
        c = new BodyCapture(this, errorLimit, true, declaredLength(info)); // the start of an error body is enough
      }
      capture = c;
      if (abortReason != null) {
        c.abort(abortReason);
      }
      return c.adapter;
    }

    long lastActivity() {
      return lastActivity;
    }

    private static long declaredLength(HttpResponse.ResponseInfo info) {
      return info.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    void touch() {
      lastActivity = System.nanoTime();
    }

    /** Whether the headers arrived, i.e. whether the JDK's own request timeout no longer applies. */
    boolean reading() {
      return capture != null;
    }

    /** Stops reading: the connection is dropped and the exchange fails with a timeout naming {@code reason}. */
    void abort(String reason) {
      abortReason = reason;
      BodyCapture c = capture;
      if (c != null) {
        c.abort(reason);
      }
    }

    String abortReason() {
      return abortReason;
    }
  }

  private final Handler handler;
  private final long limit;
  private final boolean truncate;
  private final CompletableFuture<Body> result = new CompletableFuture<>();
  /** With a declared length within the limit, the body is read straight into its final array. */
  private final byte[] exact;
  private final List<byte[]> chunks;
  /**
   * What the JDK client is handed: its own adapter around this subscriber, which it trusts to complete without
   * blocking, so the answer completes on the thread that read it instead of being handed to the client's
   * executor first (a thread switch per call). Everything that completes this subscriber early completes the
   * adapter too.
   */
  final HttpResponse.BodySubscriber<Body> adapter;
  private volatile Flow.Subscription subscription;
  private long received;
  private int stored;

  private BodyCapture(Handler handler, long limit, boolean truncate, long declaredLength) {
    this.handler = handler;
    this.limit = limit;
    this.truncate = truncate;
    this.exact = declaredLength >= 0 && declaredLength <= limit ? new byte[(int) declaredLength] : null;
    this.chunks = exact == null ? new ArrayList<>() : null;
    this.adapter = HttpResponse.BodySubscribers.fromSubscriber(this, BodyCapture::finished);
  }

  /** The adapter's finisher, once this subscriber completed normally. */
  private Body finished() {
    return result.getNow(null);
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
      finish(new Body(new byte[0], 0, false));
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
      if (n > room || (exact != null && n > exact.length - stored)) {
        store(b, (int) Math.min(room, exact == null ? room : exact.length - stored));
        subscription.cancel();
        finish(new Body(joined(), received, !truncate && n > room));
        return;
      }
      store(b, n);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    if (!result.isDone()) {
      result.complete(new Body(joined(), received, false));
    }
  }

  /** Completes early (the subscription cancelled): the adapter then completes with the same body. */
  private void finish(Body body) {
    result.complete(body);
    adapter.onComplete();
  }

  private void store(ByteBuffer b, int n) {
    if (exact != null) {
      b.get(exact, stored, n);
    } else {
      byte[] chunk = new byte[n];
      b.get(chunk);
      chunks.add(chunk);
    }
    stored += n;
  }

  private byte[] joined() {
    if (exact != null) {
      return stored == exact.length ? exact : java.util.Arrays.copyOf(exact, stored);
    }
    if (chunks.size() == 1) {
      return chunks.get(0);
    }
    byte[] all = new byte[stored];
    int at = 0;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, all, at, c.length);
      at += c.length;
    }
    return all;
  }

  void abort(String reason) {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    java.net.http.HttpTimeoutException timeout = new java.net.http.HttpTimeoutException(reason);
    result.completeExceptionally(timeout);
    adapter.onError(timeout);
  }
}
