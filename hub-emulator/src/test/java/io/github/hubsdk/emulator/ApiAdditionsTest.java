package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.openapi.model.AccessTokenPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expectations by operation with a model body, JWTs for seeded tokens, the demo seed, strict JSON. */
class ApiAdditionsTest extends EmulatorTestSupport {

  @Test
  void anExpectationMatchesAnOperationOnAnyOfItsPathsAndServesAModel() {
    start();
    String jwt = hub.accessTokenFor("hubsdk");
    Expectation e = hub.expect().operation("listAccessTokens")
        .andReturn(200, new AccessTokenPage().count(7).activeCount(3).results(List.of())).times(2);
    Resp first = get("/v2/access-tokens?page=3", jwt);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("count").asInt()).isEqualTo(7);
    assertThat(first.json().get("next").isNull()).as("required nulls are written").isTrue();
    assertThat(post("/v2/access-tokens", jwt, tokenRequest("x", "repo:read")).status())
        .as("another operation on the same path").isEqualTo(201);
    assertThat(get("/v2/access-tokens", jwt).json().get("count").asInt()).isEqualTo(7);
    assertThat(e.isActive()).isFalse();
    assertThat(get("/v2/access-tokens", jwt).json().get("count").asInt()).as("the real answer again").isEqualTo(1);
    assertThat(e.toString()).contains("operation listAccessTokens");
    assertThatThrownBy(() -> hub.expect().operation("listEverything")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aJwtForASeededTokenIsAsIfItHadLoggedIn() throws Exception {
    SeededToken[] t = new SeededToken[4];
    start(b -> b.seed(s -> {
      t[0] = s.personalAccessToken("hubsdk", "ci", "repo:read");
      t[1] = s.personalAccessToken("hubsdk", "off").inactive().create();
      s.org("acme", Plan.TEAM).owners("hubsdk");
      s.repository("acme", "web").images(2);
      t[2] = s.organizationAccessToken("acme", "deploy");
      t[3] = s.personalAccessToken("hubsdk", "admin", "repo:admin");
    }));
    clock.advance(Duration.ofMinutes(1));
    String pat = hub.accessTokenFor(t[0]);
    assertThat(claims(pat).get("auth_method").asText()).isEqualTo("pat");
    assertThat(claims(pat).get("pat_uuid").asText()).isEqualTo(t[0].uuid().toString());
    Resp refused = get("/v2/access-tokens", pat);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).isEqualTo("token issued from personal access token is not allowed");
    assertThat(get("/v2/namespaces/hubsdk/repositories/example/images-summary", pat).status()).isEqualTo(200);
    assertThat(get("/v2/access-tokens/" + t[0].uuid(), hub.accessTokenFor("hubsdk")).json().get("last_used").asText())
        .as("like a login, it marks the token used").isEqualTo(T0.plus(Duration.ofMinutes(1)).toString());
    Map<String, Object> deletion = Map.of("manifests", List.of(Map.of("repository", "example",
        "digest", "sha256:" + "0".repeat(64))));
    Resp weak = post("/v2/namespaces/hubsdk/delete-images", pat, deletion);
    assertThat(weak.status()).as("the declared repo:admin scope").isEqualTo(403);
    assertThat(weak.json().get("message").asText()).contains("repo:admin");
    assertThat(post("/v2/namespaces/hubsdk/delete-images", hub.accessTokenFor(t[3]), deletion).status())
        .as("an admin PAT passes the scope check and meets a per-manifest error").isEqualTo(400);

    String oat = hub.accessTokenFor(t[2]);
    assertThat(claims(oat).get("auth_method").asText()).isEqualTo("oat");
    assertThat(get("/v2/namespaces/acme/repositories/web/images", oat).json().get("count").asInt()).isEqualTo(2);
    assertThat(get("/v2/orgs/acme/settings", oat).status()).as("an OAT is never an owner").isEqualTo(403);

    assertThatThrownBy(() -> hub.accessTokenFor(t[1])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inactive");
    send("DELETE", "/v2/access-tokens/" + t[0].uuid(), hub.accessTokenFor("hubsdk"), null);
    assertThatThrownBy(() -> hub.accessTokenFor(t[0])).isInstanceOf(IllegalArgumentException.class);
    assertThat(get("/v2/namespaces/hubsdk/repositories/example/images-summary", pat).status())
        .as("deleting the token revokes the JWT").isEqualTo(401);
  }

  @Test
  void theDemoSeedIsPublicAndMainKeepsItsNames() {
    start(b -> b.seed(DemoSeed::apply));
    assertThat(Main.DEMO_USERNAME).isEqualTo(DemoSeed.USERNAME);
    assertThat(Main.DEMO_ORG).isEqualTo(DemoSeed.ORG);
    assertThat(Main.DEMO_IMAGES).isEqualTo(DemoSeed.IMAGES);
    String jwt = login(DemoSeed.USERNAME, DemoSeed.PASSWORD);
    assertThat(get("/v2/namespaces/" + DemoSeed.ORG + "/repositories/" + DemoSeed.REPOSITORY + "/images-summary", jwt)
        .json().at("/statistics/total").asInt()).isEqualTo(DemoSeed.IMAGES);
    assertThat(get("/v2/access-tokens", jwt).json().get("count").asInt()).isEqualTo(2);
  }

  @Test
  void aBodyWithTrailingDataIs400InTheOperationsShape() {
    start();
    Resp login = post("/v2/auth/token", null, "{\"identifier\":\"hubsdk\",\"secret\":\"hubsdk-password\"}garbage");
    assertThat(login.status()).isEqualTo(400);
    assertThat(login.json().at("/fields/non_field_errors/0").asText()).contains("JSON");
    Resp deletion = post("/v2/namespaces/hubsdk/delete-images", hub.accessTokenFor("hubsdk"),
        "{\"manifests\":[]}{}");
    assertThat(deletion.status()).isEqualTo(400);
    assertThat(deletion.json().at("/errinfo/type").asText()).isEqualTo("validation");
    assertThat(deletion.json().at("/errinfo/api_call_name").asText()).isEqualTo("DeleteImages");
  }
}
