package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Claim and snapshot semantics of {@link Expectation}: an expectation is visible to server threads from
 * its first {@code and...} call while the rest of the chain still changes it.
 */
class ExpectationTest {

  private final List<Expectation> registered = new CopyOnWriteArrayList<>();

  private Expectation get(String glob) {
    return new Expectation.Builder(registered::add).get(glob);
  }

  @Test
  void registersOnTheFirstAndCallWithThatCallAlreadyApplied() {
    Expectation e = get("/v2/x");
    assertThat(registered).isEmpty();
    e.andReturn(503, "{}");
    assertThat(registered).containsExactly(e);
    assertThat(e.tryClaim("GET", "/v2/x").status()).isEqualTo(503);
    e.once();
    assertThat(registered).as("registered once").hasSize(1);
  }

  @Test
  void aClaimKeepsTheActionItWasGivenWhenTheChainChangesLater() {
    Expectation e = get("/v2/*").andDelay(Duration.ofMillis(5));
    Expectation.Action delayOnly = e.tryClaim("GET", "/v2/a");
    e.andReturn(429, "{\"n\":1}", Map.of("Retry-After", "7"));
    Expectation.Action canned = e.tryClaim("GET", "/v2/a");
    e.andDropConnection();
    Expectation.Action dropped = e.tryClaim("GET", "/v2/a");

    assertThat(delayOnly).isEqualTo(new Expectation.Action(Duration.ofMillis(5), null, null, Map.of(), false));
    assertThat(canned).isEqualTo(
        new Expectation.Action(Duration.ofMillis(5), 429, "{\"n\":1}", Map.of("Retry-After", "7"), false));
    assertThat(dropped).isEqualTo(new Expectation.Action(Duration.ofMillis(5), null, null, Map.of(), true));
    assertThat(e.tryClaim("POST", "/v2/a")).as("the method must match").isNull();
    assertThat(e.tryClaim("GET", "/v3/a")).as("the glob must match").isNull();
    assertThat(e.hits()).isEqualTo(3);
  }

  @Test
  void timesCountsTheHitsTakenBeforeIt() {
    Expectation e = get("/v2/x").andReturn(503, "{}");
    // Two requests arrive between andReturn and times(3): only one use is left.
    assertThat(e.tryClaim("GET", "/v2/x")).isNotNull();
    assertThat(e.tryClaim("GET", "/v2/x")).isNotNull();
    e.times(3);
    assertThat(e.isActive()).isTrue();
    assertThat(e.tryClaim("GET", "/v2/x")).isNotNull();
    assertThat(e.tryClaim("GET", "/v2/x")).isNull();
    assertThat(e.isActive()).isFalse();
    assertThat(e.hits()).isEqualTo(3);

    Expectation late = get("/v2/y").andReturn(503, "{}");
    late.tryClaim("GET", "/v2/y");
    late.once();
    assertThat(late.isActive()).as("once() after a hit is already used up").isFalse();
    assertThat(late.tryClaim("GET", "/v2/y")).isNull();
    late.always();
    assertThat(late.tryClaim("GET", "/v2/y")).isNotNull();
  }

  @Test
  void concurrentClaimsWhileTheChainChangesNeverSeeAMixedResponse() throws Exception {
    Expectation e = get("/v2/x").andReturn(500, "A", Map.of("X", "A"));
    AtomicBoolean stop = new AtomicBoolean();
    List<String> mixed = new CopyOnWriteArrayList<>();
    int threads = 4;
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Thread claimer = new Thread(() -> {
        try {
          while (!stop.get()) {
            Expectation.Action a = e.tryClaim("GET", "/v2/x");
            String expected = a.status() == 500 ? "A" : "B";
            if (!expected.equals(a.body()) || !expected.equals(a.headers().get("X"))) {
              mixed.add(a.toString());
            }
          }
        } finally {
          done.countDown();
        }
      });
      claimer.setDaemon(true);
      claimer.start();
    }
    for (int i = 0; i < 20_000; i++) {
      if (i % 2 == 0) {
        e.andReturn(429, "B", Map.of("X", "B"));
      } else {
        e.andReturn(500, "A", Map.of("X", "A"));
      }
    }
    stop.set(true);
    assertThat(done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(mixed).isEmpty();
    assertThat(e.hits()).isPositive();
  }
}
