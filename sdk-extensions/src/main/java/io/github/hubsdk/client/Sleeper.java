package io.github.hubsdk.client;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps the calling thread; tests substitute one that records the
 * waits instead of spending them.
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps the calling thread. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Waits.
   *
   * @param duration how long, never negative
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
