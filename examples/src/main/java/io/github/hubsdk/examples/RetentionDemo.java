package io.github.hubsdk.examples;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.retention.ApplyOptions;
import io.github.hubsdk.client.retention.Retention;
import io.github.hubsdk.client.retention.RetentionPlan;
import io.github.hubsdk.client.retention.RetentionPolicy;
import io.github.hubsdk.client.retention.RetentionReport;
import io.github.hubsdk.client.retention.TagOutcome;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The tour's tag clean-up: a retention plan for the demo repository (a dry run: nothing is deleted), then, in the
 * emulator only, the same plan applied.
 */
final class RetentionDemo {

  /** Keep latest and the newest ten; delete build tags neither pushed nor pulled for 30 days. */
  static final RetentionPolicy POLICY = RetentionPolicy.builder().keepLast(10).keep("latest", "semver")
      .delete("build-*", "sha-*", "pr-*").olderThan(Duration.ofDays(30)).build();

  private RetentionDemo() {
  }

  static void section(DockerHubClient hub, TourSettings settings, PrintStream out, Consumer<String> heading,
      Clock clock) {
    heading.accept("Tag retention: plan first (a dry run), then apply exactly that plan");
    if (settings.repository() == null) {
      out.println("skipped: no repository named (DOCKERHUB_REPOSITORY)");
      return;
    }
    Retention retention = Retention.over(hub).clock(clock);
    RetentionPlan plan = retention.plan(settings.namespace(), settings.repository(), POLICY);
    out.println("policy: keep latest, semver and the newest 10; delete build-*, sha-*, pr-* unused for 30 days");
    Map<String, Long> kept = new TreeMap<>();
    plan.repositories().forEach(r -> r.tags().forEach(t -> {
      if (t.deletes()) {
        if (kept.merge("(deleted)", 1L, Long::sum) <= 5) {
          out.println("  would delete " + r.name() + ":" + t.tag() + " (" + t.detail() + ")");
        }
      } else {
        kept.merge(t.reason().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
      }
    }));
    Long deleted = kept.remove("(deleted)");
    out.println("plan: " + plan.deletionCount() + " of " + plan.tagCount() + " tags to delete"
        + (deleted != null && deleted > 5 ? " (5 shown)" : "") + "; kept by reason " + kept
        + (plan.complete() ? "" : "; INCOMPLETE, so it cannot be applied: " + plan.failures().get(0).message()));
    if (!plan.complete()) {
      return;
    }
    RetentionReport dry = retention.apply(plan, ApplyOptions.defaults());
    out.println("dry run: " + dry.count(TagOutcome.Outcome.WOULD_DELETE) + " would be deleted after re-checking each"
        + " tag; nothing was");
    if (settings.live()) {
      out.println("not applied against the live Hub: the tour deletes nothing there");
      return;
    }
    RetentionReport report = retention.apply(plan, ApplyOptions.defaults().forReal());
    out.println("applied in the emulator: " + report.count(TagOutcome.Outcome.DELETED) + " deleted, "
        + report.count(TagOutcome.Outcome.KEPT) + " kept on re-check, " + report.count(TagOutcome.Outcome.FAILED)
        + " failed; " + hub.repository(settings.namespace(), settings.repository()).tags().list().stream().count()
        + " tags left");
  }
}
