package io.github.hubsdk.client.retention;

import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.paging.FanOut;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Tag clean-up that cannot delete the wrong thing: {@link #plan} lists and decides, {@link #apply} deletes only
 * what a complete plan lists, re-checking each tag first. Dry run is the default.
 *
 * <pre>{@code
 * Retention retention = Retention.over(hub);                        // or over(anyTagSource)
 * RetentionPlan plan = retention.plan("acme", "web", policy);       // reads only
 * plan.repositories().forEach(r -> r.deletions().forEach(System.out::println));
 * RetentionReport report = retention.apply(plan, ApplyOptions.defaults().forReal());
 * }</pre>
 *
 * <p>Failing closed means:
 * <ul>
 *   <li>a plan records every listing that failed (a page that answered an error, a login that could not be
 *       renewed, a 429 past the client's retry budget) and is then {@linkplain RetentionPlan#complete()
 *       incomplete}; {@code apply} refuses an incomplete plan before any request, so nothing is deleted, in that
 *       repository or any other;</li>
 *   <li>{@code apply} refuses a plan from another server, one older than {@link ApplyOptions#maxAge()}, and one
 *       whose deletions are not what its own policy decides over its own listing;</li>
 *   <li>before each deletion it reads the repository's immutable-tag rules (once per repository) and the tag
 *       again: a tag covered by a rule, or pushed, pulled or re-pointed since the plan, is kept;</li>
 *   <li>the first failure of a re-check or a delete stops the whole run: what was not yet tried is reported
 *       {@link TagOutcome.Outcome#SKIPPED}.</li>
 * </ul>
 *
 * <p>Repositories are worked on concurrently, {@link #parallelism(int)} at a time (tags within a repository one
 * after the other); calls through one client share its rate-limit pacing. Immutable and thread-safe.
 */
public final class Retention {

  /** The default number of repositories worked on at once. */
  public static final int DEFAULT_PARALLELISM = 4;

  private final TagSource source;
  private final Clock clock;
  private final int parallelism;
  private final RetentionProgress progress;

  private Retention(TagSource source, Clock clock, int parallelism, RetentionProgress progress) {
    this.source = source;
    this.clock = clock;
    this.parallelism = parallelism;
    this.progress = progress;
  }

  /**
   * Retention over any tag source, e.g. a fake in tests.
   *
   * @param source the tags
   * @return the engine, {@value #DEFAULT_PARALLELISM} repositories at a time, no progress reports
   */
  public static Retention over(TagSource source) {
    return new Retention(Objects.requireNonNull(source, "source"), Clock.systemUTC(), DEFAULT_PARALLELISM,
        RetentionProgress.NONE);
  }

  /**
   * Retention over a Docker Hub client (see {@link HubTagSource} for what it calls).
   *
   * @param hub the client; deleting tags needs a password login (the live Hub refuses a PAT-derived JWT there)
   * @return the engine
   */
  public static Retention over(io.github.hubsdk.client.DockerHubClient hub) {
    return over(new HubTagSource(hub));
  }

  /**
   * The same engine working on up to {@code n} repositories at once.
   *
   * @param n 1 to {@value FanOut#MAX_PARALLELISM}
   * @return a new engine
   */
  public Retention parallelism(int n) {
    if (n < 1 || n > FanOut.MAX_PARALLELISM) {
      throw new InvalidRequestException("parallelism must be between 1 and " + FanOut.MAX_PARALLELISM + ", was " + n);
    }
    return new Retention(source, clock, n, progress);
  }

  /**
   * The same engine reporting progress.
   *
   * @param listener called once per repository done
   * @return a new engine
   */
  public Retention progress(RetentionProgress listener) {
    return new Retention(source, clock, parallelism, Objects.requireNonNull(listener, "listener"));
  }

  /**
   * The same engine with another clock (plan times, ages, staleness). For tests.
   *
   * @param clock the clock
   * @return a new engine
   */
  public Retention clock(Clock clock) {
    return new Retention(source, Objects.requireNonNull(clock, "clock"), parallelism, progress);
  }

  /**
   * Plans one repository. Reads only.
   *
   * @param namespace the user or organization
   * @param repository the repository
   * @param policy what to delete
   * @return the plan; {@linkplain RetentionPlan#complete() incomplete} when a listing failed
   */
  public RetentionPlan plan(String namespace, String repository, RetentionPolicy policy) {
    Objects.requireNonNull(repository, "repository");
    return plan(namespace, repository, List.of(repository), policy);
  }

  /**
   * Plans every repository of a namespace. Reads only.
   *
   * @param namespace the user or organization
   * @param policy what to delete
   * @return the plan; {@linkplain RetentionPlan#complete() incomplete} when a listing failed
   */
  public RetentionPlan plan(String namespace, RetentionPolicy policy) {
    Objects.requireNonNull(namespace, "namespace");
    return plan(namespace, null, source.repositories(namespace), policy);
  }

  /**
   * Applies a plan (see the class description for every check). With {@link ApplyOptions#defaults()} (a dry run) nothing is
   * deleted and the tags that would be are reported {@link TagOutcome.Outcome#WOULD_DELETE}.
   *
   * @param plan a plan made by this engine's source (or read back with {@link RetentionPlan#fromJson(String)})
   * @param options dry run or for real, and the oldest plan accepted
   * @return one outcome per tag the plan deletes
   * @throws PlanRefusedException when the plan is incomplete, stale, altered or from another server; nothing is
   *     deleted then
   */
  public RetentionReport apply(RetentionPlan plan, ApplyOptions options) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(options, "options");
    return new Applier(source, clock, parallelism, progress).apply(plan, options);
  }

  private RetentionPlan plan(String namespace, String single, Iterable<String> repositories, RetentionPolicy policy) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(policy, "policy");
    var now = clock.instant();
    Decider decider = new Decider(policy, now);
    List<RepositoryPlan> plans = new ArrayList<>();
    List<PlanFailure> failures = new ArrayList<>();
    long tags = 0;
    long deletions = 0;
    int total = single == null ? -1 : 1;
    try (Stream<FanOut.Result<String, RepositoryPlan>> results = FanOut.over(repositories).parallelism(parallelism)
        .collectErrors().map(repo -> planOne(namespace, repo, decider))) {
      Iterator<FanOut.Result<String, RepositoryPlan>> it = results.iterator();
      while (it.hasNext()) {
        FanOut.Result<String, RepositoryPlan> r = it.next();
        if (r.failed()) {
          failures.add(failure(r.input(), r.error()));
        } else {
          plans.add(r.value());
          tags += r.value().tags().size();
          deletions += r.value().deletions().size();
        }
        progress.update(new RetentionProgress.Update(RetentionProgress.Phase.PLAN, r.input(),
            plans.size() + failures.size(), total, tags, deletions));
      }
    } catch (RuntimeException e) {
      // The repository listing itself failed: whatever was planned so far may not be every repository.
      failures.add(failure(null, e));
    }
    return new RetentionPlan(source.endpoint(), namespace, single, now, policy, plans, failures);
  }

  private RepositoryPlan planOne(String namespace, String repository, Decider decider) {
    List<String> rules = source.immutableTagRules(namespace, repository);
    List<TagInfo> tags = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (TagInfo t : source.tags(namespace, repository)) {
      // Page-number paging is no snapshot: a tag pushed while the list is read shifts the pages, so one tag comes
      // twice and another may be missed. Such a listing is not the whole truth: the plan becomes incomplete.
      if (!seen.add(t.name())) {
        throw new IllegalStateException("the tag list of " + repository + " changed while it was read: "
            + t.name() + " came twice");
      }
      tags.add(t);
    }
    return new RepositoryPlan(repository, rules, decider.decide(tags, rules));
  }

  private static PlanFailure failure(String repository, RuntimeException e) {
    if (e instanceof DockerHubException h) {
      return new PlanFailure(repository, h.operation(), h.status(), String.valueOf(h.getMessage()));
    }
    return new PlanFailure(repository, repository == null ? "listRepositories" : "listRepositoryTags",
        DockerHubException.NO_STATUS, e.getClass().getSimpleName() + ": " + e.getMessage());
  }
}
