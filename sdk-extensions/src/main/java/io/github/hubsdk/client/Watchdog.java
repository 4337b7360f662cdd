package io.github.hubsdk.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the reading of an answer's body, which the JDK client's request timeout does not cover: one
 * shared daemon thread looks at every exchange in flight every {@link #TICK} and aborts those whose call
 * deadline has passed or that received nothing for the read timeout. An exchange only joins and leaves a
 * set: scheduling a task per exchange woke the timer thread on every call (two thread switches per call),
 * while the tick runs a hundred times a second, and only while calls are in flight or were a moment ago.
 * A limit is therefore enforced up to one tick late.
 */
final class Watchdog {

  /** How often exchanges in flight are looked at. */
  static final Duration TICK = Duration.ofMillis(10);
  /** Ticks without any exchange before the ticking stops (and restarts with the next exchange). */
  private static final int IDLE_TICKS = 100;

  private static final ScheduledThreadPoolExecutor TIMER = timer();
  private static final Set<Watch> ACTIVE = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean TICKING = new AtomicBoolean();
  /** Touched by the timer thread only. */
  private static int idleTicks;

  private Watchdog() {
  }

  static Watch watch(BodyCapture.Handler handler, long startNanos, Duration callTimeout, Duration readTimeout) {
    Watch w = new Watch(handler, startNanos + callTimeout.toNanos(), readTimeout.toNanos(), callTimeout,
        readTimeout);
    ACTIVE.add(w);
    if (!TICKING.get() && TICKING.compareAndSet(false, true)) {
      schedule();
    }
    return w;
  }

  private static void schedule() {
    TIMER.schedule(Watchdog::tick, TICK.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static void tick() {
    try {
      long now = System.nanoTime();
      for (Watch w : ACTIVE) {
        try {
          w.check(now);
        } catch (RuntimeException e) {
          ACTIVE.remove(w); // never again: one broken exchange must not stop the checks of the others
        }
      }
    } finally {
      next();
    }
  }

  /** Ticks again, unless nothing was in flight for a while. */
  private static void next() {
    if (!ACTIVE.isEmpty()) {
      idleTicks = 0;
    } else if (++idleTicks >= IDLE_TICKS) {
      idleTicks = 0;
      TICKING.set(false);
      // An exchange that joined meanwhile either saw TICKING false and started a tick of its own, or is seen here.
      if (ACTIVE.isEmpty() || !TICKING.compareAndSet(false, true)) {
        return;
      }
    }
    schedule();
  }

  /** The check of one exchange. */
  static final class Watch {
    private final BodyCapture.Handler handler;
    private final long deadline;
    private final long idleLimit;
    private final Duration callTimeout;
    private final Duration readTimeout;

    private Watch(BodyCapture.Handler handler, long deadline, long idleLimit, Duration callTimeout,
        Duration readTimeout) {
      this.handler = handler;
      this.deadline = deadline;
      this.idleLimit = idleLimit;
      this.callTimeout = callTimeout;
      this.readTimeout = readTimeout;
    }

    void check(long now) {
      if (now - deadline >= 0) {
        ACTIVE.remove(this);
        handler.abort("call timeout of " + callTimeout);
        return;
      }
      long idle = now - handler.lastActivity();
      // Before the headers the JDK's request timeout applies; afterwards a silence ends the exchange.
      if (handler.reading() && idle >= idleLimit) {
        ACTIVE.remove(this);
        handler.abort("read timeout of " + readTimeout + " (no data received)");
      }
    }

    void stop() {
      ACTIVE.remove(this);
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
