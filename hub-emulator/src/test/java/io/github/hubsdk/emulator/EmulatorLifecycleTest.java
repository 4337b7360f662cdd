package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmulatorLifecycleTest extends EmulatorTestSupport {

  @Test
  void startsOnAnEphemeralLoopbackPortWithTheDefaultSeed() {
    start();
    assertThat(hub.port()).isPositive();
    assertThat(hub.baseUrl()).isEqualTo("http://127.0.0.1:" + hub.port());
    assertThat(hub.defaultUser()).isEqualTo(new SeededUser("hubsdk", "hubsdk-password"));
    assertThat(hub.defaultUser().toString()).doesNotContain("hubsdk-password");
    assertThat(hub.clock().instant()).isEqualTo(T0);
    assertThat(get("/v2/namespaces/hubsdk/repositories/example/images-summary", loginDefault())
        .json().at("/statistics/total").asInt()).isEqualTo(25);
  }

  @Test
  void withoutDefaultSeedThereIsNoDefaultUser() {
    start(b -> b.withoutDefaultSeed().seed(s -> s.user("only", "pw")));
    assertThatThrownBy(hub::defaultUser).isInstanceOf(IllegalStateException.class);
    assertThat(post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", "hubsdk-password")).status())
        .isEqualTo(401);
    assertThat(login("only", "pw")).isNotBlank();
  }

  @Test
  void resetRestoresTheSeededStateAndKeepsSeededSecrets() {
    SeededToken[] pat = new SeededToken[1];
    start(b -> b.seed(s -> pat[0] = s.personalAccessToken("hubsdk", "ci", "repo:read")));
    hub.seed(s -> s.user("late", "pw"));
    String jwt = loginDefault();
    send("DELETE", "/v2/access-tokens/" + pat[0].uuid(), jwt, null);
    post("/v2/access-tokens", jwt, tokenRequest("temp", "repo:read"));
    hub.expect().get("/v2/orgs/*").andReturn(404, "{\"detail\":\"Not found.\"}");
    assertThat(hub.requestCount()).isPositive();

    hub.reset();
    assertThat(hub.requestCount()).isZero();
    JsonNode tokens = get("/v2/access-tokens", jwt).json();
    assertThat(tokens.get("count").asInt()).isEqualTo(1);
    assertThat(tokens.at("/results/0/uuid").asText()).isEqualTo(pat[0].uuid().toString());
    assertThat(login("hubsdk", pat[0].secret())).isNotBlank();
    assertThat(login("late", "pw")).as("runtime seeds are replayed").isNotBlank();
    assertThat(get("/v2/auditlogs/hubsdk", jwt).json().get("logs")).isEmpty();
  }

  @Test
  void tenThousandImagesSeedAndPage() {
    start(b -> b.seed(s -> s.repository("hubsdk", "big").images(10_000)));
    String jwt = loginDefault();
    JsonNode summary = get("/v2/namespaces/hubsdk/repositories/big/images-summary", jwt).json();
    assertThat(summary.at("/statistics/total").asInt()).isEqualTo(10_000);
    assertThat(summary.at("/statistics/active").asInt() + summary.at("/statistics/inactive").asInt()).isEqualTo(10_000);
    JsonNode last = get("/v2/namespaces/hubsdk/repositories/big/images?page=100&page_size=100", jwt).json();
    assertThat(last.get("count").asInt()).isEqualTo(10_000);
    assertThat(last.get("results")).hasSize(100);
    assertThat(last.get("next").isNull()).isTrue();
    Set<String> digests = new HashSet<>();
    last.get("results").forEach(i -> digests.add(i.get("digest").asText()));
    assertThat(digests).hasSize(100);
  }

  @Test
  void eightThreadsCreatingAndDeletingTokensLeaveExactlyTheExpectedState() throws Exception {
    start();
    String jwt = hub.accessTokenFor("hubsdk");
    int threads = 8;
    int perThread = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> kept = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<String>> work = () -> {
          List<String> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            Resp created = post("/v2/access-tokens", jwt, tokenRequest("t" + thread + "-" + i, "repo:read"));
            assertThat(created.status()).isEqualTo(201);
            String uuid = created.json().get("uuid").asText();
            if (i % 3 == 0) {
              assertThat(send("DELETE", "/v2/access-tokens/" + uuid, jwt, null).status()).isEqualTo(204);
            } else {
              mine.add(uuid);
            }
          }
          return mine;
        };
        kept.add(pool.submit(work));
      }
      Set<String> expected = new HashSet<>();
      for (Future<List<String>> f : kept) {
        expected.addAll(f.get(120, TimeUnit.SECONDS));
      }
      assertThat(expected).hasSize(threads * perThread * 2 / 3);
      JsonNode all = get("/v2/access-tokens?page_size=100", jwt).json();
      assertThat(all.get("count").asInt()).isEqualTo(expected.size());
      assertThat(all.get("active_count").asInt()).isEqualTo(expected.size());
      Set<String> listed = new HashSet<>();
      all.get("results").forEach(t -> listed.add(t.get("uuid").asText()));
      assertThat(listed).isEqualTo(expected);
      List<String> actions = get("/v2/auditlogs/hubsdk?page_size=100&action=pat.create", jwt).json()
          .findValuesAsText("action");
      assertThat(actions).hasSize(threads * perThread);
      assertThat(get("/v2/auditlogs/hubsdk?page_size=100&action=pat.delete", jwt).json().get("logs"))
          .hasSize(threads * perThread / 3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void recordsRequestsAndRedactsAuthorization() {
    start();
    String jwt = loginDefault();
    get("/v2/access-tokens?page=1", jwt);
    assertThat(hub.requestCount()).isEqualTo(2);
    RecordedRequest login = hub.takeRequest();
    assertThat(login.method()).isEqualTo("POST");
    assertThat(login.body()).contains("identifier");
    assertThat(login.toString()).doesNotContain("hubsdk-password");
    RecordedRequest list = hub.takeRequest();
    assertThat(list.path()).isEqualTo("/v2/access-tokens");
    assertThat(list.query()).isEqualTo("page=1");
    assertThat(list.header("authorization")).isEqualTo("Bearer " + jwt);
    assertThat(list.toString()).doesNotContain(jwt).contains("[REDACTED]");
    assertThat(hub.takeRequest()).isNull();
    assertThat(hub.requests()).hasSize(2);
    assertThat(hub.requests().get(0).receivedAt()).isEqualTo(T0);
  }

  @Test
  void keepsOnlyTheLatestRequestsButCountsAll() {
    start(b -> b.maxRecordedRequests(2));
    String jwt = loginDefault();
    get("/v2/access-tokens?page=1", jwt);
    get("/v2/access-tokens?page=2", jwt);
    assertThat(hub.requestCount()).isEqualTo(3);
    assertThat(hub.requests()).extracting(RecordedRequest::query).containsExactly("page=1", "page=2");
  }

  @Test
  void seedingRejectsNonsense() {
    start();
    assertThatThrownBy(() -> hub.seed(s -> s.user("hubsdk", "again"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hub.seed(s -> s.repository("ghost", "r"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hub.seed(s -> s.personalAccessToken("hubsdk", "x", "repo:root")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hub.seed(s -> s.repository("hubsdk", "r").image("sha256:short", T0, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(get("/v2/access-tokens", loginDefault()).status()).isEqualTo(200);
  }

  @Test
  void standaloneMainServesTheDemoSeed() throws Exception {
    ByteArrayOutputStream banner = new ByteArrayOutputStream();
    try (DockerHubEmulator demo = Main.start(new PrintStream(banner, true, StandardCharsets.UTF_8), "--port", "0")) {
      String out = banner.toString(StandardCharsets.UTF_8);
      assertThat(out).contains(demo.baseUrl()).contains("demo / demo-password");
      HttpRequest login = HttpRequest.newBuilder(URI.create(demo.baseUrl() + "/v2/auth/token"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"demo\",\"secret\":\"demo-password\"}"))
          .header("Content-Type", "application/json").build();
      HttpResponse<String> response = HTTP.send(login, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      String jwt = JSON.readTree(response.body()).get("access_token").asText();
      HttpRequest images = HttpRequest.newBuilder(URI.create(demo.baseUrl()
          + "/v2/namespaces/demo-org/repositories/demo-app/images-summary"))
          .header("Authorization", "Bearer " + jwt).build();
      assertThat(JSON.readTree(HTTP.send(images, HttpResponse.BodyHandlers.ofString()).body())
          .at("/statistics/total").asInt()).isEqualTo(300);
      HttpRequest settings = HttpRequest.newBuilder(URI.create(demo.baseUrl() + "/v2/orgs/demo-org/settings"))
          .header("Authorization", "Bearer " + jwt).build();
      assertThat(HTTP.send(settings, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      HttpRequest tokens = HttpRequest.newBuilder(URI.create(demo.baseUrl() + "/v2/access-tokens"))
          .header("Authorization", "Bearer " + jwt).build();
      assertThat(JSON.readTree(HTTP.send(tokens, HttpResponse.BodyHandlers.ofString()).body()).get("count").asInt())
          .isEqualTo(2);
      HttpRequest audit = HttpRequest.newBuilder(URI.create(demo.baseUrl() + "/v2/auditlogs/demo-org"))
          .header("Authorization", "Bearer " + jwt).build();
      assertThat(JSON.readTree(HTTP.send(audit, HttpResponse.BodyHandlers.ofString()).body()).get("logs")).hasSize(4);
    }
    assertThatThrownBy(() -> Main.start(System.out, "--bogus")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Main.start(System.out, "--port", "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
