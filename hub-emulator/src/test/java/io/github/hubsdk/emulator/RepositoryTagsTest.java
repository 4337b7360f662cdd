package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tags over HTTP: seeding, paging, fields, delete (kept manifest, PAT refusal, immutable rules), audit. */
class RepositoryTagsTest extends EmulatorTestSupport {

  void startWithTags() {
    start(b -> b.seed(s -> s.org("acme", Plan.BUSINESS).owners("hubsdk"))
        .seed(s -> s.repository("acme", "web").tags(500)
            .tag("v1.0.0", t -> t.pushedDaysAgo(400).pulledDaysAgo(3).pushedBy("hubsdk"))
            .tag("latest", t -> t.sameImageAs("v1.0.0").pushedDaysAgo(1))
            .tag("multi", t -> t.pushedDaysAgo(10).platforms("linux/amd64", "linux/arm64/v8"))));
  }

  @Test
  void seededTagsAreSpreadOverAYearAndPagedNewestFirst() {
    startWithTags();
    String jwt = loginDefault();
    JsonNode first = get("/v2/namespaces/acme/repositories/web/tags?page_size=1000", jwt).json();
    assertThat(first.get("count").asInt()).isEqualTo(503);
    assertThat(first.get("results")).as("page_size capped at 100").hasSize(100);
    List<Instant> pushes = new ArrayList<>();
    for (int page = 1; page <= 6; page++) {
      JsonNode p = get("/v2/namespaces/acme/repositories/web/tags?page_size=100&page=" + page, jwt).json();
      p.get("results").forEach(t -> pushes.add(Instant.parse(t.get("tag_last_pushed").asText())));
      assertThat(p.get("next").isNull()).isEqualTo(page == 6);
    }
    assertThat(pushes).hasSize(503).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(Duration.between(pushes.get(pushes.size() - 1), T0).toDays()).isEqualTo(400);
    assertThat(Duration.between(pushes.get(pushes.size() - 2), T0).toDays()).as("tags(500) spans a year")
        .isBetween(363L, 365L);
    assertThat(get("/v2/namespaces/acme/repositories/web/tags?page=7&page_size=100", jwt).status()).isEqualTo(404);
    assertThat(get("/v2/repositories/acme/web/tags/?page_size=2", jwt).json().get("results")).hasSize(2);
  }

  @Test
  void aTagCarriesTheLiveFields() {
    startWithTags();
    String jwt = loginDefault();
    JsonNode v1 = get("/v2/namespaces/acme/repositories/web/tags/v1.0.0", jwt).json();
    assertThat(v1.get("tag_status").asText()).as("pulled 3 days ago").isEqualTo("active");
    assertThat(v1.get("media_type").asText()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
    assertThat(v1.get("content_type").asText()).isEqualTo("image");
    assertThat(v1.get("images")).hasSize(1);
    assertThat(v1.get("images").get(0).get("variant").isNull()).as("null, not absent").isTrue();
    assertThat(v1.get("images").get(0).get("digest").asText()).isEqualTo(v1.get("digest").asText());
    JsonNode latest = get("/v2/repositories/acme/web/tags/latest/", jwt).json();
    assertThat(latest.get("digest").asText()).isEqualTo(v1.get("digest").asText());
    JsonNode multi = get("/v2/namespaces/acme/repositories/web/tags/multi", jwt).json();
    assertThat(multi.get("media_type").asText()).isEqualTo("application/vnd.oci.image.index.v1+json");
    assertThat(multi.get("images").findValuesAsText("architecture")).containsExactly("amd64", "arm64");
    assertThat(multi.get("images").get(1).get("variant").asText()).isEqualTo("v8");
    JsonNode old = get("/v2/namespaces/acme/repositories/web/tags?page=6&page_size=100", jwt).json().get("results");
    assertThat(old.get(old.size() - 2).get("tag_status").asText()).isEqualTo("inactive");
    assertThat(send("HEAD", "/v2/namespaces/acme/repositories/web/tags/multi", jwt, null).status()).isEqualTo(200);
    assertThat(send("HEAD", "/v2/namespaces/acme/repositories/web/tags/nope", jwt, null).status()).isEqualTo(404);
    assertThat(send("HEAD", "/v2/namespaces/acme/repositories/web/tags", jwt, null).status()).isEqualTo(200);
    assertThat(get("/v2/namespaces/acme/repositories/web/tags/nope", jwt).status()).isEqualTo(404);
    assertThat(get("/v2/namespaces/acme/repositories/web/tags", null).status()).as("tags need a login").isEqualTo(401);
  }

  @Test
  void deletingATagKeepsItsManifestAndIsAudited() {
    start(b -> b.seed(s -> s.repository("hubsdk", "app").images(3).tag("edge")));
    String jwt = loginDefault();
    assertThat(get("/v2/namespaces/hubsdk/repositories/app/tags", jwt).json().get("results").findValuesAsText("name"))
        .as("the images' current tags are the repository's tags").containsExactlyInAnyOrder("edge", "latest", "1.0");
    String digest = get("/v2/namespaces/hubsdk/repositories/app/tags/1.0", jwt).json().get("digest").asText();
    assertThat(send("DELETE", "/v2/repositories/hubsdk/app/tags/1.0/", jwt, null).status()).isEqualTo(204);
    assertThat(get("/v2/namespaces/hubsdk/repositories/app/tags/1.0", jwt).status()).isEqualTo(404);
    JsonNode image = get("/v2/namespaces/hubsdk/repositories/app/images/" + digest + "/tags", jwt).json();
    assertThat(image.get("results").findValuesAsText("tag")).containsExactly("latest", "1.0");
    assertThat(image.get("results").get(1).get("is_current").asBoolean()).as("the manifest stays").isFalse();
    assertThat(send("DELETE", "/v2/repositories/hubsdk/app/tags/1.0/", jwt, null).status()).isEqualTo(404);
    JsonNode log = get("/v2/auditlogs/hubsdk?action=repo.tag.delete", jwt).json().get("logs").get(0);
    assertThat(log.get("data").get("tag").asText()).isEqualTo("1.0");
    assertThat(log.get("data").get("digest").asText()).isEqualTo(digest);
  }

  @Test
  void aJwtFromAPersonalAccessTokenCannotDeleteTags() {
    SeededToken[] pat = new SeededToken[1];
    start(b -> b.seed(s -> {
      s.repository("hubsdk", "app").tag("v1");
      pat[0] = s.personalAccessToken("hubsdk", "admin", "repo:admin");
    }));
    Resp refused = send("DELETE", "/v2/repositories/hubsdk/app/tags/v1/", login("hubsdk", pat[0].secret()), null);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("detail").asText()).contains("personal access token");
  }

