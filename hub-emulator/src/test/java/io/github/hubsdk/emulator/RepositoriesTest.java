package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The repository operations over HTTP: visibility, paging rules, create/update/privacy/delete, audit. */
class RepositoriesTest extends EmulatorTestSupport {

  void startWithRepos() {
    start(b -> b.seed(s -> {
      s.user("mona", "s3cret");
      s.org("acme", Plan.BUSINESS).owners("hubsdk").members("mona");
      s.repository("acme", "web").description("Front end").pullCount(48_211).starCount(12).categories("Web servers")
          .tags(3);
      s.repository("acme", "billing").isPrivate(true).pullCount(977).tag("1.0", t -> t.pushedDaysAgo(2));
      s.repository("acme", "api").pullCount(5).tag("latest", t -> t.pushedDaysAgo(40));
    }));
  }

  @Test
  void aListShowsWhatTheCallerMaySeeFilteredAndOrdered() {
    startWithRepos();
    JsonNode owner = get("/v2/namespaces/acme/repositories", loginDefault()).json();
    assertThat(owner.get("count").asInt()).isEqualTo(3);
    assertThat(names(owner)).containsExactly("api", "billing", "web");
    JsonNode web = owner.get("results").get(2);
    assertThat(web.get("description").asText()).isEqualTo("Front end");
    assertThat(web.get("pull_count").asLong()).isEqualTo(48_211);
    assertThat(web.get("categories").get(0).get("slug").asText()).isEqualTo("web-servers");
    assertThat(web.get("last_updated").asText()).isNotEmpty();
    JsonNode anonymous = get("/v2/namespaces/acme/repositories", null).json();
    assertThat(names(anonymous)).containsExactly("api", "web");
    assertThat(names(get("/v2/namespaces/acme/repositories?ordering=-pull_count", loginDefault()).json()))
        .containsExactly("web", "billing", "api");
    assertThat(names(get("/v2/namespaces/acme/repositories?ordering=-last_updated", loginDefault()).json()))
        .containsExactly("web", "billing", "api");
    assertThat(names(get("/v2/namespaces/acme/repositories?name=b", loginDefault()).json()))
        .containsExactly("billing", "web");
    assertThat(get("/v2/repositories/acme/", null).json().get("count").asInt()).as("legacy path").isEqualTo(2);
    assertThat(get("/v2/namespaces/acme/repositories?ordering=size", null).status()).isEqualTo(400);
    assertThat(get("/v2/namespaces/nobody/repositories", null).status()).isEqualTo(404);
  }

  /** The repository names of a page (a category has a name too). */
  static java.util.List<String> names(JsonNode page) {
    java.util.List<String> out = new java.util.ArrayList<>();
    page.get("results").forEach(r -> out.add(r.get("name").asText()));
    return out;
  }

  @Test
  void pagingFollowsTheLiveRules() {
    start(b -> b.seed(s -> {
      for (int i = 0; i < 25; i++) {
        s.repository("hubsdk", "repo-" + (char) ('a' + i));
      }
    }));
    String jwt = loginDefault();
    JsonNode first = get("/v2/namespaces/hubsdk/repositories?page_size=500", jwt).json();
    assertThat(first.get("results")).as("page_size capped at 100").hasSize(26);
    JsonNode third = get("/v2/namespaces/hubsdk/repositories?page=3&page_size=10", jwt).json();
    assertThat(third.get("results")).hasSize(6);
    assertThat(third.get("next").isNull()).isTrue();
    Resp past = get("/v2/namespaces/hubsdk/repositories?page=4&page_size=10", jwt);
    assertThat(past.status()).isEqualTo(404);
    assertThat(past.json().get("detail").asText()).isEqualTo("Invalid page.");
    Resp anonymousFar = get("/v2/namespaces/hubsdk/repositories?page=11&page_size=100", null);
    assertThat(anonymousFar.status()).isEqualTo(403);
    assertThat(anonymousFar.json().get("message").asText()).contains("pagination offset too large");
    assertThat(get("/v2/namespaces/hubsdk/repositories?page=10&page_size=100", null).status())
        .as("offset 900 is allowed, and past the end").isEqualTo(404);
    assertThat(get("/v2/namespaces/hubsdk/repositories?page=11&page_size=100", jwt).status()).isEqualTo(404);
  }

  @Test
  void privateRepositoriesAreHiddenFromThoseWhoCannotReadThem() {
    startWithRepos();
    assertThat(get("/v2/namespaces/acme/repositories/billing", null).status()).isEqualTo(404);
    assertThat(send("HEAD", "/v2/namespaces/acme/repositories/billing", null, null).status()).isEqualTo(404);
    assertThat(send("HEAD", "/v2/namespaces/acme/repositories/web", null, null).status()).isEqualTo(200);
    JsonNode member = get("/v2/namespaces/acme/repositories/billing", login("mona", "s3cret")).json();
    assertThat(member.get("is_private").asBoolean()).isTrue();
    assertThat(member.get("permissions").get("write").asBoolean()).as("a member reads, only owners write").isFalse();
    JsonNode owner = get("/v2/repositories/acme/billing/", loginDefault()).json();
    assertThat(owner.get("permissions").get("admin").asBoolean()).isTrue();
    assertThat(owner.get("immutable_tags_settings").get("enabled").asBoolean()).isFalse();
    SeededToken[] pat = new SeededToken[1];
    hub.seed(s -> pat[0] = s.personalAccessToken("hubsdk", "public-only", "repo:public_read"));
    assertThat(get("/v2/namespaces/acme/repositories/billing", login("hubsdk", pat[0].secret())).status())
        .as("repo:public_read sees public repositories only").isEqualTo(404);
  }

