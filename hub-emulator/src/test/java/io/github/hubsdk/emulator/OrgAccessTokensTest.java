package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Organization access tokens: owners manage them, the secret once, paging with total, plan gate, login. */
class OrgAccessTokensTest extends EmulatorTestSupport {

  static final Map<String, Object> WEB_PULL = Map.of("type", "TYPE_REPO", "path", "acme/web",
      "scopes", List.of("scope-image-pull"));

  void startWithOrgs() {
    start(b -> b.seed(s -> {
      s.user("mona", "s3cret");
      s.org("acme", Plan.BUSINESS).owners("hubsdk").members("mona");
      s.org("freeorg", Plan.FREE).owners("hubsdk");
      s.org("acme").accessToken("old-ci").repository("acme/*", "scope-image-pull").createdDaysAgo(120)
          .lastUsedDaysAgo(95).seed();
    }));
  }

  @Test
  void createShowsTheSecretOnceAndItLogsInWithTheOrganizationsName() {
    startWithOrgs();
    String jwt = loginDefault();
    Resp created = post("/v2/orgs/acme/access-tokens", jwt, Map.of("label", "release", "description", "CI",
        "resources", List.of(WEB_PULL, Map.of("type", "TYPE_ORG", "path", "acme", "scopes", List.of("scope-audit-log-read"))),
        "expires_at", T0.plusSeconds(86_400).toString()));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String secret = created.json().get("token").asText();
    assertThat(secret).startsWith("dckr_oat_");
    assertThat(created.json().get("created_by").asText()).isEqualTo("hubsdk");
    assertThat(created.json().get("resources")).hasSize(2);
    String id = created.json().get("id").asText();

    JsonNode got = get("/v2/orgs/acme/access-tokens/" + id, jwt).json();
    assertThat(got.has("token")).as("the secret is in the create answer only").isFalse();
    assertThat(got.get("resources").get(0).get("path").asText()).isEqualTo("acme/web");
    assertThat(got.get("last_used_at").isNull()).as("never used: null, not absent").isTrue();
    assertThat(got.get("expires_at").isNull()).isFalse();

    String oatJwt = login("acme", secret);
    assertThat(get("/v2/user", oatJwt).json().get("username").asText()).isEqualTo("acme");
    assertThat(get("/v2/orgs/acme/access-tokens/" + id, jwt).json().get("last_used_at").asText())
        .isEqualTo(T0.toString());
    assertThat(post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", secret)).status())
        .as("an OAT logs in with the organization's name only").isEqualTo(401);

    JsonNode audit = get("/v2/auditlogs/acme?action=org.access_token.create", jwt).json().get("logs");
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).toString()).doesNotContain(secret);
  }

  @Test
  void listsCountWithTotalNewestFirstWithoutSecretsOrResources() {
    startWithOrgs();
    String jwt = loginDefault();
    for (int i = 0; i < 3; i++) {
      clock.advance(java.time.Duration.ofMinutes(1));
      assertThat(post("/v2/orgs/acme/access-tokens", jwt, Map.of("label", "t" + i)).status()).isEqualTo(201);
    }
    JsonNode first = get("/v2/orgs/acme/access-tokens?page_size=2", jwt).json();
    assertThat(first.get("total").asInt()).isEqualTo(4);
    assertThat(first.has("count")).isFalse();
    assertThat(first.get("results").findValuesAsText("label")).containsExactly("t2", "t1");
    assertThat(first.get("next").asText()).endsWith("/v2/orgs/acme/access-tokens?page=2&page_size=2");
    JsonNode last = get("/v2/orgs/acme/access-tokens?page=2&page_size=2", jwt).json();
    assertThat(last.get("results").findValuesAsText("label")).containsExactly("t0", "old-ci");
    assertThat(last.get("next").isNull()).isTrue();
    assertThat(last.get("results").get(1).has("resources")).isFalse();
    assertThat(last.get("results").get(1).has("token")).isFalse();
    assertThat(last.get("results").get(1).get("last_used_at").asText()).isEqualTo(T0.minus(java.time.Duration.ofDays(95)).toString());
    assertThat(get("/v2/orgs/acme/access-tokens?page=3&page_size=2", jwt).status()).isEqualTo(404);
  }

  @Test
  void updateChangesFieldsAndDeactivationRevokesLogins() {
    startWithOrgs();
    String jwt = loginDefault();
    Resp created = post("/v2/orgs/acme/access-tokens", jwt, Map.of("label", "ci", "resources", List.of(WEB_PULL)));
    String id = created.json().get("id").asText();
    String secret = created.json().get("token").asText();
    String oatJwt = login("acme", secret);
    Resp patched = send("PATCH", "/v2/orgs/acme/access-tokens/" + id, jwt, Map.of("label", "ci-2", "is_active", false,
        "resources", List.of(Map.of("type", "TYPE_REPO", "path", "acme/*", "scopes", List.of("scope-image-push")))));
    assertThat(patched.status()).as("%s", patched).isEqualTo(200);
    assertThat(patched.json().get("label").asText()).isEqualTo("ci-2");
    assertThat(patched.json().get("is_active").asBoolean()).isFalse();
    assertThat(patched.json().get("resources").get(0).get("path").asText()).isEqualTo("acme/*");
    assertThat(get("/v2/user", oatJwt).status()).as("a deactivated OAT's JWTs are revoked").isEqualTo(401);
    assertThat(post("/v2/auth/token", null, Map.of("identifier", "acme", "secret", secret)).status()).isEqualTo(401);
    assertThat(send("PATCH", "/v2/orgs/acme/access-tokens/" + id, jwt, Map.of()).status()).isEqualTo(400);
    assertThat(send("DELETE", "/v2/orgs/acme/access-tokens/" + id, jwt, null).status()).isEqualTo(204);
    assertThat(get("/v2/orgs/acme/access-tokens/" + id, jwt).status()).isEqualTo(404);
    assertThat(get("/v2/auditlogs/acme", jwt).json().get("logs").findValuesAsText("action"))
        .containsExactly("org.access_token.delete", "org.access_token.update", "org.access_token.create");
  }

  @Test
  void resourcesAreValidated() {
    startWithOrgs();
    String jwt = loginDefault();
    Resp foreign = post("/v2/orgs/acme/access-tokens", jwt, Map.of("label", "x", "resources",
        List.of(Map.of("type", "TYPE_REPO", "path", "other/web", "scopes", List.of("scope-image-pull")))));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.json().get("fields").has("resources")).isTrue();
    assertThat(post("/v2/orgs/acme/access-tokens", jwt, Map.of("label", "x", "resources",
        List.of(Map.of("type", "TYPE_REPO", "path", "acme/web", "scopes", List.of("scope-everything"))))).status())
        .isEqualTo(400);
    assertThat(post("/v2/orgs/acme/access-tokens", jwt, Map.of("label", "x", "resources",
        List.of(Map.of("type", "TYPE_TEAM", "path", "acme", "scopes", List.of("x"))))).status()).isEqualTo(400);
    assertThat(post("/v2/orgs/acme/access-tokens", jwt, Map.of("label", "")).status()).isEqualTo(400);
    assertThat(post("/v2/orgs/acme/access-tokens", jwt, Map.of("label", "x", "expires_at", T0.minusSeconds(1).toString()))
        .status()).isEqualTo(400);
  }

  @Test
  void onlyOwnersOnTeamOrBusinessPlansManageTokensAndTheNumberIsCapped() {
    startWithOrgs();
    String owner = loginDefault();
    assertThat(get("/v2/orgs/acme/access-tokens", login("mona", "s3cret")).status()).isEqualTo(403);
    Resp free = get("/v2/orgs/freeorg/access-tokens", owner);
    assertThat(free.status()).isEqualTo(403);
    assertThat(free.json().get("detail").asText()).contains("Team or Business plan");
    assertThat(get("/v2/orgs/nobody/access-tokens", owner).status()).isEqualTo(404);
    String secret = post("/v2/orgs/acme/access-tokens", owner, Map.of("label", "ci")).json().get("token").asText();
    assertThat(get("/v2/orgs/acme/access-tokens", login("acme", secret)).status())
        .as("an OAT cannot manage OATs").isEqualTo(403);
    for (int i = 2; i < 100; i++) {
      assertThat(post("/v2/orgs/acme/access-tokens", owner, Map.of("label", "t" + i)).status()).isEqualTo(201);
    }
    Resp full = post("/v2/orgs/acme/access-tokens", owner, Map.of("label", "one-too-many"));
    assertThat(full.status()).isEqualTo(400);
    assertThat(full.toString()).contains("at most 100");
  }
}
