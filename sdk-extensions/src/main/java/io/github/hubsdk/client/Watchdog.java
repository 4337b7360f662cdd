package io.github.hubsdk.client;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the reading of an answer's body, which the JDK client's request timeout does not cover: one
 * shared daemon thread checks each exchange at its next due time and aborts it when the call deadline has
 * passed or nothing arrived for the read timeout. A finished exchange cancels its check, so a fast call
 * costs one scheduling and one cancellation.
 */
final class Watchdog {

  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private Watchdog() {
  }

  static Watch watch(BodyCapture.Handler handler, long startNanos, Duration callTimeout, Duration readTimeout) {
    Watch w = new Watch(handler, startNanos + callTimeout.toNanos(), readTimeout.toNanos(), callTimeout,
        readTimeout);
    w.arm(Math.min(callTimeout.toNanos(), readTimeout.toNanos()));
    return w;
  }

  /** The check of one exchange. */
  static final class Watch implements Runnable {
    private final BodyCapture.Handler handler;
    private final long deadline;
    private final long idleLimit;
    private final Duration callTimeout;
    private final Duration readTimeout;
    private volatile ScheduledFuture<?> next;
    private volatile boolean stopped;

    private Watch(BodyCapture.Handler handler, long deadline, long idleLimit, Duration callTimeout,
        Duration readTimeout) {
      this.handler = handler;
      this.deadline = deadline;
      this.idleLimit = idleLimit;
      this.callTimeout = callTimeout;
      this.readTimeout = readTimeout;
    }

    private void arm(long inNanos) {
      if (!stopped) {
        next = TIMER.schedule(this, Math.max(inNanos, 1_000_000L), TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public void run() {
      if (stopped) {
        return;
      }
      long now = System.nanoTime();
      if (now - deadline >= 0) {
        handler.abort("call timeout of " + callTimeout);
        return;
      }
      long idle = now - handler.lastActivity();
      // Before the headers the JDK's request timeout applies; afterwards a silence ends the exchange.
      if (handler.reading() && idle >= idleLimit) {
        handler.abort("read timeout of " + readTimeout + " (no data received)");
        return;
      }
      arm(Math.min(deadline - now, idleLimit - Math.min(idle, idleLimit - 1)));
    }

    void stop() {
      stopped = true;
      ScheduledFuture<?> f = next;
      if (f != null) {
        f.cancel(false);
      }
    }
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "hubsdk-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }
}
