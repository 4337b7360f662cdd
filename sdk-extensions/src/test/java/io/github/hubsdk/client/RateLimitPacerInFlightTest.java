package io.github.hubsdk.client;

import static io.github.hubsdk.client.TestSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.TestSupport.MutableClock;
import io.github.hubsdk.client.TestSupport.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The pacer's count with requests in flight: an answer's remaining budget has every other request in
 * flight taken off (it may have been counted after), which with many threads made a window look spent
 * early; once every answer is back, the least count the server reported is exact and is spent too.
 */
class RateLimitPacerInFlightTest {

  private static final Instant RESET = T0.plusSeconds(60);

  private static RateLimit answer(long remaining) {
    return new RateLimit(OptionalLong.of(10), OptionalLong.of(remaining), Optional.of(RESET), T0);
  }

  @Test
  void whenEveryAnswerIsBackTheServersLeastCountIsSpentInsteadOfWaitingForTheReset() throws Exception {
    MutableClock clock = new MutableClock(T0);
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RateLimitPacer pacer = new RateLimitPacer(clock, sleeper);
    assertThat(pacer.acquire().waited()).isZero();
    pacer.completed(null, answer(9));
    for (int i = 0; i < 8; i++) {
      assertThat(pacer.acquire().waited()).isZero();
    }
    // The server counted all 8 (1 left); the answer saying so comes back first, 7 others still in flight.
    pacer.completed(null, answer(1));
    for (long r = 8; r >= 2; r--) {
      pacer.completed(null, answer(r));
    }
    // The 10th request of a window of 10 is the one left: the window's probe, it waits for the reset.
    RateLimitPacer.Permit probe = pacer.acquire();
    assertThat(probe.probe()).isNotNull();
    assertThat(probe.waited()).as("the announced reset, not a second past it").isEqualTo(Duration.between(T0, RESET));
    assertThat(sleeper.sleeps).hasSize(1);
  }

  @Test
  void aSpentWindowWithRequestsInFlightWaitsForTheirAnswersFirst() throws Exception {
    MutableClock clock = new MutableClock(T0);
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    RateLimitPacer pacer = new RateLimitPacer(clock, sleeper);
    pacer.acquire();
    pacer.completed(null, answer(3));
    pacer.acquire();
    pacer.acquire();
    // Both in flight; the first answer says 2 left, less the other one in flight: 1, the probe's reserve.
    pacer.completed(null, answer(2));
    Thread late = new Thread(() -> pacer.completed(null, answer(2)));
    late.start(); // the second was counted before the first: 2 are really left, and its answer says so
    assertThat(pacer.acquire().waited()).as("went on the last answer's word, without sleeping to the reset")
        .isZero();
    late.join();
    assertThat(sleeper.sleeps).isEmpty();
  }
}
