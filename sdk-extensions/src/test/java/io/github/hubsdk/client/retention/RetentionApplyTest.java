package io.github.hubsdk.client.retention;

import static io.github.hubsdk.client.retention.FakeTags.tag;
import static io.github.hubsdk.client.retention.RetentionPolicyTest.NOW;
import static io.github.hubsdk.client.retention.RetentionPolicyTest.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.LoginFailedException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.client.error.UnauthorizedException;
import io.github.hubsdk.client.retention.PlanRefusedException.Why;
import io.github.hubsdk.client.retention.TagOutcome.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionApplyTest {

  static final RetentionPolicy POLICY = RetentionPolicy.builder().keepLast(1).keep("latest")
      .delete("sha-*").olderThan(Duration.ofDays(30)).build();
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** Three repositories, each with latest, a new sha tag and three old ones. */
  static FakeTags threeRepos() {
    FakeTags src = new FakeTags();
    for (String r : List.of("api", "web", "worker")) {
      src.repo(r, tag("latest", daysAgo(50), daysAgo(1)), tag("sha-new", daysAgo(2), null),
          tag("sha-a", daysAgo(100), null), tag("sha-b", daysAgo(90), null), tag("sha-c", daysAgo(80), null));
    }
    return src;
  }

  static Retention engine(FakeTags src) {
    return Retention.over(src).clock(CLOCK);
  }

  @Test
  void aDryRunIsTheDefaultAndDeletesNothing() {
    FakeTags src = threeRepos();
    RetentionPlan plan = engine(src).plan("acme", POLICY);
    assertThat(plan.deletionCount()).isEqualTo(9);
    RetentionReport report = engine(src).apply(plan, ApplyOptions.defaults());
    assertThat(report.dryRun()).isTrue();
    assertThat(report.count(Outcome.WOULD_DELETE)).isEqualTo(9);
    assertThat(src.deleted).isEmpty();
  }

  @Test
  void applyDeletesExactlyWhatThePlanLists() {
    FakeTags src = threeRepos();
    RetentionPlan plan = engine(src).plan("acme", POLICY);
    RetentionReport report = engine(src).apply(plan, ApplyOptions.defaults().forReal());
    assertThat(report.succeeded()).isTrue();
    assertThat(report.count(Outcome.DELETED)).isEqualTo(9);
    assertThat(src.deleted).containsExactlyInAnyOrder("api:sha-a", "api:sha-b", "api:sha-c", "web:sha-a",
        "web:sha-b", "web:sha-c", "worker:sha-a", "worker:sha-b", "worker:sha-c");
    src.repos.values().forEach(tags -> assertThat(tags).containsOnlyKeys("latest", "sha-new"));
  }

  static Supplier<RuntimeException> failure(String kind) {
    return switch (kind) {
      case "page" -> () -> new ServerErrorException("page 3 failed", 502, "listRepositoryTags", null, null, null);
      case "login" -> () -> new LoginFailedException("the login could not be renewed", 401, "createAuthToken",
          null, null, null);
      case "unauthorized" -> () -> new UnauthorizedException("token expired", 401, "listRepositoryTags", null, null,
          null);
      case "ratelimit" -> () -> new RateLimitedException("429 past the retry budget", 429, "listRepositoryTags",
          null, null, Duration.ofSeconds(300));
      default -> () -> new IllegalStateException("a bug in the source");
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"page", "login", "unauthorized", "ratelimit", "bug"})
  void aFailureOnAnyPageOfAnyRepositoryDeletesNothingAnywhere(String kind) {
    FakeTags src = threeRepos();
    src.tagFailures.put("worker", Map.entry(3, failure(kind)));
    RetentionPlan plan = engine(src).plan("acme", POLICY);
    assertThat(plan.complete()).isFalse();
    assertThat(plan.failures()).singleElement().satisfies(f -> assertThat(f.repository()).isEqualTo("worker"));
    // the repositories that listed fine are in the plan, for the report, but nothing is applied
    assertThat(plan.deletionCount()).isEqualTo(6);
    assertThatThrownBy(() -> engine(src).apply(plan, ApplyOptions.defaults().forReal()))
        .isInstanceOfSatisfying(PlanRefusedException.class, e -> assertThat(e.why()).isEqualTo(Why.INCOMPLETE))
        .hasMessageContaining("worker");
    assertThat(src.deleted).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"page", "login", "ratelimit"})
  void aFailureOfTheRepositoryListingDeletesNothing(String kind) {
    FakeTags src = threeRepos();
    src.repoListFailsAfter = 2;
    src.repoListFailure = failure(kind);
    RetentionPlan plan = engine(src).plan("acme", POLICY);
    assertThat(plan.complete()).isFalse();
    assertThat(plan.failures()).singleElement().satisfies(f -> assertThat(f.repository()).isNull());
    assertThatThrownBy(() -> engine(src).apply(plan, ApplyOptions.defaults().forReal()))
        .isInstanceOf(PlanRefusedException.class);
    assertThat(src.deleted).isEmpty();
  }

  @Test
  void aListingThatChangedWhileReadIsIncomplete() {
    FakeTags src = new FakeTags() {
      @Override
      public Iterable<TagInfo> tags(String namespace, String repository) {
        TagInfo old = tag("sha-a", daysAgo(100), null);
        return List.of(old, tag("sha-b", daysAgo(90), null), old);
      }
    }.repo("api");
    RetentionPlan plan = engine(src).plan("acme", POLICY);
    assertThat(plan.complete()).isFalse();
    assertThat(plan.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("came twice"));
  }

  @Test
  void anIncompletePlanIsRefusedAlsoAfterAJsonRoundTrip() {
    FakeTags src = threeRepos();
    src.tagFailures.put("api", Map.entry(0, failure("ratelimit")));
    String json = engine(src).plan("acme", POLICY).toJson();
    assertThat(json).contains("\"complete\" : false");
    assertThatThrownBy(() -> engine(src).apply(RetentionPlan.fromJson(json), ApplyOptions.defaults().forReal()))
        .isInstanceOf(PlanRefusedException.class);
    assertThat(src.deleted).isEmpty();
  }

  @Test
  void aTagPushedPulledOrRepointedBetweenPlanAndApplyIsKept() {
    FakeTags src = threeRepos();
    RetentionPlan plan = engine(src).plan("acme", "web", POLICY);
    src.replace("web", tag("sha-a", NOW.plusSeconds(5), null));
    src.replace("web", tag("sha-b", daysAgo(90), NOW.plusSeconds(5)));
    src.replace("web", new TagInfo("sha-c", "sha256:" + "e".repeat(64), daysAgo(80), null));
    RetentionReport report = engine(src).apply(plan, ApplyOptions.defaults().forReal());
    Map<String, TagOutcome> byTag = report.outcomes().stream().collect(Collectors.toMap(TagOutcome::tag, o -> o));
    assertThat(byTag.get("sha-a").outcome()).isEqualTo(Outcome.KEPT);
    assertThat(byTag.get("sha-a").detail()).contains("pushed since the plan");
    assertThat(byTag.get("sha-b").detail()).contains("pulled since the plan");
    assertThat(byTag.get("sha-c").detail()).contains("re-pointed");
    assertThat(src.deleted).isEmpty();
  }

  @Test
  void anImmutableTagIsNeverDeletedEvenWhenTheRuleCameAfterThePlan() {
    FakeTags src = threeRepos();
    src.immutable.put("api", List.of("sha-a"));
    RetentionPlan plan = engine(src).plan("acme", POLICY);
    assertThat(plan.repositories().stream().filter(r -> r.name().equals("api")).findFirst().orElseThrow()
        .deletions()).extracting(TagDecision::tag).containsExactly("sha-c", "sha-b");
    src.immutable.put("web", List.of("^sha-"));
    RetentionReport report = engine(src).apply(plan, ApplyOptions.defaults().forReal());
    assertThat(src.deleted).noneMatch(d -> d.startsWith("web:")).doesNotContain("api:sha-a");
    assertThat(report.outcomes()).filteredOn(o -> o.repository().equals("web"))
        .allSatisfy(o -> assertThat(o.outcome()).isEqualTo(Outcome.KEPT));
  }

  @Test
  void aTagDeletedMeanwhileIsReportedGone() {
    FakeTags src = threeRepos();
    RetentionPlan plan = engine(src).plan("acme", "api", POLICY);
    src.repos.get("api").remove("sha-b");
    RetentionReport report = engine(src).apply(plan, ApplyOptions.defaults().forReal());
    assertThat(report.count(Outcome.GONE)).isEqualTo(1);
    assertThat(report.count(Outcome.DELETED)).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"delete", "reread"})
  void theFirstFailureDuringApplyStopsEveryDeletionAfterIt(String where) {
    FakeTags src = threeRepos();
    RetentionPlan plan = engine(src).plan("acme", POLICY);
    var f = failure(where.equals("delete") ? "unauthorized" : "ratelimit");
    (where.equals("delete") ? src.deleteFailures : src.readFailures).put("api:sha-b", f);
    RetentionReport report = engine(src).parallelism(1).apply(plan, ApplyOptions.defaults().forReal());
    assertThat(report.succeeded()).isFalse();
    assertThat(report.stopped()).get().asString().contains("api:sha-b");
    assertThat(src.deleted).as("deletions go newest first").containsExactly("api:sha-c");
    assertThat(report.count(Outcome.FAILED)).isEqualTo(1);
    assertThat(report.count(Outcome.SKIPPED)).isEqualTo(7);
  }

  @Test
  void aStalePlanOrOneFromAnotherServerIsRefused() {
    FakeTags src = threeRepos();
    RetentionPlan plan = engine(src).plan("acme", POLICY);
    Retention later = Retention.over(src).clock(Clock.fixed(NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC));
    assertThatThrownBy(() -> later.apply(plan, ApplyOptions.defaults().forReal()))
        .isInstanceOfSatisfying(PlanRefusedException.class, e -> assertThat(e.why()).isEqualTo(Why.STALE));
    assertThat(later.apply(plan, ApplyOptions.defaults().maxAge(Duration.ofDays(2))).count(Outcome.WOULD_DELETE))
        .isEqualTo(9);
    Retention earlier = Retention.over(src).clock(Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC));
    assertThatThrownBy(() -> earlier.apply(plan, ApplyOptions.defaults()))
        .isInstanceOfSatisfying(PlanRefusedException.class, e -> assertThat(e.why()).isEqualTo(Why.STALE));
    src.endpoint = "https://hub.docker.com";
    assertThatThrownBy(() -> engine(src).apply(plan, ApplyOptions.defaults().forReal()))
        .isInstanceOfSatisfying(PlanRefusedException.class, e -> assertThat(e.why()).isEqualTo(Why.OTHER_SOURCE));
    assertThat(src.deleted).isEmpty();
  }

  @Test
  void repositoriesAreWorkedOnConcurrentlyButBoundedAndProgressIsReportedPerRepository() {
    FakeTags src = new FakeTags();
    for (int i = 0; i < 24; i++) {
      src.repo("r" + i, tag("sha-" + i, daysAgo(100), null), tag("latest", daysAgo(1), null));
    }
    src.listingDelayMillis = 30;
    List<RetentionProgress.Update> updates = new ArrayList<>();
    RetentionPlan plan = engine(src).parallelism(4).progress(updates::add).plan("acme", POLICY);
    assertThat(src.peakListing.get()).isBetween(2, 4);
    assertThat(updates).hasSize(24);
    assertThat(updates.get(23)).isEqualTo(new RetentionProgress.Update(RetentionProgress.Phase.PLAN, "r23", 24, -1,
        48, 24));
    // keepLast 1 keeps latest (the newest); sha-i is old and selected
    assertThat(plan.deletionCount()).isEqualTo(24);
  }
}
