package io.github.hubsdk.client;

import static io.github.hubsdk.client.TestSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.TestSupport.MutableClock;
import io.github.hubsdk.client.TestSupport.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pacer's probe against servers of every shape it may meet: windows that open at their first request
 * or are aligned to the clock, resets rounded up, down or to the nearest second. Whatever the shape, no
 * request is ever refused once the first answer told the limit; where the reset is rounded up (the
 * emulator's way) the job takes no longer than its windows, instead of a second and a half more per
 * window. The server is simulated on the test's clock: each request takes {@link #LATENCY}.
 */
class RateLimitPacerProbeTest {

  private static final long LIMIT = 50;
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final Duration LATENCY = Duration.ofMillis(10);
  private static final int WINDOWS = 5;

  enum Shape {
    OPENS_AT_FIRST_REQUEST_RESET_ROUNDED_UP(false, Rounding.UP),
    OPENS_AT_FIRST_REQUEST_RESET_ROUNDED_DOWN(false, Rounding.DOWN),
    OPENS_AT_FIRST_REQUEST_RESET_ROUNDED_TO_NEAREST(false, Rounding.NEAREST),
    ALIGNED_TO_THE_CLOCK(true, Rounding.UP);

    final boolean aligned;
    final Rounding rounding;

    Shape(boolean aligned, Rounding rounding) {
      this.aligned = aligned;
      this.rounding = rounding;
    }
  }

  enum Rounding { UP, DOWN, NEAREST }

  /** A fixed-window Docker Hub on the test's clock, counting what it refused. */
  static final class SimulatedHub {
    final Shape shape;
    Instant windowStart;
    long used;
    int refused;
    boolean lastRefused;

    SimulatedHub(Shape shape) {
      this.shape = shape;
    }

    /** The answer's rate-limit headers for a request counted at {@code now}. */
    RateLimit count(Instant now) {
      Instant end = windowStart == null ? null : windowStart.plus(WINDOW);
      if (end == null || !now.isBefore(end)) {
        windowStart = shape.aligned
            ? Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), WINDOW.toSeconds()))
            : now;
        used = 0;
        end = windowStart.plus(WINDOW);
      }
      long millis = end.toEpochMilli();
      long seconds = switch (shape.rounding) {
        case UP -> Math.floorDiv(millis + 999, 1000);
        case DOWN -> Math.floorDiv(millis, 1000);
        case NEAREST -> Math.floorDiv(millis + 500, 1000);
      };
      lastRefused = used >= LIMIT;
      if (lastRefused) {
        refused++;
        return new RateLimit(OptionalLong.of(LIMIT), OptionalLong.of(0), Optional.of(Instant.ofEpochSecond(seconds)),
            now);
      }
      used++;
      return new RateLimit(OptionalLong.of(LIMIT), OptionalLong.of(LIMIT - used),
          Optional.of(Instant.ofEpochSecond(seconds)), now);
    }
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void noRequestIsRefusedWhateverTheServersShape(Shape shape) throws Exception {
    Duration took = run(shape, LIMIT * WINDOWS);
    assertThat(lastHub.refused).as("429s").isZero();
    // At worst a second past each announced reset, and one request per window kept back as the probe.
    long waits = (LIMIT * WINDOWS + LIMIT - 2) / (LIMIT - 1) - 1;
    assertThat(took).isLessThanOrEqualTo(WINDOW.plus(Duration.ofSeconds(2)).multipliedBy(waits));
  }

  @ParameterizedTest
  @EnumSource(value = Shape.class, names = "OPENS_AT_FIRST_REQUEST_RESET_ROUNDED_UP")
  void aResetRoundedUpCostsNoWaitBeyondTheWindowsEnd(Shape shape) throws Exception {
    Duration took = run(shape, (LIMIT - 1) * WINDOWS);
    assertThat(lastHub.refused).as("429s").isZero();
    // Four waits, each to the window's true end (its opening plus its length, learnt from the answers), and
    // the last window's calls one after the other: a cautious wait would add up to 2 s per window.
    assertThat(took).isLessThan(WINDOW.multipliedBy(WINDOWS - 1).plus(LATENCY.multipliedBy(LIMIT))
        .plus(Duration.ofMillis(100)));
  }

  private SimulatedHub lastHub;

  /** {@code calls} calls one after the other, the first at a fraction of a second past T0. */
  private Duration run(Shape shape, long calls) throws InterruptedException {
    Instant start = T0.plusMillis(370);
    MutableClock clock = new MutableClock(start);
    RateLimitPacer pacer = new RateLimitPacer(clock, new RecordingSleeper(clock));
    SimulatedHub hub = new SimulatedHub(shape);
    lastHub = hub;
    for (long i = 0; i < calls; i++) {
      RateLimitPacer.Permit permit = pacer.acquire();
      RateLimit answer = hub.count(clock.instant());
      clock.advance(LATENCY);
      pacer.completed(permit, answer);
      if (hub.lastRefused) {
        pacer.exhausted(Duration.between(clock.instant(), hub.windowStart.plus(WINDOW)));
      }
    }
    return Duration.between(start, clock.instant());
  }
}
