package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many threads (or a parallel paginator) share one client: once warm, their calls must reuse the
 * connections already open instead of paying a new TCP handshake each time, as they would with OkHttp's
 * default pool of 5 idle connections.
 */
class ConnectionReuseTest {

  private static final int THREADS = 8;

  @Test
  void eightConcurrentCallersReuseTheirConnectionsOnTheNextRound() throws Exception {
    CyclicBarrier allInFlight = new CyclicBarrier(THREADS);
    try (HubStub stub = new HubStub();
         DockerHubClient hub = DockerHubClient.builder().baseUrl(stub.baseUrl())
             .credentials(Credentials.bearer("jwt.for.tests")).retryPolicy(RetryPolicy.none()).build()) {
      // Each answer waits until all eight requests have arrived, so every round really holds 8 connections.
      stub.on("GET /v2/access-tokens/" + TestSupport.UUID_1, r -> {
        allInFlight.await(10, TimeUnit.SECONDS);
        return json(200, TestSupport.accessTokenJson(TestSupport.UUID_1, "ci", ""));
      });
      ExecutorService callers = Executors.newFixedThreadPool(THREADS);
      try {
        for (int round = 0; round < 2; round++) {
          List<Future<?>> calls = new ArrayList<>();
          for (int i = 0; i < THREADS; i++) {
            calls.add(callers.submit(() -> hub.accessTokens().get(TestSupport.UUID_1)));
          }
          for (Future<?> call : calls) {
            call.get(20, TimeUnit.SECONDS);
          }
        }
      } finally {
        callers.shutdownNow();
      }

      assertThat(stub.requests()).hasSize(2 * THREADS);
      assertThat(stub.requests().stream().map(HubStub.Recorded::clientPort).collect(Collectors.toSet()))
          .as("client ports over both rounds: the second round reuses the first round's connections")
          .hasSize(THREADS);
    }
  }
}