  @Test
  void createChecksTheNameAndWritesTheAuditEvent() {
    startWithRepos();
    String jwt = loginDefault();
    Resp created = post("/v2/namespaces/acme/repositories", jwt,
        Map.of("name", "new-repo", "description", "d", "is_private", true));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("is_private").asBoolean()).isTrue();
    assertThat(created.json().get("user").asText()).isEqualTo("hubsdk");
    assertThat(post("/v2/namespaces/acme/repositories", jwt, Map.of("name", "new-repo")).status())
        .as("a taken name is a 400, as the live Hub answers").isEqualTo(400);
    Resp bad = post("/v2/namespaces/acme/repositories", jwt, Map.of("name", "Bad_Name"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("fields").has("name")).isTrue();
    assertThat(post("/v2/namespaces/acme/repositories", jwt, Map.of("name", "x", "description", "d".repeat(101)))
        .json().get("fields").has("description")).isTrue();
    assertThat(post("/v2/namespaces/acme/repositories", login("mona", "s3cret"), Map.of("name", "mine")).status())
        .as("a member is no owner").isEqualTo(403);
    Resp legacy = post("/v2/repositories/", jwt, Map.of("namespace", "acme", "name", "legacy", "registry", "docker"));
    assertThat(legacy.status()).isEqualTo(201);
    assertThat(get("/v2/namespaces/acme/repositories/legacy", jwt).status()).isEqualTo(200);
    JsonNode logs = get("/v2/auditlogs/acme?action=repo.create", jwt).json().get("logs");
    assertThat(logs.findValuesAsText("name")).containsExactly("acme/legacy", "acme/new-repo");
  }

  @Test
  void aNamespaceHoldsABoundedNumberOfRepositories() {
    start(b -> b.seed(s -> {
      for (int i = 1; i < 10_000; i++) { // and the default seed's hubsdk/example
        s.repository("hubsdk", "r-" + i);
      }
    }));
    assertThatThrownBy(() -> hub.seed(s -> s.repository("hubsdk", "one-more"))).isInstanceOf(RuntimeException.class);
    Resp full = post("/v2/namespaces/hubsdk/repositories", loginDefault(), Map.of("name", "one-more"));
    assertThat(full.status()).isEqualTo(400);
    assertThat(full.toString()).contains("10000");
  }

  @Test
  void updatePrivacyAndDelete() {
    startWithRepos();
    String jwt = loginDefault();
    Resp updated = send("PATCH", "/v2/repositories/acme/web/", jwt, Map.of("full_description", "# web"));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("full_description").asText()).isEqualTo("# web");
    assertThat(updated.json().get("description").asText()).as("absent fields stay").isEqualTo("Front end");
    assertThat(send("PATCH", "/v2/repositories/acme/web", jwt, Map.of()).status()).isEqualTo(400);
    assertThat(send("PATCH", "/v2/repositories/acme/web", jwt, Map.of("full_description", "x".repeat(25_001)))
        .status()).isEqualTo(400);
    assertThat(send("PATCH", "/v2/repositories/acme/web", login("mona", "s3cret"), Map.of("description", "x"))
        .status()).isEqualTo(403);
    assertThat(post("/v2/repositories/acme/web/privacy", jwt, Map.of("is_private", true)).status()).isEqualTo(200);
    assertThat(get("/v2/namespaces/acme/repositories/web", null).status()).isEqualTo(404);
    assertThat(send("DELETE", "/v2/repositories/acme/web/", jwt, null).status()).isEqualTo(202);
    assertThat(get("/v2/namespaces/acme/repositories/web", jwt).status()).isEqualTo(404);
    assertThat(send("DELETE", "/v2/repositories/acme/web/", jwt, null).status()).isEqualTo(404);
    JsonNode logs = get("/v2/auditlogs/acme", jwt).json().get("logs");
    assertThat(logs.findValuesAsText("action")).containsExactly("repo.delete", "repo.change_privacy");
    assertThat(logs.get(1).get("data").get("privacy").asText()).isEqualTo("private");
  }

  @Test
  void organizationAccessTokensReadOnNamespacePathsButNotOnLegacyOnes() {
    SeededToken[] oat = new SeededToken[1];
    start(b -> b.seed(s -> {
      s.org("acme", Plan.BUSINESS).owners("hubsdk");
      s.repository("acme", "web").isPrivate(true).tags(2);
      oat[0] = s.organizationAccessToken("acme", "ci");
    }));
    String jwt = login("acme", oat[0].secret());
    assertThat(get("/v2/namespaces/acme/repositories/web", jwt).status()).isEqualTo(200);
    assertThat(get("/v2/namespaces/acme/repositories/web/tags", jwt).json().get("count").asInt()).isEqualTo(2);
    assertThat(get("/v2/repositories/acme/web", jwt).status()).isEqualTo(403);
    assertThat(send("DELETE", "/v2/repositories/acme/web", jwt, null).status()).isEqualTo(403);
  }

  @Test
  void theSeedRefusesWhatTheApiWould() {
    start();
    assertThatThrownBy(() -> hub.seed(s -> s.repository("hubsdk", "Upper"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hub.seed(s -> s.repository("hubsdk", "ok").description("d".repeat(101))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hub.seed(s -> s.repository("hubsdk", "ok").tag("-bad")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hub.seed(s -> s.repository("hubsdk", "ok").tag("x", t -> t.sameImageAs("none"))))
        .isInstanceOf(IllegalArgumentException.class);
    get("/v2/namespaces/hubsdk/repositories", null);
  }
}
