package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends EmulatorTestSupport {

  @Test
  void cannedResponsesComeBeforeTheStoreAndRunOut() {
    start();
    String jwt = hub.accessTokenFor("hubsdk");
    Expectation e = hub.expect().get("/v2/access-tokens*")
        .andReturn(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}", Map.of("Retry-After", "7"))
        .times(2);
    for (int i = 0; i < 2; i++) {
      Resp r = get("/v2/access-tokens?page=1", jwt);
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.header("Retry-After")).isEqualTo("7");
    }
    assertThat(e.hits()).isEqualTo(2);
    assertThat(e.isActive()).isFalse();
    assertThat(get("/v2/access-tokens", jwt).status()).isEqualTo(200);
    assertThat(post("/v2/access-tokens", jwt, tokenRequest("x", "repo:read")).status())
        .as("the method must match").isEqualTo(201);
  }

  @Test
  void onceAndGlobsAndClearing() {
    start();
    String jwt = hub.accessTokenFor("hubsdk");
    hub.expect().any("/v2/auditlogs/*").andReturn(503,
        "{\"code\":14,\"message\":\"service unavailable\",\"details\":[]}").once();
    Resp failed = get("/v2/auditlogs/hubsdk/actions", jwt);
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.json().get("code").asInt()).isEqualTo(14);
    assertThat(get("/v2/auditlogs/hubsdk/actions", jwt).status()).isEqualTo(200);

    hub.expect().get("/v2/orgs/?????/settings").andReturn(404, "{\"detail\":\"Not found.\"}");
    hub.clearExpectations();
    assertThat(get("/v2/auditlogs/hubsdk", jwt).status()).isEqualTo(200);
  }

  @Test
  void aDelayAloneFallsThroughToTheRealAnswer() {
    start();
    Duration delay = Duration.ofMillis(200);
    Expectation slow = hub.expect().post("/v2/auth/token").andDelay(delay).once();
    long started = System.nanoTime();
    assertThat(loginDefault()).isNotBlank();
    // A lower bound only: a slow machine may take longer, but never less than the delay.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the login waited for the delay")
        .isGreaterThanOrEqualTo(delay);
    assertThat(slow.hits()).isEqualTo(1);
  }

  @Test
  void aLongDelayTripsTheClientsTimeout() {
    start();
    hub.expect().get("/v2/access-tokens").andDelay(Duration.ofSeconds(3))
        .andReturn(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}").once();
    HttpRequest request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/v2/access-tokens"))
        .timeout(Duration.ofMillis(300)).build();
    assertThatThrownBy(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(loginDefault()).as("other requests are served meanwhile").isNotBlank();
  }

  @Test
  void aDroppedConnectionIsAnIoErrorForTheClient() {
    start();
    Expectation drop = hub.expect().post("/v2/auth/token").andDropConnection();
    HttpRequest request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/v2/auth/token"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"hubsdk\",\"secret\":\"hubsdk-password\"}"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build();
    assertThatThrownBy(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(drop.hits()).isPositive();
    hub.clearExpectations();
    assertThat(loginDefault()).isNotBlank();
  }

  @Test
  @org.junit.jupiter.api.extension.ExtendWith(ExpectedFailureLog.class) // the failure is on purpose
  void aFailingListenerAnswers500AndTheEmulatorKeepsServing() {
    // Only the first exchange fails, so the second request shows the server thread and the connection
    // pool survived it.
    java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
    start(b -> b.exchangeListener(exchange -> {
      if (failed.compareAndSet(false, true)) {
        throw new AssertionError("listener rejects the response");
      }
    }));
    String jwt = hub.accessTokenFor("hubsdk");

    Resp first = get("/v2/access-tokens", jwt);
    assertThat(first.status()).as("not a dropped connection: %s", first).isEqualTo(500);
    assertThat(first.header("Content-Type")).isEqualTo("application/json");
    assertThat(first.json().get("detail").asText()).isEqualTo("emulator error: AssertionError");

    Resp second = get("/v2/access-tokens", jwt);
    assertThat(second.status()).as("the next request is served normally: %s", second).isEqualTo(200);
    assertThat(second.json().get("count").asInt()).isZero();
  }

  @Test
  void injectedResponsesAreRecordedAndSeenByListeners() {
    java.util.List<Exchange> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    start(b -> b.exchangeListener(seen::add));
    hub.expect().get("/v2/access-tokens/*").andReturn(404, "{\"detail\":\"Not found.\",\"message\":\"Not found.\"}");
    get("/v2/access-tokens/b30bbf97-506c-4ecd-aabc-842f3cb484fb", "x");
    RecordedRequest recorded = hub.takeRequest();
    assertThat(recorded.method()).isEqualTo("GET");
    assertThat(recorded.path()).isEqualTo("/v2/access-tokens/b30bbf97-506c-4ecd-aabc-842f3cb484fb");
    assertThat(seen).singleElement().satisfies(e -> {
      assertThat(e.injected()).isTrue();
      assertThat(e.status()).isEqualTo(404);
      assertThat(e.responseHeader("content-type")).isEqualTo("application/json");
    });
  }
}
