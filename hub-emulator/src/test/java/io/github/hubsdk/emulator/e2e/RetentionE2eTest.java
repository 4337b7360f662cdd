package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.retention.ApplyOptions;
import io.github.hubsdk.client.retention.HubTagSource;
import io.github.hubsdk.client.retention.PlanRefusedException;
import io.github.hubsdk.client.retention.RepositoryPlan;
import io.github.hubsdk.client.retention.Retention;
import io.github.hubsdk.client.retention.RetentionPlan;
import io.github.hubsdk.client.retention.RetentionPolicy;
import io.github.hubsdk.client.retention.RetentionReport;
import io.github.hubsdk.client.retention.TagDecision;
import io.github.hubsdk.client.retention.TagInfo;
import io.github.hubsdk.client.retention.TagOutcome.Outcome;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tag retention through {@link DockerHubClient} against the emulator: the clean-up deletes what its plan lists and
 * fails closed when any listing, login or rate limit goes wrong (failures injected with expectations).
 */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class RetentionE2eTest extends SpecCheckedE2e {

  static final RetentionPolicy POLICY = RetentionPolicy.builder().keepLast(5).keep("latest", "semver")
      .delete("sha-*", "pr-*", "build-*").olderThan(Duration.ofDays(30)).build();

  DockerHubEmulator hub;
  DockerHubClient client;
  Retention retention;

  @EmulatorSeed
  static void repositories(Seeder s) {
    s.org("acme", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
    // 250 tags: three pages of 100
    s.repository("acme", "web").tags(250).tag("latest", t -> t.pushedDaysAgo(200));
    s.repository("acme", "api").tags(40).immutableTags("pr-.*");
    s.repository("acme", "worker").tags(40);
  }

  @BeforeEach
  void engine() {
    client = E2eSupport.client(hub, E2eSupport.defaultUser());
    retention = Retention.over(client).clock(hub.clock());
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  Set<String> tags(String repo) {
    return StreamSupport.stream(new HubTagSource(client).tags("acme", repo).spliterator(), false)
        .map(TagInfo::name).collect(Collectors.toSet());
  }

  long deleteRequests() {
    return hub.requests().stream().filter(r -> r.method().equals("DELETE")).count();
  }

  @Test
  void theNamespaceIsPlannedThenExactlyThePlanIsDeleted() {
    RetentionPlan plan = retention.plan("acme", POLICY);
    assertThat(plan.complete()).isTrue();
    assertThat(plan.repositories()).extracting(RepositoryPlan::name).containsExactlyInAnyOrder("web", "api", "worker");
    assertThat(plan.tagCount()).isEqualTo(331);
    RepositoryPlan web = plan.repositories().stream().filter(r -> r.name().equals("web")).findFirst().orElseThrow();
    Map<TagDecision.Reason, Long> reasons = web.tags().stream()
        .collect(Collectors.groupingBy(TagDecision::reason, Collectors.counting()));
    assertThat(reasons).containsKeys(TagDecision.Reason.KEEP_PATTERN, TagDecision.Reason.NEWEST,
        TagDecision.Reason.SELECTED);
    assertThat(web.tags()).filteredOn(t -> t.tag().equals("latest")).singleElement()
        .satisfies(t -> assertThat(t.reason()).isEqualTo(TagDecision.Reason.KEEP_PATTERN));

    RetentionReport dry = retention.apply(plan, ApplyOptions.defaults());
    assertThat(dry.count(Outcome.WOULD_DELETE)).isEqualTo(plan.deletionCount() - dry.count(Outcome.KEPT));
    assertThat(deleteRequests()).isZero();

    RetentionReport real = retention.apply(RetentionPlan.fromJson(plan.toJson()), ApplyOptions.defaults().forReal());
    assertThat(real.succeeded()).isTrue();
    assertThat(real.count(Outcome.DELETED)).isEqualTo(dry.count(Outcome.WOULD_DELETE)).isPositive();
    assertThat(deleteRequests()).isEqualTo(real.count(Outcome.DELETED));
    Set<String> planned = web.deletions().stream().map(TagDecision::tag).collect(Collectors.toSet());
    Set<String> kept = web.kept().stream().map(TagDecision::tag).collect(Collectors.toSet());
    assertThat(tags("web")).doesNotContainAnyElementsOf(planned).containsAll(kept);
  }

  @Test
  void anImmutableTagIsNeverSentADelete() {
    RetentionPlan plan = retention.plan("acme", "api", POLICY);
    assertThat(plan.repositories().get(0).tags()).filteredOn(t -> t.tag().startsWith("pr-"))
        .isNotEmpty().allSatisfy(t -> assertThat(t.reason()).isEqualTo(TagDecision.Reason.IMMUTABLE));
    // a rule added after the plan protects too: apply reads the rules again
    hub.seed(s -> s.repository("acme", "api").immutableTags("pr-.*", "build-.*"));
    RetentionReport report = retention.apply(plan, ApplyOptions.defaults().forReal());
    assertThat(report.outcomes()).filteredOn(o -> o.tag().startsWith("build-")).isNotEmpty()
        .allSatisfy(o -> assertThat(o.outcome()).isEqualTo(Outcome.KEPT));
    assertThat(hub.requests()).filteredOn(r -> r.method().equals("DELETE"))
        .noneMatch(r -> r.path().contains("/tags/pr-") || r.path().contains("/tags/build-"));
    assertThat(report.count(Outcome.DELETED)).isPositive();
  }

  @Test
  void aTagPushedBetweenPlanAndApplyIsKept() {
    RetentionPlan plan = retention.plan("acme", "worker", POLICY);
    List<String> doomed = plan.repositories().get(0).deletions().stream().map(TagDecision::tag).toList();
    String repushed = doomed.get(0);
    hub.clock().advance(Duration.ofMinutes(1));
    hub.seed(s -> s.repository("acme", "worker").tag(repushed));
    RetentionReport report = retention.apply(plan, ApplyOptions.defaults().forReal());
    assertThat(report.outcomes()).filteredOn(o -> o.tag().equals(repushed)).singleElement()
        .satisfies(o -> assertThat(o.outcome()).isEqualTo(Outcome.KEPT))
        .satisfies(o -> assertThat(o.detail()).contains("since the plan"));
    assertThat(tags("worker")).contains(repushed).doesNotContainAnyElementsOf(doomed.subList(1, doomed.size()));
  }

  @Test
  void aFailedPageDeletesNothing() {
    // page 1 of web's tags is answered, page 2 fails: 404 "Invalid page", as when the list shrinks while read
    hub.expect().get("/v2/namespaces/acme/repositories/web/tags*").andDelay(Duration.ZERO).once();
    hub.expect().get("/v2/namespaces/acme/repositories/web/tags*").andReturn(404,
        "{\"detail\":\"Invalid page.\",\"message\":\"Invalid page.\"}");
    RetentionPlan plan = retention.plan("acme", POLICY);
    assertThat(plan.complete()).isFalse();
    assertThat(plan.failures()).singleElement().satisfies(f -> {
      assertThat(f.repository()).isEqualTo("web");
      assertThat(f.status()).isEqualTo(404);
    });
    assertThatThrownBy(() -> retention.apply(plan, ApplyOptions.defaults().forReal()))
        .isInstanceOfSatisfying(PlanRefusedException.class,
            e -> assertThat(e.why()).isEqualTo(PlanRefusedException.Why.INCOMPLETE));
    assertThat(deleteRequests()).isZero();
  }

  @Test
  void aLoginThatCannotBeRenewedDeletesNothing() {
    client.login();
    hub.clock().advance(Duration.ofHours(2));           // the JWT has expired
    hub.expect().post("/v2/auth/token").andReturn(401, "{\"detail\":\"Incorrect authentication credentials\"}");
    RetentionPlan plan = retention.plan("acme", POLICY);
    assertThat(plan.complete()).isFalse();
    assertThatThrownBy(() -> retention.apply(plan, ApplyOptions.defaults().forReal()))
        .isInstanceOf(PlanRefusedException.class);
    assertThat(deleteRequests()).isZero();
  }

  @Test
  void aLoginLostDuringApplyStopsTheRunBeforeAnyDelete() {
    RetentionPlan plan = retention.plan("acme", "worker", POLICY);
    hub.clock().advance(Duration.ofHours(2));
    hub.expect().post("/v2/auth/token").andReturn(401, "{\"detail\":\"Incorrect authentication credentials\"}");
    RetentionReport report = retention.apply(plan, ApplyOptions.defaults().forReal().maxAge(Duration.ofHours(3)));
    assertThat(report.succeeded()).isFalse();
    assertThat(report.count(Outcome.FAILED)).isEqualTo(1);
    assertThat(report.count(Outcome.SKIPPED)).isEqualTo(plan.deletionCount() - 1);
    assertThat(deleteRequests()).isZero();
  }

  @Test
  void aRateLimitPastTheBudgetDeletesNothing() {
    long reset = hub.clock().instant().plus(Duration.ofHours(1)).getEpochSecond();
    hub.expect().get("/v2/namespaces/acme/repositories/worker/tags*").andReturn(429,
        "{\"detail\":\"Rate limit exceeded\",\"error\":false}", Map.of("Retry-After", "3600",
            "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)));
    RetentionPlan plan = retention.plan("acme", POLICY);
    assertThat(plan.complete()).isFalse();
    assertThat(plan.failures()).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo(429));
    assertThatThrownBy(() -> retention.apply(plan, ApplyOptions.defaults().forReal()))
        .isInstanceOf(PlanRefusedException.class);
    assertThat(deleteRequests()).isZero();
  }
}
