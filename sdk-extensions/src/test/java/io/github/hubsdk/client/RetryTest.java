package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static io.github.hubsdk.client.TestSupport.T0;
import static io.github.hubsdk.client.TestSupport.UUID_1;
import static io.github.hubsdk.client.TestSupport.accessTokenJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.TestSupport.MutableClock;
import io.github.hubsdk.client.TestSupport.RecordingSleeper;
import io.github.hubsdk.client.error.DockerHubTransportException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.RestrictedImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {

  private static final String GET_TOKEN = "GET /v2/access-tokens/" + UUID_1;
  private static final String RATE_LIMITED = "{\"detail\":\"Rate limit exceeded\",\"error\":false}";

  private HubStub stub;
  private MutableClock clock;
  private RecordingSleeper sleeper;
  private DockerHubClient hub;

  @BeforeEach
  void start() throws Exception {
    stub = new HubStub();
    clock = new MutableClock(T0);
    sleeper = new RecordingSleeper(clock);
    hub = client(RetryPolicy.builder().maxAttempts(4).baseBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofSeconds(1)).jitter(0).maxTotalWait(Duration.ofSeconds(60)).build(), stub.baseUrl());
  }

  @AfterEach
  void stop() {
    hub.close();
    stub.close();
  }

  private DockerHubClient client(RetryPolicy policy, String baseUrl) {
    return DockerHubClient.builder().baseUrl(baseUrl).credentials(Credentials.bearer("jwt.for.tests"))
        .clock(clock).sleeper(sleeper).retryPolicy(policy).build();
  }

  @Test
  void retriesAGetOn502503504WithDoublingBackoff() {
    stub.script(GET_TOKEN, json(502, "bad gateway"), json(503, "{}"), json(504, "{}"),
        json(200, accessTokenJson(UUID_1, "ci", "")));
    assertThat(hub.accessTokens().get(UUID_1).getTokenLabel()).isEqualTo("ci");
    assertThat(stub.requests(GET_TOKEN)).hasSize(4);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void backoffIsCappedAndAttemptsAreLimited() {
    hub.close();
    hub = client(RetryPolicy.builder().maxAttempts(5).baseBackoff(Duration.ofMillis(400))
        .maxBackoff(Duration.ofMillis(1000)).jitter(0).build(), stub.baseUrl());
    stub.on(GET_TOKEN, r -> json(503, "{\"detail\":\"down\"}"));
    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(ServerErrorException.class)
        .satisfies(e -> assertThat(((ServerErrorException) e).status()).isEqualTo(503));
    assertThat(stub.requests(GET_TOKEN)).hasSize(5);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(400), Duration.ofMillis(800),
        Duration.ofMillis(1000), Duration.ofMillis(1000));
  }

  @Test
  void jitterOnlyShortensTheBackoff() {
    RetryPolicy policy = RetryPolicy.builder().baseBackoff(Duration.ofMillis(1000)).jitter(0.5).build();
    for (int i = 0; i < 50; i++) {
      Duration d = policy.delayBeforeNextAttempt(1, null, Duration.ZERO).orElseThrow();
      assertThat(d).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    stub.script(GET_TOKEN, json(429, RATE_LIMITED).header("Retry-After", "7"),
        json(200, accessTokenJson(UUID_1, "ci", "")));
    hub.accessTokens().get(UUID_1);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsAUnixTimestampIsHonoured() {
    long at = T0.plusSeconds(12).getEpochSecond();
    stub.script(GET_TOKEN, json(429, RATE_LIMITED).header("Retry-After", Long.toString(at)),
        json(200, accessTokenJson(UUID_1, "ci", "")));
    hub.accessTokens().get(UUID_1);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void xRetryAfterUnixTimeIsHonoured() {
    long at = T0.plusSeconds(5).getEpochSecond();
    stub.script(GET_TOKEN, json(429, RATE_LIMITED).header("X-Retry-After", Long.toString(at)),
        json(200, accessTokenJson(UUID_1, "ci", "")));
    hub.accessTokens().get(UUID_1);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    stub.script(GET_TOKEN, json(429, RATE_LIMITED).header("Retry-After", "Thu, 26 Nov 2026 10:00:09 GMT"),
        json(200, accessTokenJson(UUID_1, "ci", "")));
    hub.accessTokens().get(UUID_1);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(9));
  }

  @Test
  void aWaitBeyondTheTotalBudgetFailsAtOnceWithTheServersAnswer() {
    long reset = T0.plusSeconds(3600).getEpochSecond();
    stub.on(GET_TOKEN, r -> json(429, RATE_LIMITED).header("Retry-After", "3600").header("X-RateLimit-Limit", "180")
        .header("X-RateLimit-Remaining", "0").header("X-RateLimit-Reset", Long.toString(reset)));
    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(RateLimitedException.class)
        .satisfies(e -> {
          RateLimitedException r = (RateLimitedException) e;
          assertThat(r.retryAfter()).contains(Duration.ofHours(1));
          assertThat(r.limit()).hasValue(180);
          assertThat(r.remaining()).hasValue(0);
          assertThat(r.reset()).contains(Instant.ofEpochSecond(reset));
        });
    assertThat(stub.requests(GET_TOKEN)).hasSize(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void theTotalWaitIsCapped() {
    hub.close();
    hub = client(RetryPolicy.builder().maxAttempts(10).maxTotalWait(Duration.ofSeconds(10)).build(), stub.baseUrl());
    stub.on(GET_TOKEN, r -> json(429, RATE_LIMITED).header("Retry-After", "4"));
    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(RateLimitedException.class);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    assertThat(stub.requests(GET_TOKEN)).hasSize(3);
  }

  @Test
  void putAndDeleteAreRetried() {
    stub.script("PUT /v2/orgs/acme/settings", json(502, "{}"), json(200,
        "{\"restricted_images\":{\"enabled\":true,\"allow_official_images\":true,\"allow_verified_publishers\":false}}"));
    stub.script("DELETE /v2/access-tokens/" + UUID_1, json(504, "{}"), HubStub.noContent());
    hub.org("acme").updateSettings(new RestrictedImages().enabled(true).allowOfficialImages(true)
        .allowVerifiedPublishers(false));
    hub.accessTokens().delete(UUID_1);
    assertThat(stub.requests("PUT /v2/orgs/acme/settings")).hasSize(2);
    assertThat(stub.requests("DELETE /v2/access-tokens/" + UUID_1)).hasSize(2);
  }

  @Test
  void postIsRetriedOnlyWhenTheServerSaysItRefusedItUnprocessed() {
    stub.on("POST /v2/access-tokens", r -> json(503, "{\"detail\":\"down\"}"));
    assertThatThrownBy(() -> hub.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ)))
        .isInstanceOf(ServerErrorException.class);
    stub.on("POST /v2/access-tokens", r -> json(429, RATE_LIMITED));
    assertThatThrownBy(() -> hub.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ)))
        .isInstanceOf(RateLimitedException.class);
    stub.on("POST /v2/access-tokens", r -> json(502, "{}").header("Retry-After", "1"));
    assertThatThrownBy(() -> hub.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ)))
        .isInstanceOf(ServerErrorException.class);
    assertThat(stub.requests("POST /v2/access-tokens")).as("503 and 429 without Retry-After, 502: not retried")
        .hasSize(3);
    assertThat(sleeper.sleeps).isEmpty();

    // 429 or 503 with Retry-After: the server refused the request before doing anything, and said when to return.
    stub.on("POST /v2/access-tokens", r -> json(429, RATE_LIMITED).header("Retry-After", "1"));
    assertThatThrownBy(() -> hub.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ)))
        .isInstanceOf(RateLimitedException.class);
    assertThat(stub.requests("POST /v2/access-tokens")).as("3 before, then 4 attempts").hasSize(7);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void patchIsNeverRetried() {
    stub.on("PATCH /v2/access-tokens/" + UUID_1, r -> json(502, "{}"));
    assertThatThrownBy(() -> hub.accessTokens().deactivate(UUID_1)).isInstanceOf(ServerErrorException.class);
    assertThat(stub.requests("PATCH /v2/access-tokens/" + UUID_1)).hasSize(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void otherErrorsAreNotRetried() {
    stub.on(GET_TOKEN, r -> json(500, "{\"detail\":\"boom\"}"));
    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(ServerErrorException.class);
    stub.on("GET /v2/orgs/acme/settings", r -> json(404, "{\"detail\":\"Not found.\"}"));
    assertThatThrownBy(() -> hub.org("acme").settings()).isInstanceOf(
        io.github.hubsdk.client.error.NotFoundException.class);
    assertThat(stub.requests()).hasSize(2);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aResetConnectionIsRetriedForGetButNotForPost() throws Exception {
    try (ResettingServer server = new ResettingServer(1)) {
      hub.close();
      hub = client(RetryPolicy.builder().jitter(0).baseBackoff(Duration.ofMillis(10)).build(), server.baseUrl());
      assertThat(hub.accessTokens().get(UUID_1).getTokenLabel()).isEqualTo("ci");
      assertThat(server.connections.get()).isEqualTo(2);
      // The JDK client itself resends a GET whose connection broke before any answer byte, without a wait;
      // otherwise the SDK's policy does, after one.
      assertThat(sleeper.sleeps).hasSizeLessThanOrEqualTo(1);
    }
    try (ResettingServer server = new ResettingServer(1)) {
      hub.close();
      hub = client(RetryPolicy.defaults(), server.baseUrl());
      assertThatThrownBy(() -> hub.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ)))
          .isInstanceOf(DockerHubTransportException.class)
          .satisfies(e -> assertThat(((DockerHubTransportException) e).operation()).isEqualTo("createAccessToken"));
      assertThat(server.connections.get()).isEqualTo(1);
    }
  }

  @Test
  void aLoginBrokenByAConnectionResetIsNotRetriedByTheGetThatNeededIt() throws Exception {
    try (ResettingServer server = new ResettingServer(10)) {
      hub.close();
      hub = DockerHubClient.builder().baseUrl(server.baseUrl()).credentials(Credentials.password("mona", "pw"))
          .sleeper(sleeper).build();
      assertThatThrownBy(() -> hub.accessTokens().get(UUID_1))
          .isInstanceOf(io.github.hubsdk.client.error.LoginFailedException.class)
          .hasCauseInstanceOf(DockerHubTransportException.class);
      assertThat(server.connections.get()).isEqualTo(1);
      assertThat(sleeper.sleeps).isEmpty();
    }
  }

  @Test
  void retryPolicyRejectsNonsense() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().maxTotalWait(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RetryPolicy.none().delayBeforeNextAttempt(1, null, Duration.ZERO)).isEmpty();
  }

  /**
   * Resets (TCP RST) the first {@code resets} connections after reading the request, then answers 200:
   * the JDK HttpServer cannot abort a connection like a failing proxy does.
   */
  static final class ResettingServer implements AutoCloseable {
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket socket;
    private final Thread thread;

    ResettingServer(int resets) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      thread = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket s = socket.accept()) {
            int n = connections.incrementAndGet();
            readHead(s.getInputStream());
            if (n <= resets) {
              s.setSoLinger(true, 0);
              continue;
            }
            byte[] body = accessTokenJson(UUID_1, "ci", "").getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
          } catch (IOException closed) {
            // socket closed by close()
          }
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private static void readHead(InputStream in) throws IOException {
      int matched = 0;
      int b;
      byte[] end = {'\r', '\n', '\r', '\n'};
      while (matched < 4 && (b = in.read()) != -1) {
        matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
