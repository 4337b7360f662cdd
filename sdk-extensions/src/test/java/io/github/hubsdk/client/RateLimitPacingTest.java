package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static io.github.hubsdk.client.TestSupport.T0;
import static io.github.hubsdk.client.TestSupport.UUID_1;
import static io.github.hubsdk.client.TestSupport.accessTokenJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.TestSupport.MutableClock;
import io.github.hubsdk.client.TestSupport.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client rides the rate limit: it reads the budget from every answer and, shared by its threads,
 * waits for the window to reset instead of spending the last request into a 429.
 */
class RateLimitPacingTest {

  private static final String GET_TOKEN = "GET /v2/access-tokens/" + UUID_1;
  private static final int LIMIT = 5;
  private static final Duration WINDOW = Duration.ofSeconds(60);

  private HubStub stub;
  private MutableClock clock;
  private final AtomicInteger tooMany = new AtomicInteger();
  private Instant windowStart;
  private int used;

  @BeforeEach
  void start() throws Exception {
    stub = new HubStub();
    clock = new MutableClock(T0);
    windowStart = T0;
    // A Docker Hub with a budget of 5 requests per minute, by the same clock as the client.
    stub.on(GET_TOKEN, r -> {
      synchronized (this) {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(WINDOW))) {
          windowStart = now;
          used = 0;
        }
        long reset = windowStart.plus(WINDOW).getEpochSecond();
        if (used >= LIMIT) {
          tooMany.incrementAndGet();
          return json(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}")
              .header("Retry-After", String.valueOf(reset - now.getEpochSecond()))
              .header("X-RateLimit-Limit", String.valueOf(LIMIT)).header("X-RateLimit-Remaining", "0")
              .header("X-RateLimit-Reset", String.valueOf(reset));
        }
        used++;
        return json(200, accessTokenJson(UUID_1, "ci", ""))
            .header("X-RateLimit-Limit", String.valueOf(LIMIT))
            .header("X-RateLimit-Remaining", String.valueOf(LIMIT - used))
            .header("X-RateLimit-Reset", String.valueOf(reset));
      }
    });
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private DockerHubClient client(RecordingSleeper sleeper, boolean pacing, CallObserver observer) {
    DockerHubClient.Builder b = DockerHubClient.builder().baseUrl(stub.baseUrl())
        .credentials(Credentials.bearer("jwt.for.tests")).clock(clock).sleeper(sleeper).rateLimitPacing(pacing);
    if (observer != null) {
      b.observer(observer);
    }
    return b.build();
  }

  @Test
  void theLastRequestOfAWindowWaitsForTheResetInsteadOfA429() {
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    List<Duration> paced = new CopyOnWriteArrayList<>();
    try (DockerHubClient hub = client(sleeper, true, new CallObserver() {
      @Override
      public void callPaced(CallEvent call, Duration waited) {
        paced.add(waited);
      }
    })) {
      for (int i = 0; i < 12; i++) {
        hub.accessTokens().get(UUID_1);
      }
      assertThat(tooMany).as("no request was spent into a 429").hasValue(0);
      assertThat(hub.pacing().enabled()).isTrue();
      assertThat(hub.pacing().callsDelayed()).isEqualTo(2);
      assertThat(paced).hasSize(2).allSatisfy(d -> assertThat(d).isBetween(WINDOW, WINDOW.plusSeconds(1)));
      assertThat(hub.pacing().timeWaited()).isEqualTo(paced.get(0).plus(paced.get(1)));
    }
  }

  @Test
  void eightThreadsShareOneBudget() throws Exception {
    // Real time here: threads racing for a budget need a clock that moves only as they really wait. The
    // server allows 5 requests per window of 1 s (its reset header in whole seconds, as Docker Hub's).
    java.time.Clock real = java.time.Clock.systemUTC();
    AtomicInteger refused = new AtomicInteger();
    Object[] window = {real.instant(), 0};
    stub.on(GET_TOKEN, r -> {
      synchronized (window) {
        Instant now = real.instant();
        Instant start = (Instant) window[0];
        if (!now.isBefore(start.plusSeconds(1))) {
          start = now;
          window[0] = now;
          window[1] = 0;
        }
        int n = (int) window[1];
        long reset = start.plusSeconds(1).getEpochSecond();
        if (n >= LIMIT) {
          refused.incrementAndGet();
          return json(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}").header("Retry-After", "1");
        }
        window[1] = n + 1;
        return json(200, accessTokenJson(UUID_1, "ci", "")).header("X-RateLimit-Limit", String.valueOf(LIMIT))
            .header("X-RateLimit-Remaining", String.valueOf(LIMIT - n - 1))
            .header("X-RateLimit-Reset", String.valueOf(reset));
      }
    });
    try (DockerHubClient hub = DockerHubClient.builder().baseUrl(stub.baseUrl())
        .credentials(Credentials.bearer("jwt.for.tests")).build()) {
      hub.accessTokens().get(UUID_1); // the first answer shows the budget
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> calls = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        calls.add(pool.submit(() -> hub.accessTokens().get(UUID_1)));
      }
      for (Future<?> f : calls) {
        f.get();
      }
      pool.shutdown();
      assertThat(refused).as("9 calls at 5 per window, 8 of them racing: none answered 429").hasValue(0);
      assertThat(stub.requests(GET_TOKEN)).hasSize(9);
      assertThat(hub.pacing().callsDelayed()).as("the 4 past the first window's budget").isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void withoutPacingTheSameJobHits429sAndRetries() {
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    try (DockerHubClient hub = client(sleeper, false, null)) {
      for (int i = 0; i < 12; i++) {
        hub.accessTokens().get(UUID_1);
      }
      assertThat(hub.pacing().enabled()).isFalse();
      assertThat(hub.pacing().callsDelayed()).isZero();
    }
    assertThat(tooMany).as("the retry policy recovers, but only after spending requests into 429s")
        .hasValueGreaterThanOrEqualTo(2);
  }

  @Test
  void answersWithoutHeadersAreNotPaced() {
    stub.on(GET_TOKEN, r -> json(200, accessTokenJson(UUID_1, "ci", "")));
    RecordingSleeper sleeper = new RecordingSleeper(clock);
    try (DockerHubClient hub = client(sleeper, true, null)) {
      for (int i = 0; i < 20; i++) {
        hub.accessTokens().get(UUID_1);
      }
      assertThat(sleeper.sleeps).isEmpty();
    }
  }
}
