package io.github.hubsdk.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hubsdk.emulator.standalone.Standalone.Answer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every control endpoint over plain HTTP against {@code java -jar ... --port 0}, as a non-Java team would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneControlApiIT {

  private Standalone hub;

  @BeforeAll
  void start() throws Exception {
    hub = Standalone.start("--port", "0", "--no-demo-seed");
  }

  @AfterAll
  void stop() throws Exception {
    hub.close();
  }

  @BeforeEach
  void reset() throws Exception {
    assertThat(hub.post("/_emulator/reset", null).status()).isEqualTo(200);
  }

  @Test
  void healthAndIndex() throws Exception {
    Answer health = hub.get("/_emulator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.header("Content-Type")).isEqualTo("application/json");
    assertThat(health.json().get("status").asText()).isEqualTo("ok");
    assertThat(health.json().get("operations").asInt()).isGreaterThan(60);
    Answer index = hub.get("/_emulator/");
    assertThat(index.json().get("endpoints").size()).isGreaterThanOrEqualTo(10);
    Answer unknown = hub.get("/_emulator/nope");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).isEqualTo("not_found");
    Answer wrongMethod = hub.send("DELETE", "/_emulator/health", null);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
    assertThat(hub.post("/_emulator/clock", "{not json").json().get("error").asText()).isEqualTo("bad_request");
  }

  @Test
  void seedIsAdditiveAndSurvivesReset() throws Exception {
    String doc = """
        {
          "users": [{"name": "mona", "password": "mona-password", "plan": "team"}],
          "accessTokens": [{"owner": "mona", "label": "ci", "scopes": ["repo:read"], "secret": "dckr_pat_knownsecret123"}]
        }
        """;
    Answer seeded = hub.post("/_emulator/seed", doc);
    assertThat(seeded.status()).as(seeded.raw().body()).isEqualTo(201);
    assertThat(seeded.json().at("/seeded/users").asInt()).isEqualTo(1);
    assertThat(seeded.json().at("/tokens/0/secret").asText()).isEqualTo("dckr_pat_knownsecret123");
    hub.login("mona", "mona-password");
    hub.login("mona", "dckr_pat_knownsecret123");
    hub.login("hubsdk", "hubsdk-password");
    assertThat(hub.post("/_emulator/reset", null).status()).isEqualTo(200);
    hub.login("mona", "dckr_pat_knownsecret123");
  }

  @Test
  void invalidSeedIsRefusedWithItsLine() throws Exception {
    String doc = "{\n  \"users\": [\n    {\"name\": \"x\", \"password\": \"p\", \"plan\": \"gold\"}\n  ]\n}";
    Answer refused = hub.post("/_emulator/seed", doc);
    assertThat(refused.status()).isEqualTo(400);
    JsonNode body = refused.json();
    assertThat(body.get("error").asText()).isEqualTo("invalid_seed");
    assertThat(body.get("path").asText()).isEqualTo("/users/0/plan");
    assertThat(body.get("line").asInt()).isEqualTo(3);
    assertThat(body.get("column").asInt()).isEqualTo(44);
    assertThat(body.get("message").asText()).contains("unknown plan 'gold'");
    Answer conflict = hub.post("/_emulator/seed", "{\"organizations\": [{\"name\": \"o\", \"plan\": \"team\","
        + " \"members\": [\"nobody\"]}]}");
    assertThat(conflict.status()).isEqualTo(400);
    assertThat(conflict.json().get("path").asText()).isEqualTo("/organizations/0/members/0");
    assertThat(conflict.json().get("message").asText()).contains("no such user: nobody");
  }

  @Test
  void expectationsByPathAndByOperation() throws Exception {
    String jwt = hub.login("hubsdk", "hubsdk-password");
    Answer created = hub.post("/_emulator/expectations", "{\"method\": \"GET\", \"path\": \"/v2/access-tokens*\","
        + " \"status\": 503, \"body\": {\"detail\": \"down\"}, \"headers\": {\"Retry-After\": \"7\"}, \"times\": 1}");
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    Answer first = hub.get("/v2/access-tokens", "Authorization", "Bearer " + jwt);
    assertThat(first.status()).isEqualTo(503);
    assertThat(first.header("Retry-After")).isEqualTo("7");
    assertThat(first.json().get("detail").asText()).isEqualTo("down");
    assertThat(hub.get("/v2/access-tokens", "Authorization", "Bearer " + jwt).status()).isEqualTo(200);
    JsonNode one = hub.get("/_emulator/expectations/" + id).json();
    assertThat(one.get("hits").asInt()).isEqualTo(1);
    assertThat(one.get("active").asBoolean()).isFalse();

    Answer byOp = hub.post("/_emulator/expectations", "{\"operationId\": \"listAccessTokens\", \"status\": 429,"
        + " \"body\": {\"detail\": \"Rate limit exceeded\"}}");
    assertThat(byOp.status()).isEqualTo(201);
    assertThat(byOp.json().get("times").isNull()).isTrue();
    assertThat(hub.get("/v2/access-tokens/", "Authorization", "Bearer " + jwt).status()).isEqualTo(429);
    assertThat(hub.get("/v2/access-tokens", "Authorization", "Bearer " + jwt).status()).isEqualTo(429);
    assertThat(hub.get("/_emulator/expectations").json().get("expectations").size()).isEqualTo(2);
    assertThat(hub.send("DELETE", "/_emulator/expectations/" + byOp.json().get("id").asText(), null).status())
        .isEqualTo(200);
    assertThat(hub.get("/v2/access-tokens", "Authorization", "Bearer " + jwt).status()).isEqualTo(200);
    assertThat(hub.send("DELETE", "/_emulator/expectations/" + byOp.json().get("id").asText(), null).status())
        .isEqualTo(404);
    assertThat(hub.send("DELETE", "/_emulator/expectations", null).json().get("expectations").size()).isZero();

    Answer bad = hub.post("/_emulator/expectations", "{\"operationId\": \"noSuchOperation\", \"status\": 500}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText()).contains("noSuchOperation");
    assertThat(hub.post("/_emulator/expectations", "{\"path\": \"/v2/*\"}").status()).isEqualTo(400);
  }

  @Test
  void delayAndDrop() throws Exception {
    hub.post("/_emulator/expectations", "{\"method\": \"POST\", \"path\": \"/v2/auth/token\", \"delayMs\": 700,"
        + " \"times\": 1}");
    long start = System.nanoTime();
    hub.login("hubsdk", "hubsdk-password");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(650));
    // A POST: java.net.http retries an idempotent request once on a closed connection.
    hub.post("/_emulator/expectations", "{\"path\": \"/v2/users/login\", \"drop\": true, \"times\": 1}");
    try {
      hub.post("/v2/users/login", "{\"username\":\"hubsdk\",\"password\":\"hubsdk-password\"}");
      throw new AssertionError("the connection should have been dropped");
    } catch (java.io.IOException expected) {
      // closed without an answer
    }
    assertThat(hub.post("/v2/users/login", "{\"username\":\"hubsdk\",\"password\":\"hubsdk-password\"}").status())
        .isEqualTo(200);
  }

  @Test
  void clockGetSetAdvance() throws Exception {
    String jwt = hub.login("hubsdk", "hubsdk-password");
    Instant now = Instant.parse(hub.get("/_emulator/clock").json().get("now").asText());
    assertThat(now).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
    Answer set = hub.send("PUT", "/_emulator/clock", "{\"now\": \"2030-01-01T00:00:00Z\"}");
    assertThat(Instant.parse(set.json().get("now").asText())).isBetween(Instant.parse("2030-01-01T00:00:00Z"),
        Instant.parse("2030-01-01T00:01:00Z"));
    Answer advanced = hub.post("/_emulator/clock/advance", "{\"by\": \"P1D\"}");
    assertThat(Instant.parse(advanced.json().get("now").asText())).isAfter(Instant.parse("2030-01-02T00:00:00Z"));
    // The JWT issued before the jump has expired.
    assertThat(hub.get("/v2/access-tokens", "Authorization", "Bearer " + jwt).status()).isEqualTo(401);
    assertThat(hub.post("/_emulator/clock/advance", "{\"by\": \"tomorrow\"}").status()).isEqualTo(400);
    hub.send("PUT", "/_emulator/clock", "{\"now\": \"" + Instant.now() + "\"}");
  }

  @Test
  void rateLimitOnAndOff() throws Exception {
    Answer on = hub.send("PUT", "/_emulator/rate-limit", "{\"limit\": 3, \"windowSeconds\": 3600}");
    assertThat(on.json().get("enabled").asBoolean()).isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(hub.get("/v2/users/hubsdk").status()).isEqualTo(401);
    }
    Answer limited = hub.get("/v2/users/hubsdk");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("3");
    assertThat(limited.header("Retry-After")).isNotBlank();
    // Control requests are not counted.
    assertThat(hub.get("/_emulator/rate-limit").json().get("limit").asInt()).isEqualTo(3);
    Answer off = hub.send("DELETE", "/_emulator/rate-limit", null);
    assertThat(off.json().get("enabled").asBoolean()).isFalse();
    assertThat(hub.get("/v2/users/hubsdk").status()).isEqualTo(401);
  }

  @Test
  void recordedRequestsAreRedactedBoundedAndClearable() throws Exception {
    String jwt = hub.login("hubsdk", "hubsdk-password");
    hub.get("/v2/access-tokens?page=1", "Authorization", "Bearer " + jwt);
    hub.get("/_emulator/health");
    JsonNode listed = hub.get("/_emulator/requests").json();
    assertThat(listed.get("count").asInt()).isEqualTo(2);
    assertThat(listed.get("redacted").asBoolean()).isTrue();
    JsonNode login = listed.at("/requests/0");
    assertThat(login.get("path").asText()).isEqualTo("/v2/auth/token");
    assertThat(login.get("body").asText()).contains("[REDACTED]").doesNotContain("hubsdk-password");
    JsonNode list = listed.at("/requests/1");
    assertThat(list.get("query").asText()).isEqualTo("page=1");
    assertThat(list.at("/headers/Authorization/0").asText()).isEqualTo("Bearer [REDACTED]");
    assertThat(hub.get("/_emulator/requests").raw().body()).doesNotContain(jwt);
    JsonNode revealed = hub.get("/_emulator/requests?reveal=secrets&limit=1").json();
    assertThat(revealed.get("requests").size()).isEqualTo(1);
    assertThat(revealed.at("/requests/0/headers/Authorization/0").asText()).isEqualTo("Bearer " + jwt);
    assertThat(hub.get("/_emulator/requests?limit=0").status()).isEqualTo(400);
    assertThat(hub.send("DELETE", "/_emulator/requests", null).status()).isEqualTo(200);
    assertThat(hub.get("/_emulator/requests").json().get("count").asInt()).isZero();
  }

  @Test
  void pactProviderStates() throws Exception {
    Answer pat = hub.post("/_emulator/pact/provider-states",
        "{\"state\": \"personal access token 'ci-token' exists\", \"params\": {}, \"action\": \"setup\"}");
    assertThat(pat.status()).as(pat.raw().body()).isEqualTo(200);
    String bearer = pat.json().get("bearer").asText();
    String uuid = pat.json().get("uuid").asText();
    assertThat(hub.get("/v2/access-tokens/" + uuid, "Authorization", "Bearer " + bearer).status()).isEqualTo(200);
    assertThat(hub.post("/_emulator/pact/provider-states", "{\"state\": \"personal access token 'ci-token' exists\","
        + " \"action\": \"teardown\"}").status()).isEqualTo(200);
    // The next interaction's first setup starts from the seeded state: the same token again, no conflict.
    Answer again = hub.post("/_emulator/pact/provider-states", "{\"state\": \"personal access token 'ci-token' exists\"}");
    assertThat(again.json().get("uuid").asText()).isEqualTo(uuid);
    Answer unknown = hub.post("/_emulator/pact/provider-states", "{\"state\": \"the moon is made of cheese\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error").asText()).isEqualTo("unknown_state");
    assertThat(hub.post("/_emulator/pact/provider-states", "{\"state\": \"\"}").status()).isEqualTo(200);
  }
}
