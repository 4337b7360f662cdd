package io.github.hubsdk.client.retention;

import static io.github.hubsdk.client.retention.FakeTags.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.retention.TagDecision.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  static Instant daysAgo(int d) {
    return NOW.minus(Duration.ofDays(d));
  }

  @Test
  void aPolicyThatCouldDeleteAnythingNeedsAnExplicitRule() {
    assertThatThrownBy(() -> RetentionPolicy.builder().keepLast(3).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("delete pattern *");
    assertThatThrownBy(() -> RetentionPolicy.builder().keepLast(-1).delete("*").build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("keepLast");
    assertThatThrownBy(() -> RetentionPolicy.builder().olderThan(Duration.ZERO).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("olderThan");
    assertThatThrownBy(() -> RetentionPolicy.builder().delete("re:[").build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not a regular expression");
    assertThatThrownBy(() -> RetentionPolicy.builder().keep(" ").delete("*").build())
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void patternsAreGlobsRegexesOrSemver() {
    assertThat(TagPattern.of("sha-*").matches("sha-1f2e")).isTrue();
    assertThat(TagPattern.of("sha-*").matches("xsha-1")).isFalse();
    assertThat(TagPattern.of("pr-?").matches("pr-7")).isTrue();
    assertThat(TagPattern.of("pr-?").matches("pr-77")).isFalse();
    assertThat(TagPattern.of("1.2.*").matches("1x2.3")).as("dots are literal in globs").isFalse();
    assertThat(TagPattern.of("re:v[0-9]+").matches("v12")).isTrue();
    assertThat(TagPattern.of("re:v[0-9]+").matches("v12-rc")).as("a regex matches the whole name").isFalse();
    assertThat(TagPattern.of("semver").matches("1.4.2")).isTrue();
    assertThat(TagPattern.of("semver").matches("v2.0.0-rc.1")).isTrue();
    assertThat(TagPattern.of("semver").matches("1.4")).isFalse();
    assertThat(TagPattern.of("semver").matches("latest")).isFalse();
  }

  @Test
  void everyTagGetsTheFirstRuleThatKeepsItOrIsDeletedWhenAllAgree() {
    FakeTags src = new FakeTags().repo("web",
        tag("latest", daysAgo(100), daysAgo(1)),
        tag("1.4.2", daysAgo(200), null),
        tag("sha-new", daysAgo(1), null),
        tag("sha-newer", daysAgo(0), null),
        tag("sha-pulled", daysAgo(90), daysAgo(2)),
        tag("sha-old", daysAgo(90), null),
        tag("pr-7", daysAgo(60), daysAgo(45)),
        tag("nightly", daysAgo(300), null),
        tag("sha-immutable", daysAgo(300), null),
        new TagInfo("sha-unknown", null, null, null));
    src.immutable.put("web", java.util.List.of("immutable"));
    RetentionPolicy policy = RetentionPolicy.builder().keepLast(2).keep("latest", "semver")
        .delete("sha-*", "pr-*").olderThan(Duration.ofDays(30)).build();

    RetentionPlan plan = Retention.over(src).clock(Clock.fixed(NOW, ZoneOffset.UTC)).plan("acme", "web", policy);

    Map<String, Reason> reasons = plan.repositories().get(0).tags().stream()
        .collect(Collectors.toMap(TagDecision::tag, TagDecision::reason));
    assertThat(reasons).containsOnly(
        Map.entry("sha-immutable", Reason.IMMUTABLE),
        Map.entry("latest", Reason.KEEP_PATTERN),
        Map.entry("1.4.2", Reason.KEEP_PATTERN),
        // an unknown push time counts as newest, so keepLast 2 protects it and the newest push
        Map.entry("sha-unknown", Reason.NEWEST),
        Map.entry("sha-newer", Reason.NEWEST),
        Map.entry("sha-new", Reason.RECENT),
        Map.entry("sha-pulled", Reason.RECENT),
        Map.entry("nightly", Reason.NOT_SELECTED),
        Map.entry("sha-old", Reason.SELECTED),
        Map.entry("pr-7", Reason.SELECTED));
    assertThat(plan.deletionCount()).isEqualTo(2);
    assertThat(plan.complete()).isTrue();
    assertThat(plan.computedAt()).isEqualTo(NOW);
    assertThat(plan.repositories().get(0).tags().get(0).tag()).as("newest first").isEqualTo("sha-unknown");
    TagDecision old = plan.repositories().get(0).tags().stream().filter(t -> t.tag().equals("sha-old")).findFirst()
        .orElseThrow();
    assertThat(old.detail()).contains("sha-*").contains("not pushed or pulled since");
    assertThat(src.deleted).as("planning reads only").isEmpty();
  }

  @Test
  void anAgeWithoutPatternsConsidersEveryTagAndAnUnknownAgeIsKept() {
    FakeTags src = new FakeTags().repo("web", tag("a", daysAgo(40), null), new TagInfo("b", null, null, null),
        tag("c", daysAgo(10), null));
    RetentionPlan plan = Retention.over(src).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .plan("acme", "web", RetentionPolicy.builder().olderThan(Duration.ofDays(30)).build());
    assertThat(plan.repositories().get(0).deletions()).extracting(TagDecision::tag).containsExactly("a");
    assertThat(plan.repositories().get(0).kept()).extracting(TagDecision::reason)
        .containsExactlyInAnyOrder(Reason.AGE_UNKNOWN, Reason.RECENT);
  }

  @Test
  void anImmutableRuleMatchesAnywhereInTheNameAndABrokenRuleProtectsEverything() {
    FakeTags src = new FakeTags().repo("web", tag("release-1", daysAgo(40), null), tag("sha-1", daysAgo(40), null));
    RetentionPolicy all = RetentionPolicy.builder().delete("*").build();
    src.immutable.put("web", java.util.List.of("^release"));
    assertThat(Retention.over(src).plan("acme", "web", all).repositories().get(0).deletions())
        .extracting(TagDecision::tag).containsExactly("sha-1");
    src.immutable.put("web", java.util.List.of("[unclosed"));
    assertThat(Retention.over(src).plan("acme", "web", all).deletionCount()).isZero();
  }
}
