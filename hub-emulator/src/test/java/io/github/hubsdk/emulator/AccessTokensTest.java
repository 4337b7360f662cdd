package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTokensTest extends EmulatorTestSupport {

  @Test
  void createShowsTheSecretOnceAndReadsBlankIt() {
    start();
    String jwt = loginDefault();
    Map<String, Object> body = new HashMap<>(tokenRequest("ci-push-token", "repo:write"));
    body.put("expires_at", "2027-01-31T00:00:00Z");
    Resp created = send("POST", "/v2/access-tokens", jwt, body, Map.of("User-Agent", "hubsdk-test/1.0"));
    assertThat(created.status()).isEqualTo(201);
    JsonNode token = created.json();
    assertThat(token.get("token").asText()).startsWith("dckr_pat_").hasSize(36);
    assertThat(token.get("token_label").asText()).isEqualTo("ci-push-token");
    assertThat(token.get("scopes")).hasSize(1);
    assertThat(token.get("is_active").asBoolean()).isTrue();
    assertThat(token.get("client_id").asText()).isEqualTo("HUB");
    assertThat(token.get("creator_ua").asText()).isEqualTo("hubsdk-test/1.0");
    assertThat(token.get("creator_ip").asText()).isEqualTo("127.0.0.1");
    assertThat(token.get("created_at").asText()).isEqualTo(T0.toString());
    assertThat(token.get("expires_at").asText()).isEqualTo("2027-01-31T00:00:00Z");
    assertThat(token.get("last_used").isNull()).isTrue();
    String uuid = token.get("uuid").asText();

    Resp fetched = get("/v2/access-tokens/" + uuid, jwt);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json().get("token").asText()).isEmpty();
    Resp list = get("/v2/access-tokens", jwt);
    assertThat(list.json().get("count").asInt()).isEqualTo(1);
    assertThat(list.json().get("active_count").asInt()).isEqualTo(1);
    assertThat(list.json().at("/results/0/token").asText()).isEmpty();

    String secret = token.get("token").asText();
    assertThat(login("hubsdk", secret)).isNotBlank();
  }

  @Test
  void createValidatesItsBody() {
    start();
    String jwt = loginDefault();
    Resp noLabel = post("/v2/access-tokens", jwt, Map.of("scopes", List.of("repo:read")));
    assertThat(noLabel.status()).isEqualTo(400);
    assertThat(noLabel.json().at("/fields/token_label/0").asText()).isEqualTo("This field is required.");
    assertThat(post("/v2/access-tokens", jwt, tokenRequest("x".repeat(101), "repo:read")).json()
        .at("/fields/token_label/0").asText()).contains("100 characters");
    assertThat(post("/v2/access-tokens", jwt, tokenRequest("x", "repo:everything")).status()).isEqualTo(400);
    assertThat(post("/v2/access-tokens", jwt, tokenRequest("x")).status()).isEqualTo(400);
    assertThat(post("/v2/access-tokens", jwt, Map.of("token_label", "x", "scopes", List.of("repo:read"),
        "expires_at", "2020-01-01T00:00:00Z")).json().has("fields")).isTrue();
    assertThat(post("/v2/access-tokens", jwt, "nonsense").status()).isEqualTo(400);
    assertThat(get("/v2/access-tokens", jwt).json().get("count").asInt()).isZero();
  }

  @Test
  void aUserHasAtMostAThousandTokensSoChurnCannotGrowTheHeap() {
    start(b -> b.seed(s -> {
      for (int i = 0; i < 999; i++) {
        s.personalAccessToken(DockerHubEmulator.DEFAULT_USERNAME, "seeded-" + i).create();
      }
    }));
    String jwt = loginDefault();
    assertThat(post("/v2/access-tokens", jwt, tokenRequest("the-thousandth", "repo:read")).status()).isEqualTo(201);
    Resp over = post("/v2/access-tokens", jwt, tokenRequest("one-too-many", "repo:read"));
    assertThat(over.status()).isEqualTo(400);
    assertThat(over.json().at("/fields/token_label/0").asText()).contains("at most 1000");
    String first = get("/v2/access-tokens?page_size=1", jwt).json().at("/results/0/uuid").asText();
    assertThat(send("DELETE", "/v2/access-tokens/" + first, jwt, null).status()).isEqualTo(204);
    assertThat(post("/v2/access-tokens", jwt, tokenRequest("after-a-delete", "repo:read")).status()).isEqualTo(201);
  }

  @Test
  void updateChangesOnlyLabelAndActiveFlag() {
    SeededToken[] pat = new SeededToken[1];
    start(b -> b.seed(s -> pat[0] = s.personalAccessToken("hubsdk", "old-laptop", "repo:read")));
    String jwt = loginDefault();
    String path = "/v2/access-tokens/" + pat[0].uuid();
    Resp renamed = send("PATCH", path, jwt, Map.of("token_label", "new-laptop", "scopes", List.of("repo:admin")));
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().get("token_label").asText()).isEqualTo("new-laptop");
    assertThat(renamed.json().get("scopes").get(0).asText()).as("scopes cannot change").isEqualTo("repo:read");
    assertThat(renamed.json().get("token").asText()).isEmpty();

    Resp off = send("PATCH", path, jwt, Map.of("is_active", false));
    assertThat(off.json().get("is_active").asBoolean()).isFalse();
    assertThat(off.json().get("token_label").asText()).isEqualTo("new-laptop");
    assertThat(get("/v2/access-tokens", jwt).json().get("active_count").asInt()).isZero();
    assertThat(post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", pat[0].secret())).status())
        .isEqualTo(401);

    assertThat(send("PATCH", path, jwt, Map.of()).status()).isEqualTo(400);
    assertThat(send("PATCH", path, jwt, Map.of("is_active", "yes")).status()).isEqualTo(400);
    assertThat(send("PATCH", path, jwt, Map.of("token_label", "")).status()).isEqualTo(400);
    assertThat(send("PATCH", "/v2/access-tokens/b30bbf97-506c-4ecd-aabc-842f3cb484fb", jwt,
        Map.of("is_active", true)).status()).isEqualTo(404);
  }

  @Test
  void deleteAnswers204AndTheTokenIsGone() {
    SeededToken[] pat = new SeededToken[1];
    start(b -> b.seed(s -> pat[0] = s.personalAccessToken("hubsdk", "ci", "repo:read")));
    String jwt = loginDefault();
    Resp deleted = send("DELETE", "/v2/access-tokens/" + pat[0].uuid(), jwt, null);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.raw().body()).isEmpty();
    assertThat(get("/v2/access-tokens/" + pat[0].uuid(), jwt).status()).isEqualTo(404);
    assertThat(send("DELETE", "/v2/access-tokens/" + pat[0].uuid(), jwt, null).status()).isEqualTo(404);
  }

  @Test
  void tokensOfOtherUsersAreNotFound() {
    SeededToken[] pat = new SeededToken[1];
    start(b -> b.seed(s -> {
      s.user("mona", "s3cret");
      pat[0] = s.personalAccessToken("mona", "private", "repo:read");
    }));
    String jwt = loginDefault();
    assertThat(get("/v2/access-tokens/" + pat[0].uuid(), jwt).status()).isEqualTo(404);
    assertThat(get("/v2/access-tokens/not-a-uuid", jwt).status()).isEqualTo(404);
    assertThat(get("/v2/access-tokens/" + pat[0].uuid(), null).status()).isEqualTo(401);
    assertThat(send("PATCH", "/v2/access-tokens/" + pat[0].uuid(), null, Map.of("is_active", false)).status())
        .isEqualTo(401);
    assertThat(send("DELETE", "/v2/access-tokens/" + pat[0].uuid(), null, null).status()).isEqualTo(401);
    assertThat(post("/v2/access-tokens", null, tokenRequest("x", "repo:read")).status()).isEqualTo(401);
    assertThat(get("/v2/access-tokens", jwt).json().get("count").asInt()).isZero();
  }

  @Test
  void listPagesNewestFirstWithAbsoluteLinksAnd404PastTheEnd() {
    start(b -> b.seed(s -> {
      for (int i = 0; i < 25; i++) {
        s.personalAccessToken("hubsdk", "token-" + i, i % 5 == 0 ? null : null, i % 5 != 0, "repo:read");
      }
    }));
    String jwt = loginDefault();
    Resp first = get("/v2/access-tokens", jwt);
    assertThat(first.json().get("count").asInt()).isEqualTo(25);
    assertThat(first.json().get("active_count").asInt()).isEqualTo(20);
    assertThat(first.json().get("results")).hasSize(10);
    assertThat(first.json().at("/results/0/token_label").asText()).isEqualTo("token-24");
    assertThat(first.json().get("previous").isNull()).isTrue();
    String base = hub.baseUrl().replace("http://", "");
    assertThat(first.json().get("next").asText()).isEqualTo("http://" + base + "/v2/access-tokens?page=2");

    Resp third = get("/v2/access-tokens?page=3&page_size=10", jwt);
    assertThat(third.json().get("results")).hasSize(5);
    assertThat(third.json().get("next").isNull()).isTrue();
    assertThat(third.json().get("previous").asText())
        .isEqualTo("http://" + base + "/v2/access-tokens?page=2&page_size=10");
    assertThat(get("/v2/access-tokens?page=2&page_size=10", jwt).json().get("previous").asText())
        .as("DRF drops page=1").isEqualTo("http://" + base + "/v2/access-tokens?page_size=10");

    Resp past = get("/v2/access-tokens?page=4&page_size=10", jwt);
    assertThat(past.status()).isEqualTo(404);
    assertThat(past.json().get("detail").asText()).isEqualTo("Invalid page.");
    assertThat(get("/v2/access-tokens?page=0", jwt).status()).isEqualTo(400);
    assertThat(get("/v2/access-tokens?page_size=abc", jwt).status()).isEqualTo(400);
  }

  @Test
  void pageSizeIsCappedAt100() {
    start(b -> b.seed(s -> {
      for (int i = 0; i < 105; i++) {
        s.personalAccessToken("hubsdk", "t" + i, "repo:read");
      }
    }));
    String jwt = loginDefault();
    Resp page = get("/v2/access-tokens?page_size=500", jwt);
    assertThat(page.json().get("results")).hasSize(100);
    assertThat(page.json().get("next").asText()).endsWith("/v2/access-tokens?page=2&page_size=500");
    assertThat(get("/v2/access-tokens?page=2&page_size=500", jwt).json().get("results")).hasSize(5);
  }

  @Test
  void paginationLinksUseTheRequestsHostHeader() throws Exception {
    start(b -> b.seed(s -> {
      for (int i = 0; i < 3; i++) {
        s.personalAccessToken("hubsdk", "t" + i, "repo:read");
      }
    }));
    String jwt = loginDefault();
    String raw;
    try (Socket socket = new Socket("127.0.0.1", hub.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET /v2/access-tokens?page_size=1&page=2 HTTP/1.1\r\nHost: hub.example.test:8443\r\n"
          + "X-Forwarded-Proto: https\r\nAuthorization: Bearer " + jwt + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      raw = all.toString(StandardCharsets.UTF_8);
    }
    assertThat(raw).startsWith("HTTP/1.1 200");
    JsonNode body = JSON.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
    assertThat(body.get("next").asText()).isEqualTo("https://hub.example.test:8443/v2/access-tokens?page=3&page_size=1");
    assertThat(body.get("previous").asText()).isEqualTo("https://hub.example.test:8443/v2/access-tokens?page_size=1");
  }

  @Test
  void everyTokenChangeIsAudited() {
    start();
    String jwt = loginDefault();
    String uuid = post("/v2/access-tokens", jwt, tokenRequest("ci", "repo:read")).json().get("uuid").asText();
    clock.advance(Duration.ofMinutes(1));
    send("PATCH", "/v2/access-tokens/" + uuid, jwt, Map.of("token_label", "ci-renamed"));
    clock.advance(Duration.ofMinutes(1));
    send("DELETE", "/v2/access-tokens/" + uuid, jwt, null);
    JsonNode logs = get("/v2/auditlogs/hubsdk", jwt).json().get("logs");
    assertThat(logs).hasSize(3);
    assertThat(logs.findValuesAsText("action")).containsExactly("pat.delete", "pat.update", "pat.create");
    assertThat(logs.get(2).get("name").asText()).isEqualTo("ci");
    assertThat(logs.get(2).at("/data/uuid").asText()).isEqualTo(uuid);
    assertThat(logs.get(1).at("/data/token_label").asText()).isEqualTo("ci-renamed");
    assertThat(logs.get(0).get("actor").asText()).isEqualTo("hubsdk");
    assertThat(logs.get(0).get("timestamp").asText()).isEqualTo(T0.plus(Duration.ofMinutes(2)).toString());
  }
}
