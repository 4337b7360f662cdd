package io.github.hubsdk.emulator.e2e;

import static io.github.hubsdk.emulator.e2e.E2eSupport.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.DockerHubTransportException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Expectation;
import io.github.hubsdk.emulator.RetryAfterFormat;
import io.github.hubsdk.emulator.SeededToken;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorConfigurer;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Fault injection, retries with a fake sleeper, rate limiting, and secrets kept out of logs and exceptions. */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class FaultsRetriesAndSecretsE2eTest {

  DockerHubEmulator hub;

  private final Queue<Duration> waits = new ConcurrentLinkedQueue<>();

  private DockerHubClient client() {
    return E2eSupport.client(hub, E2eSupport.defaultUser(), waits);
  }

  @Test
  void aDelayBeyondTheReadTimeoutIsATransportFailureAndIsNotRetried() {
    // held past the client's read timeout, then dropped (nothing is written to the abandoned connection); the
    // timeout is a second, not less, so that the login before it is not the call that runs out on a busy CI
    hub.expect().get("/v2/access-tokens*").andDelay(Duration.ofMillis(1500)).andDropConnection().once();
    try (DockerHubClient impatient = DockerHubClient.builder().baseUrl(hub.baseUrl())
        .credentials(E2eSupport.defaultUser()).clock(hub.clock()).readTimeout(Duration.ofSeconds(1))
        .sleeper(waits::add).build()) {
      assertThatThrownBy(() -> impatient.accessTokens().list().toList())
          .isInstanceOf(DockerHubTransportException.class)
          .satisfies(e -> assertThat(((DockerHubException) e).operation()).isEqualTo("listAccessTokens"));
    }
    assertThat(waits).as("a timeout is not retried: the server may still be working").isEmpty();
    assertThat(requests(hub, "GET", "/v2/access-tokens")).hasSize(1);
  }

  @Test
  void aDroppedConnectionOnAGetIsRetried() {
    Expectation drop = hub.expect().get("/v2/access-tokens").andDropConnection().once();
    try (DockerHubClient client = client()) {
      assertThat(client.accessTokens().list().toList()).isEmpty();
    }
    assertThat(drop.hits()).isEqualTo(1);
    // The JDK client resends a GET whose connection broke before any answer byte itself, without a wait;
    // when it does not, the SDK's policy does, after one.
    assertThat(waits).hasSizeLessThanOrEqualTo(1);
    assertThat(requests(hub, "GET", "/v2/access-tokens")).hasSize(2);
  }

  @Test
  void aDroppedConnectionOnAPostIsNotRetried() {
    hub.expect().post("/v2/access-tokens").andDropConnection().once();
    try (DockerHubClient client = client()) {
      client.login();
      assertThatThrownBy(() -> client.accessTokens().create("once", List.of(AccessTokenScope.REPO_READ)))
          .isInstanceOf(DockerHubTransportException.class);
    }
    assertThat(waits).isEmpty();
    assertThat(requests(hub, "POST", "/v2/access-tokens")).hasSize(1);
  }

  @Test
  void serverErrorsOnAGetAreRetriedWithBackoff() {
    hub.expect().get("/v2/access-tokens").andReturn(503, "{\"detail\":\"maintenance\"}").times(2);
    try (DockerHubClient client = client()) {
      assertThat(client.accessTokens().list().toList()).isEmpty();
    }
    assertThat(waits).hasSize(2).allMatch(d -> !d.isNegative() && d.compareTo(Duration.ofSeconds(30)) <= 0);
  }

  /** The emulator's own rate limiter: 5 requests a minute, the login included. */
  @Nested
  @EnableDockerHubEmulator(clock = E2eSupport.T0, rateLimit = 5)
  class RateLimited {
    DockerHubEmulator limited;

    @Test
    void a429IsWaitedOutAsRetryAfterSaysAndTheCallSucceeds() {
      try (DockerHubClient client = E2eSupport.unpaced(limited, E2eSupport.defaultUser(), waits)) {
        for (int i = 0; i < 7; i++) {
          assertThat(client.accessTokens().list().toList()).isEmpty();
        }
        assertThat(client.rateLimit()).hasValueSatisfying(r -> assertThat(r.limit()).hasValue(5));
      }
      // requests 1-5 (login + 4 GETs) pass; the 6th gets 429 Retry-After: 60 (the rest of the window)
      assertThat(waits).containsExactly(Duration.ofSeconds(60));
      assertThat(limited.requests()).filteredOn(r -> r.method().equals("GET")).hasSize(8);
    }

    @Test
    void aPacedClientWaitsForTheWindowInsteadOfA429() {
      try (DockerHubClient client = E2eSupport.client(limited, E2eSupport.defaultUser(), waits)) {
        for (int i = 0; i < 7; i++) {
          assertThat(client.accessTokens().list().toList()).isEmpty();
        }
        assertThat(client.pacing().callsDelayed()).isEqualTo(1);
      }
      // The budget of 5 (login + 4 GETs) is spent: the 6th call waits out the window (60 s + 1 s margin).
      assertThat(waits).containsExactly(Duration.ofSeconds(61));
      assertThat(limited.requests()).filteredOn(r -> r.method().equals("GET")).hasSize(7);
    }

    @Test
    void aRateLimitedPostWaitsTheRetryAfterOnceAndIsDoneOnce() {
      try (DockerHubClient client = E2eSupport.unpaced(limited, E2eSupport.defaultUser(), waits)) {
        for (int i = 0; i < 4; i++) {
          client.accessTokens().list().toList();
        }
        // The 429 says the request was refused before anything happened, and when to come back: safe to resend.
        assertThat(client.accessTokens().create("x", List.of(AccessTokenScope.REPO_READ)).getTokenLabel())
            .isEqualTo("x");
        assertThat(client.accessTokens().list().stream().filter(t -> "x".equals(t.getTokenLabel()))).hasSize(1);
      }
      assertThat(waits).containsExactly(Duration.ofSeconds(60));
    }
  }

  /** Docker Hub has been seen sending a unix time in Retry-After; the client waits the same. */
  @Nested
  @EnableDockerHubEmulator(clock = E2eSupport.T0, rateLimit = 2)
  class RetryAfterAsUnixTime {
    DockerHubEmulator limited;

    @EmulatorConfigurer
    static void unixTime(DockerHubEmulator.Builder builder) {
      builder.retryAfterFormat(RetryAfterFormat.UNIX_TIMESTAMP);
    }

    @Test
    void waitsUntilThatTime() {
      try (DockerHubClient client = E2eSupport.unpaced(limited, E2eSupport.defaultUser(), waits)) {
        client.accessTokens().list().toList();      // login and GET: the window's 2 requests, from T0
        limited.clock().advance(Duration.ofSeconds(15));
        client.accessTokens().list().toList();      // 429, Retry-After: <unix time of T0 + 60 s>
      }
      assertThat(limited.requests()).extracting(r -> r.method() + " " + r.path())
          .containsExactly("POST /v2/auth/token", "GET /v2/access-tokens", "GET /v2/access-tokens",
              "GET /v2/access-tokens");
      assertThat(waits).containsExactly(Duration.ofSeconds(45));
    }
  }

  /** Every secret that crosses the wire, collected by the emulator, must show up in no log line and no exception. */
  @Nested
  @EnableDockerHubEmulator(clock = E2eSupport.T0)
  class NoSecretLeaks {
    static final String CODE = "918273";
    static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();
    static final ObjectMapper JSON = new ObjectMapper();
    static SeededToken pat;

    DockerHubEmulator watched;

    @EmulatorConfigurer
    static void collectIssuedSecrets(DockerHubEmulator.Builder builder) {
      builder.exchangeListener(exchange -> {
        String body = exchange.responseBody();
        if (body == null || !body.startsWith("{")) {
          return;
        }
        try {
          JsonNode json = JSON.readTree(body);
          for (String field : List.of("access_token", "token", "login_2fa_token")) {
            if (json.hasNonNull(field) && !json.get(field).asText().isEmpty()) {
              ISSUED.add(json.get(field).asText());
            }
          }
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
    }

    @EmulatorSeed
    static void seed(Seeder s) {
      s.user("mona", "mona-Pa55word!").twoFactor(CODE);
      pat = s.personalAccessToken(DockerHubEmulator.DEFAULT_USERNAME, "ci", "repo:read");
    }

    @Test
    void debugLogsAndExceptionsCarryNoSecret() {
      Logger sdk = (Logger) LoggerFactory.getLogger("io.github.hubsdk");
      Level before = sdk.getLevel();
      ListAppender<ILoggingEvent> appender = new ListAppender<>();
      appender.start();
      sdk.addAppender(appender);
      sdk.setLevel(Level.DEBUG);
      List<Throwable> thrown = new ArrayList<>();
      try {
        try (DockerHubClient password = E2eSupport.client(watched, E2eSupport.defaultUser())) {
          String created = password.accessTokens().create("leak-check", List.of(AccessTokenScope.REPO_READ)).getToken();
          assertThat(created).startsWith("dckr_pat_");
          watched.expect().get("/v2/access-tokens").andReturn(401, "{\"detail\":\"token expired\"}").once();
          password.accessTokens().list().toList();
        }
        try (DockerHubClient withPat = E2eSupport.client(watched, Credentials.personalAccessToken(pat.owner(), pat.secret()))) {
          thrown.add(catchThrown(() -> withPat.accessTokens().list().toList()));
        }
        try (DockerHubClient legacy = E2eSupport.client(watched, Credentials.legacyLogin("mona", "mona-Pa55word!", () -> CODE))) {
          legacy.login();
        }
        try (DockerHubClient wrong = E2eSupport.client(watched, Credentials.password("mona", "mona-Wr0ng-pa55"))) {
          thrown.add(catchThrown(wrong::login));
          thrown.add(catchThrown(wrong::login));
        }
        try (DockerHubClient wrongCode = E2eSupport.client(watched,
            Credentials.legacyLogin("mona", "mona-Pa55word!", () -> "555-" + CODE))) {
          thrown.add(catchThrown(wrongCode::login));
        }
      } finally {
        sdk.detachAppender(appender);
        sdk.setLevel(before);
      }

      List<String> secrets = new ArrayList<>(ISSUED);
      secrets.addAll(List.of(DockerHubEmulator.DEFAULT_PASSWORD, pat.secret(), "mona-Pa55word!", "mona-Wr0ng-pa55", CODE));
      assertThat(ISSUED).anyMatch(s -> s.startsWith("ey")).anyMatch(s -> s.startsWith("dckr_pat_"));
      assertThat(appender.list).as("the wire log was on").anyMatch(e -> e.getFormattedMessage().contains("/v2/auth/token"));
      assertThat(thrown).hasSize(4).doesNotContainNull();
      StringBuilder everything = new StringBuilder();
      appender.list.forEach(e -> everything.append(e.getFormattedMessage()).append('\n'));
      for (Throwable t : thrown) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        everything.append(trace).append('\n');
      }
      for (String secret : secrets) {
        assertThat(everything.toString()).as("a secret of %d characters", secret.length()).doesNotContain(secret);
      }
    }

    private Throwable catchThrown(Runnable r) {
      try {
        r.run();
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    }
  }
}
