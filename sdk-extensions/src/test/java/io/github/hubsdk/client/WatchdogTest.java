package io.github.hubsdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The watchdog's tick: it aborts an exchange past its deadline, leaves a finished one alone, and starts
 * ticking again after it stopped for want of exchanges.
 */
class WatchdogTest {

  private static String awaitAbort(BodyCapture.Handler handler) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (handler.abortReason() == null && System.nanoTime() - until < 0) {
      Thread.sleep(5);
    }
    return handler.abortReason();
  }

  @Test
  void abortsPastTheDeadlineAlsoAfterTheTickingStopped() throws Exception {
    BodyCapture.Handler first = new BodyCapture.Handler(100, 100);
    Watchdog.watch(first, System.nanoTime(), Duration.ofMillis(50), Duration.ofSeconds(30));
    assertThat(awaitAbort(first)).contains("call timeout of PT0.05S");
    // Long enough without any exchange for the tick to stop; the next exchange must start it again.
    Thread.sleep(Watchdog.TICK.toMillis() * 150);
    BodyCapture.Handler second = new BodyCapture.Handler(100, 100);
    Watchdog.watch(second, System.nanoTime(), Duration.ofMillis(50), Duration.ofSeconds(30));
    assertThat(awaitAbort(second)).contains("call timeout");
  }

  @Test
  void aStoppedExchangeIsLeftAlone() throws Exception {
    BodyCapture.Handler done = new BodyCapture.Handler(100, 100);
    Watchdog.watch(done, System.nanoTime(), Duration.ofMillis(30), Duration.ofSeconds(30)).stop();
    BodyCapture.Handler running = new BodyCapture.Handler(100, 100);
    Watchdog.watch(running, System.nanoTime(), Duration.ofMillis(60), Duration.ofSeconds(30));
    assertThat(awaitAbort(running)).contains("call timeout");
    assertThat(done.abortReason()).isNull();
  }

  @Test
  void theReadTimeoutCountsOnlyOnceTheHeadersArrived() throws Exception {
    BodyCapture.Handler waiting = new BodyCapture.Handler(100, 100);
    Watchdog.Watch w = Watchdog.watch(waiting, System.nanoTime(), Duration.ofSeconds(30), Duration.ofMillis(30));
    Thread.sleep(150);
    assertThat(waiting.abortReason()).as("before the headers the JDK's own timeout applies").isNull();
    w.stop();
  }
}
