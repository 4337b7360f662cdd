package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImagesTest extends EmulatorTestSupport {

  static final String EXAMPLE = "/v2/namespaces/hubsdk/repositories/example";
  static final String D1 = digest('1');
  static final String D2 = digest('2');
  static final String D3 = digest('3');
  static final String D4 = digest('4');
  static final String MISSING = digest('9');

  static String digest(char c) {
    return "sha256:" + String.valueOf(c).repeat(64);
  }

  /** acme (Team): owner hubsdk, member mona; acme/web with four hand-made images. cheap (Free) with a repo. */
  void startWithAcme() {
    start(b -> b.seed(s -> {
      s.user("mona", "s3cret");
      s.user("cheap", "s3cret").plan(Plan.FREE);
      s.repository("cheap", "app").images(2);
      s.org("acme", Plan.TEAM).owners("hubsdk").members("mona");
      s.repository("acme", "web")
          .image(D1, s.now().minus(Duration.ofDays(90)), null)
          .image(D2, s.now().minus(Duration.ofDays(90)), null, "1.0", "stable")
          .image(D3, s.now().minus(Duration.ofDays(1)), s.now().minus(Duration.ofHours(1)))
          .childManifest(D4, s.now().minus(Duration.ofDays(90)));
    }));
  }

  @Test
  void listsImagesWithStatusTagsAndPaging() {
    start();
    String jwt = loginDefault();
    Resp page = get(EXAMPLE + "/images", jwt);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().get("count").asInt()).isEqualTo(25);
    assertThat(page.json().get("results")).hasSize(10);
    assertThat(page.json().get("next").asText()).isEqualTo(hub.baseUrl() + EXAMPLE + "/images?page=2");
    JsonNode newest = page.json().at("/results/0");
    assertThat(newest.get("namespace").asText()).isEqualTo("hubsdk");
    assertThat(newest.get("repository").asText()).isEqualTo("example");
    assertThat(newest.get("status").asText()).isEqualTo("active");
    assertThat(newest.get("tags").findValuesAsText("tag")).containsExactly("latest", "1.0");
    assertThat(newest.get("last_pushed").asText()).isEqualTo(T0.toString());

    Resp last = get(EXAMPLE + "/images?page=3", jwt);
    assertThat(last.json().get("results")).hasSize(5);
    assertThat(last.json().get("next").isNull()).isTrue();
    Resp past = get(EXAMPLE + "/images?page=4", jwt);
    assertThat(past.status()).isEqualTo(404);
    assertThat(past.json().has("txnid")).isTrue();
    assertThat(get(EXAMPLE + "/images?page_size=1000", jwt).json().get("results")).hasSize(25);
  }

  @Test
  void filtersByStatusCurrentTagsAndActiveFrom() {
    start();
    String jwt = loginDefault();
    assertThat(get(EXAMPLE + "/images?status=active", jwt).json().get("count").asInt()).isEqualTo(19);
    Resp inactive = get(EXAMPLE + "/images?status=inactive&page_size=100", jwt);
    assertThat(inactive.json().get("count").asInt()).isEqualTo(6);
    inactive.json().get("results").forEach(i -> assertThat(i.get("status").asText()).isEqualTo("inactive"));
    assertThat(get(EXAMPLE + "/images?currently_tagged=true", jwt).json().get("count").asInt()).isEqualTo(13);
    Resp untagged = get(EXAMPLE + "/images?currently_tagged=false&page_size=100", jwt);
    assertThat(untagged.json().get("count").asInt()).isEqualTo(12);
    untagged.json().get("results").forEach(i ->
        assertThat(i.get("tags").findValuesAsText("is_current")).doesNotContain("true"));
    assertThat(get(EXAMPLE + "/images?status=active&active_from=" + T0.minus(Duration.ofDays(1)), jwt)
        .json().get("count").asInt()).as("pushed or pulled in the last day").isEqualTo(9);
    assertThat(get(EXAMPLE + "/images?status=inactive&currently_tagged=true", jwt).json().get("count").asInt())
        .isEqualTo(4);
  }

  @Test
  void ordersByDigestOrLastActivity() {
    start();
    String jwt = loginDefault();
    List<String> asc = digests(get(EXAMPLE + "/images?ordering=digest&page_size=100", jwt));
    assertThat(asc).isSorted().hasSize(25);
    List<String> desc = digests(get(EXAMPLE + "/images?ordering=-digest&page_size=100", jwt));
    assertThat(desc).containsExactlyElementsOf(reversed(asc));
    JsonNode oldestFirst = get(EXAMPLE + "/images?ordering=last_activity&page_size=100", jwt).json().get("results");
    JsonNode newestFirst = get(EXAMPLE + "/images?ordering=-last_activity&page_size=100", jwt).json().get("results");
    assertThat(oldestFirst.get(24).get("digest")).isEqualTo(newestFirst.get(0).get("digest"));
    assertThat(newestFirst.get(0).get("tags").findValuesAsText("tag")).contains("latest");
  }

  @Test
  void aListingSortedOnceStillSeesImagesAddedAndDeletedAfterIt() {
    start();
    String jwt = loginDefault();
    List<String> before = digests(get(EXAMPLE + "/images?ordering=digest&page_size=100", jwt));
    assertThat(before).hasSize(25);
    hub.seed(s -> s.repository("hubsdk", "example").images(5));
    List<String> grown = digests(get(EXAMPLE + "/images?ordering=digest&page_size=100", jwt));
    assertThat(grown).as("the sorted listing kept from before the seed is not served").hasSize(30).isSorted()
        .containsAll(before);
    String gone = grown.get(0);
    Resp deleted = post("/v2/namespaces/hubsdk/delete-images", jwt, Map.of("dry_run", false,
        "manifests", List.of(Map.of("repository", "example", "digest", gone)), "ignore_warnings", warnings(jwt, gone)));
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().at("/metrics/manifest_deletes").asInt()).isEqualTo(1);
    assertThat(digests(get(EXAMPLE + "/images?ordering=digest&page_size=100", jwt))).hasSize(29).doesNotContain(gone);
    assertThat(digests(get(EXAMPLE + "/images?ordering=-digest&page_size=100", jwt))).hasSize(29).doesNotContain(gone);
  }

  /** The ignore_warnings that let {@code digest} of hubsdk/example be deleted: its activity and current tags. */
  private List<Map<String, Object>> warnings(String jwt, String digest) {
    List<Map<String, Object>> out = new ArrayList<>();
    get(EXAMPLE + "/images?page_size=100", jwt).json().get("results").forEach(i -> {
      if (!i.get("digest").asText().equals(digest)) {
        return;
      }
      if (i.get("status").asText().equals("active")) {
        out.add(Map.of("repository", "example", "digest", digest, "warning", "is_active"));
      }
      List<String> current = new ArrayList<>();
      i.get("tags").forEach(t -> {
        if (t.get("is_current").asBoolean()) {
          current.add(t.get("tag").asText());
        }
      });
      if (!current.isEmpty()) {
        out.add(Map.of("repository", "example", "digest", digest, "warning", "current_tag", "tags", current));
      }
    });
    return out;
  }

  private static List<String> reversed(List<String> list) {
    List<String> out = new ArrayList<>(list);
    java.util.Collections.reverse(out);
    return out;
  }

  private static List<String> digests(Resp page) {
    List<String> out = new ArrayList<>();
    page.json().get("results").forEach(i -> out.add(i.get("digest").asText()));
    return out;
  }

  @Test
  void invalidParametersAnswer400WithATxnError() {
    start();
    String jwt = loginDefault();
    for (String query : List.of("ordering=newest", "status=gone", "currently_tagged=maybe", "active_from=yesterday",
        "page=0", "page_size=-1")) {
      Resp r = get(EXAMPLE + "/images?" + query, jwt);
      assertThat(r.status()).as(query).isEqualTo(400);
      assertThat(r.json().get("message").asText()).startsWith("invalid query parameter");
      assertThat(r.json().at("/errinfo/type").asText()).isEqualTo("validation");
    }
    assertThat(get(EXAMPLE + "/images-summary?active_from=soon", jwt).status()).isEqualTo(400);
    assertThat(get(EXAMPLE + "/images/sha256:XYZ/tags", jwt).status()).isEqualTo(400);
    assertThat(get(EXAMPLE + "/images/" + D1 + "/tags?page=x", jwt).status()).isEqualTo(400);
  }

  @Test
  void accessPlanAndExistenceAreChecked() {
    startWithAcme();
    String hubsdk = loginDefault();
    String mona = login("mona", "s3cret");
    String cheap = login("cheap", "s3cret");
    assertThat(get("/v2/namespaces/acme/repositories/web/images", mona).json().get("count").asInt()).isEqualTo(4);
    Resp noAuth = get("/v2/namespaces/acme/repositories/web/images", null);
    assertThat(noAuth.status()).isEqualTo(401);
    Resp foreign = get("/v2/namespaces/acme/repositories/web/images", cheap);
    assertThat(foreign.status()).isEqualTo(401);
    assertThat(foreign.json().get("message").asText()).isEqualTo("user does not have read access to the namespace");
    Resp free = get("/v2/namespaces/cheap/repositories/app/images", cheap);
    assertThat(free.status()).isEqualTo(403);
    assertThat(free.json().get("message").asText()).isEqualTo("this API is only available to users on Pro or Team plans");
    assertThat(get("/v2/namespaces/cheap/repositories/app/images-summary", cheap).status()).isEqualTo(403);
    assertThat(get("/v2/namespaces/acme/repositories/nope/images", hubsdk).status()).isEqualTo(404);
    assertThat(get("/v2/namespaces/acme/repositories/nope/images-summary", hubsdk).status()).isEqualTo(404);
    assertThat(get("/v2/namespaces/acme/repositories/web/images/" + MISSING + "/tags", hubsdk).status()).isEqualTo(404);
    assertThat(get("/v2/namespaces/nobody/repositories/web/images", hubsdk).status()).isEqualTo(401);
    String cheapDigest = get("/v2/namespaces/hubsdk/repositories/example/images?page_size=1", hubsdk).json()
        .at("/results/0/digest").asText();
    assertThat(get("/v2/namespaces/cheap/repositories/app/images/" + cheapDigest + "/tags", cheap).status())
        .isEqualTo(403);
    assertThat(get("/v2/namespaces/acme/repositories/web/images/" + D2 + "/tags", null).status()).isEqualTo(401);
    assertThat(get("/v2/namespaces/acme/repositories/web/images/" + D2 + "/tags", cheap).status()).isEqualTo(401);
    assertThat(get("/v2/namespaces/acme/repositories/web/images-summary", null).status()).isEqualTo(401);
  }

  @Test
  void listsTheTagsOfAnImage() {
    startWithAcme();
    String jwt = loginDefault();
    Resp tags = get("/v2/namespaces/acme/repositories/web/images/" + D2 + "/tags", jwt);
    assertThat(tags.status()).isEqualTo(200);
    assertThat(tags.json().get("count").asInt()).isEqualTo(2);
    assertThat(tags.json().get("results").findValuesAsText("tag")).containsExactly("1.0", "stable");
    assertThat(get("/v2/namespaces/acme/repositories/web/images/" + D2.replace(":", "%3A") + "/tags", jwt).json())
        .as("an encoded colon, as the generated client sends it").isEqualTo(tags.json());
    Resp paged = get("/v2/namespaces/acme/repositories/web/images/" + D2 + "/tags?page_size=1", jwt);
    assertThat(paged.json().get("next").asText()).endsWith("/images/" + D2 + "/tags?page=2&page_size=1");
    assertThat(get("/v2/namespaces/acme/repositories/web/images/" + D2 + "/tags?page=3&page_size=1", jwt).status())
        .isEqualTo(404);
    assertThat(get("/v2/namespaces/acme/repositories/web/images/" + D1 + "/tags", jwt).json().get("count").asInt())
        .isZero();
  }

  @Test
  void summarisesActiveAndInactiveImages() {
    start();
    String jwt = loginDefault();
    Resp summary = get(EXAMPLE + "/images-summary", jwt);
    assertThat(summary.status()).isEqualTo(200);
    assertThat(summary.json().get("active_from").asText()).isEqualTo("2026-10-26T10:00:00Z");
    assertThat(summary.json().get("statistics").get("total").asInt()).isEqualTo(25);
    assertThat(summary.json().get("statistics").get("active").asInt()).isEqualTo(19);
    assertThat(summary.json().get("statistics").get("inactive").asInt()).isEqualTo(6);
    clock.advance(Duration.ofDays(365));
    assertThat(get(EXAMPLE + "/images-summary", jwt).json().at("/statistics/active").asInt()).isZero();
  }

  private Map<String, Object> deletion(boolean dryRun, List<String> digests, List<Map<String, Object>> ignore) {
    List<Map<String, String>> manifests = new ArrayList<>();
    digests.forEach(d -> manifests.add(Map.of("repository", "web", "digest", d)));
    return Map.of("dry_run", dryRun, "manifests", manifests, "ignore_warnings", ignore);
  }

  @Test
  void deleteImagesReportsUnacknowledgedWarningsAndDeletesNothing() {
    startWithAcme();
    String jwt = loginDefault();
    Resp refused = post("/v2/namespaces/acme/delete-images", jwt, deletion(false, List.of(D1, D2, D3), List.of()));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).isEqualTo("deletion not possible");
    JsonNode warnings = refused.json().at("/errinfo/details/warnings");
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0).get("digest").asText()).isEqualTo(D2);
    assertThat(warnings.get(0).get("warning").asText()).isEqualTo("current_tag");
    assertThat(warnings.get(0).get("tags").findValuesAsText("tags")).isEmpty();
    assertThat(warnings.get(0).get("tags")).hasSize(2);
    assertThat(warnings.get(1).get("digest").asText()).isEqualTo(D3);
    assertThat(warnings.get(1).get("warning").asText()).isEqualTo("is_active");
    assertThat(refused.json().at("/errinfo/details/errors")).isEmpty();
    assertThat(get("/v2/namespaces/acme/repositories/web/images", jwt).json().get("count").asInt()).isEqualTo(4);
  }

  @Test
  void dryRunWithIgnoredWarningsReportsMetricsAndDeletesNothing() {
    startWithAcme();
    String jwt = loginDefault();
    List<Map<String, Object>> ignore = List.of(
        Map.of("repository", "web", "digest", D2, "warning", "current_tag", "tags", List.of("1.0", "stable")),
        Map.of("repository", "web", "digest", D3, "warning", "is_active"));
    Resp dry = post("/v2/namespaces/acme/delete-images", jwt, deletion(true, List.of(D1, D2, D3), ignore));
    assertThat(dry.status()).isEqualTo(200);
    assertThat(dry.json().get("dry_run").asBoolean()).isTrue();
    assertThat(dry.json().at("/metrics/manifest_deletes").asInt()).isEqualTo(3);
    assertThat(dry.json().at("/metrics/tag_deletes").asInt()).isEqualTo(2);
    assertThat(dry.json().at("/metrics/manifest_errors").asInt()).isZero();
    assertThat(get("/v2/namespaces/acme/repositories/web/images", jwt).json().get("count").asInt()).isEqualTo(4);
    assertThat(get("/v2/auditlogs/acme", jwt).json().get("logs")).as("a dry run changes nothing").isEmpty();

    Resp real = post("/v2/namespaces/acme/delete-images", jwt, deletion(false, List.of(D1, D2, D3), ignore));
    assertThat(real.status()).isEqualTo(200);
    assertThat(real.json().get("dry_run").asBoolean()).isFalse();
    assertThat(real.json().at("/metrics/manifest_deletes").asInt()).isEqualTo(3);
    Resp left = get("/v2/namespaces/acme/repositories/web/images", jwt);
    assertThat(left.json().get("count").asInt()).isEqualTo(1);
    assertThat(left.json().at("/results/0/digest").asText()).isEqualTo(D4);
    JsonNode logs = get("/v2/auditlogs/acme?page_size=100", jwt).json().get("logs");
    assertThat(logs.findValuesAsText("action")).containsOnly("repo.tag.delete", "repo.manifest.delete");
    assertThat(logs.findValuesAsText("action").stream().filter("repo.tag.delete"::equals)).hasSize(2);
    assertThat(logs.findValuesAsText("action").stream().filter("repo.manifest.delete"::equals)).hasSize(3);
    assertThat(logs.get(0).get("name").asText()).isEqualTo("acme/web");
  }

  @Test
  void deleteImagesReportsPerManifestErrors() {
    startWithAcme();
    String hubsdk = loginDefault();
    Resp errors = post("/v2/namespaces/acme/delete-images", hubsdk, deletion(false, List.of(MISSING, D4), List.of()));
    assertThat(errors.status()).isEqualTo(400);
    JsonNode list = errors.json().at("/errinfo/details/errors");
    assertThat(list.findValuesAsText("error")).containsExactly("not_found", "child_manifest");
    Resp member = post("/v2/namespaces/acme/delete-images", login("mona", "s3cret"),
        deletion(false, List.of(D1), List.of()));
    assertThat(member.status()).isEqualTo(400);
    assertThat(member.json().at("/errinfo/details/errors/0/error").asText()).isEqualTo("unauthorized");
    assertThat(post("/v2/namespaces/acme/delete-images", hubsdk, Map.of("manifests", List.of())).status())
        .isEqualTo(400);
    assertThat(post("/v2/namespaces/acme/delete-images", hubsdk, deletion(false, List.of("sha256:nope"), List.of()))
        .status()).isEqualTo(400);
    assertThat(post("/v2/namespaces/cheap/delete-images", login("cheap", "s3cret"),
        deletion(false, List.of(D1), List.of())).status()).isEqualTo(403);
    assertThat(post("/v2/namespaces/acme/delete-images", null, deletion(false, List.of(D1), List.of())).status())
        .isEqualTo(401);
  }

  @Test
  void deletingNeedsTheAdminScopeWhenLoggedInWithAPat() {
    SeededToken[] pats = new SeededToken[2];
    start(b -> b.seed(s -> {
      pats[0] = s.personalAccessToken("hubsdk", "reader", "repo:write");
      pats[1] = s.personalAccessToken("hubsdk", "admin", "repo:admin");
    }));
    String d = get(EXAMPLE + "/images?status=inactive&currently_tagged=false&page_size=1", loginDefault()).json()
        .at("/results/0/digest").asText();
    Map<String, Object> body = Map.of("manifests", List.of(Map.of("repository", "example", "digest", d)));
    Resp weak = post("/v2/namespaces/hubsdk/delete-images", login("hubsdk", pats[0].secret()), body);
    assertThat(weak.status()).isEqualTo(403);
    assertThat(weak.json().get("message").asText()).contains("repo:admin");
    assertThat(post("/v2/namespaces/hubsdk/delete-images", login("hubsdk", pats[1].secret()), body).status())
        .isEqualTo(200);
  }
}