  @Test
  void immutableRulesProtectTagsFromDeletion() {
    start(b -> b.seed(s -> s.repository("hubsdk", "app").tag("v1.2.3").tag("v1.2.4").tag("dev")));
    String jwt = loginDefault();
    Resp preview = post("/v2/namespaces/hubsdk/repositories/app/immutabletags/verify", jwt, Map.of("regex", "v1\\..*"));
    assertThat(preview.json().get("tags")).extracting(JsonNode::asText).containsExactlyInAnyOrder("v1.2.3", "v1.2.4");
    assertThat(post("/v2/namespaces/hubsdk/repositories/app/immutabletags/verify", jwt, Map.of("regex", "(")).status())
        .isEqualTo(400);
    Resp set = send("PATCH", "/v2/namespaces/hubsdk/repositories/app/immutabletags", jwt,
        Map.of("immutable_tags", true, "immutable_tags_rules", List.of("v[0-9]+\\..*")));
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().get("immutable_tags_settings").get("rules").get(0).asText()).isEqualTo("v[0-9]+\\..*");
    Resp refused = send("DELETE", "/v2/repositories/hubsdk/app/tags/v1.2.3", jwt, null);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("detail").asText()).contains("immutable");
    assertThat(send("DELETE", "/v2/repositories/hubsdk/app/tags/dev", jwt, null).status()).isEqualTo(204);
    assertThat(send("PATCH", "/v2/namespaces/hubsdk/repositories/app/immutabletags", jwt,
        Map.of("immutable_tags", true, "immutable_tags_rules", List.of("["))).status()).isEqualTo(400);
    assertThat(send("PATCH", "/v2/namespaces/hubsdk/repositories/app/immutabletags", jwt,
        Map.of("immutable_tags", true)).status()).isEqualTo(400);
    send("PATCH", "/v2/namespaces/hubsdk/repositories/app/immutabletags", jwt,
        Map.of("immutable_tags", false, "immutable_tags_rules", List.of("v[0-9]+\\..*")));
    assertThat(send("DELETE", "/v2/repositories/hubsdk/app/tags/v1.2.3", jwt, null).status())
        .as("rules bind only while immutable tags are on").isEqualTo(204);
  }

  @Test
  void deletingAnImageDropsItsTags() {
    start(b -> b.seed(s -> s.repository("hubsdk", "app").tag("v1")));
    String jwt = loginDefault();
    String digest = get("/v2/namespaces/hubsdk/repositories/app/tags/v1", jwt).json().get("digest").asText();
    Resp deleted = post("/v2/namespaces/hubsdk/delete-images", jwt, Map.of("manifests",
        List.of(Map.of("repository", "app", "digest", digest)), "ignore_warnings",
        List.of(Map.of("repository", "app", "digest", digest, "warning", "current_tag"),
            Map.of("repository", "app", "digest", digest, "warning", "is_active"))));
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    assertThat(get("/v2/namespaces/hubsdk/repositories/app/tags/v1", jwt).status()).isEqualTo(404);
  }

  @Test
  void seededPushesCanBeAuditedAndARepositoryPredatesItsPushes() {
    start(b -> b.seed(s -> s.repository("hubsdk", "app").auditPushes().tag("v1", t -> t.pushedDaysAgo(100)).tag("v2")));
    String jwt = loginDefault();
    JsonNode logs = get("/v2/auditlogs/hubsdk?action=repo.tag.push", jwt).json().get("logs");
    assertThat(logs).hasSize(2);
    assertThat(logs.get(0).get("data").get("tag").asText()).isEqualTo("v2");
    assertThat(Instant.parse(logs.get(1).get("timestamp").asText())).isEqualTo(T0.minus(Duration.ofDays(100)));
    JsonNode repo = get("/v2/namespaces/hubsdk/repositories/app", jwt).json();
    assertThat(Instant.parse(repo.get("date_registered").asText())).isEqualTo(T0.minus(Duration.ofDays(100)));
    assertThat(Instant.parse(repo.get("last_updated").asText())).isEqualTo(T0);
  }
}
