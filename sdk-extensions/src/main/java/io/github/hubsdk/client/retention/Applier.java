package io.github.hubsdk.client.retention;

import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.paging.FanOut;
import io.github.hubsdk.client.retention.PlanRefusedException.Why;
import io.github.hubsdk.client.retention.TagOutcome.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** Applies one plan: the refusals first, then repository by repository, tag by tag. */
final class Applier {

  /** A plan dated this far in the future is refused: clocks disagree, or the file was edited. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final TagSource source;
  private final Clock clock;
  private final int parallelism;
  private final RetentionProgress progress;
  /** The first failure; once set, nothing more is deleted anywhere. */
  private final AtomicReference<String> stop = new AtomicReference<>();

  Applier(TagSource source, Clock clock, int parallelism, RetentionProgress progress) {
    this.source = source;
    this.clock = clock;
    this.parallelism = parallelism;
    this.progress = progress;
  }

  RetentionReport apply(RetentionPlan plan, ApplyOptions options) {
    refuseUnsafe(plan, options);
    List<RepositoryPlan> work = plan.repositories().stream().filter(r -> !r.deletions().isEmpty()).toList();
    List<TagOutcome> outcomes = new ArrayList<>();
    long handled = 0;
    long deleted = 0;
    int done = 0;
    try (Stream<FanOut.Result<RepositoryPlan, List<TagOutcome>>> results = FanOut.over(work)
        .parallelism(parallelism).map(r -> applyOne(plan.namespace(), r, options.dryRun()))) {
      Iterator<FanOut.Result<RepositoryPlan, List<TagOutcome>>> it = results.iterator();
      while (it.hasNext()) {
        FanOut.Result<RepositoryPlan, List<TagOutcome>> r = it.next();
        outcomes.addAll(r.value());
        handled += r.value().size();
        deleted += r.value().stream().filter(o -> o.outcome() == Outcome.DELETED || o.outcome() == Outcome.WOULD_DELETE)
            .count();
        progress.update(new RetentionProgress.Update(RetentionProgress.Phase.APPLY, r.input().name(), ++done,
            work.size(), handled, deleted));
      }
    }
    return new RetentionReport(plan.digest(), options.dryRun(), outcomes, stop.get());
  }

  private void refuseUnsafe(RetentionPlan plan, ApplyOptions options) {
    if (!plan.complete()) {
      PlanFailure f = plan.failures().get(0);
      throw new PlanRefusedException(Why.INCOMPLETE, "the plan is incomplete, so nothing is deleted: "
          + plan.failures().size() + " listing(s) failed, first " + (f.repository() == null ? "the repository list"
          : f.repository()) + " (" + f.operation() + ", status " + f.status() + ": " + f.message() + ")");
    }
    if (!plan.endpoint().equals(source.endpoint())) {
      throw new PlanRefusedException(Why.OTHER_SOURCE, "the plan was made against " + plan.endpoint()
          + ", not " + source.endpoint());
    }
    Instant now = clock.instant();
    if (plan.computedAt().isBefore(now.minus(options.maxAge()))) {
      throw new PlanRefusedException(Why.STALE, "the plan was made at " + plan.computedAt() + ", more than "
          + options.maxAge() + " ago: make a new one");
    }
    if (plan.computedAt().isAfter(now.plus(CLOCK_SKEW))) {
      throw new PlanRefusedException(Why.STALE, "the plan is dated " + plan.computedAt() + ", in the future");
    }
    Decider decider = new Decider(plan.policy(), plan.computedAt());
    for (RepositoryPlan r : plan.repositories()) {
      List<TagDecision> again = decider.decide(r.tags().stream().map(TagDecision::asPlanned).toList(),
          r.immutableTagRules());
      for (TagDecision d : r.tags()) {
        if (d.deletes() && again.stream().noneMatch(a -> a.tag().equals(d.tag()) && a.deletes())) {
          throw new PlanRefusedException(Why.ALTERED, "the plan deletes " + r.name() + ":" + d.tag()
              + ", which its own policy keeps: it was edited");
        }
      }
    }
  }

  private List<TagOutcome> applyOne(String namespace, RepositoryPlan repo, boolean dryRun) {
    List<TagOutcome> out = new ArrayList<>();
    List<TagDecision> deletions = repo.deletions();
    Decider.Immutable rules = null;
    for (TagDecision d : deletions) {
      String stopped = stop.get();
      if (stopped != null) {
        out.add(outcome(repo, d, Outcome.SKIPPED, "not attempted: the run stopped after " + stopped));
        continue;
      }
      try {
        if (rules == null) {
          List<String> now = new ArrayList<>(source.immutableTagRules(namespace, repo.name()));
          now.addAll(repo.immutableTagRules());
          rules = new Decider.Immutable(now);
        }
        out.add(applyTag(namespace, repo, d, rules, dryRun));
      } catch (RuntimeException e) {
        String what = repo.name() + ":" + d.tag() + ": " + describe(e);
        stop.compareAndSet(null, what);
        out.add(outcome(repo, d, Outcome.FAILED, describe(e)));
      }
    }
    return out;
  }

  private TagOutcome applyTag(String namespace, RepositoryPlan repo, TagDecision d, Decider.Immutable rules,
      boolean dryRun) {
    String rule = rules.rule(d.tag());
    if (rule != null) {
      return outcome(repo, d, Outcome.KEPT, "covered by immutable-tag rule " + rule);
    }
    Optional<TagInfo> current = source.tag(namespace, repo.name(), d.tag());
    if (current.isEmpty()) {
      return outcome(repo, d, Outcome.GONE, "no longer exists");
    }
    String changed = changedSince(d, current.get());
    if (changed != null) {
      return outcome(repo, d, Outcome.KEPT, changed);
    }
    if (dryRun) {
      return outcome(repo, d, Outcome.WOULD_DELETE, d.detail());
    }
    try {
      source.delete(namespace, repo.name(), d.tag());
    } catch (NotFoundException e) {
      return outcome(repo, d, Outcome.GONE, "deleted by someone else meanwhile");
    }
    return outcome(repo, d, Outcome.DELETED, d.detail());
  }

  /** Why the tag is not what the plan saw, or null when it is. */
  private static String changedSince(TagDecision planned, TagInfo now) {
    if (planned.digest() != null && !Objects.equals(planned.digest(), now.digest())) {
      return "re-pointed since the plan (digest " + now.digest() + ")";
    }
    if (later(now.pushed(), planned.pushed())) {
      return "pushed since the plan (" + now.pushed() + ")";
    }
    if (later(now.pulled(), planned.pulled())) {
      return "pulled since the plan (" + now.pulled() + ")";
    }
    return null;
  }

  private static boolean later(Instant now, Instant planned) {
    return now != null && (planned == null || now.isAfter(planned));
  }

  private static TagOutcome outcome(RepositoryPlan repo, TagDecision d, Outcome o, String detail) {
    return new TagOutcome(repo.name(), d.tag(), o, detail);
  }

  private static String describe(RuntimeException e) {
    if (e instanceof DockerHubException h) {
      return h.operation() + " failed" + (h.status() == 0 ? "" : " with " + h.status()) + ": " + h.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
