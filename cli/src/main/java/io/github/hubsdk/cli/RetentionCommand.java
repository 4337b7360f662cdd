package io.github.hubsdk.cli;

import io.github.hubsdk.client.retention.ApplyOptions;
import io.github.hubsdk.client.retention.PlanFailure;
import io.github.hubsdk.client.retention.RepositoryPlan;
import io.github.hubsdk.client.retention.Retention;
import io.github.hubsdk.client.retention.RetentionPlan;
import io.github.hubsdk.client.retention.RetentionPolicy;
import io.github.hubsdk.client.retention.RetentionReport;
import io.github.hubsdk.client.retention.TagDecision;
import io.github.hubsdk.client.retention.TagOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Tag retention: plan, then apply exactly that plan. */
@Command(name = "retention", mixinStandardHelpOptions = true,
    description = "Tag clean-up that fails closed: plan what to delete, review it, apply exactly that plan.",
    subcommands = {RetentionCommand.Plan.class, RetentionCommand.Apply.class})
final class RetentionCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: plan, apply");
  }

  @Command(name = "plan", mixinStandardHelpOptions = true,
      description = {"List the tags of a repository (or of every repository of a namespace) and decide for each: "
          + "kept (immutable, a keep pattern, among the newest N, no delete pattern, pushed or pulled recently) or "
          + "deleted. Reads only. A listing that fails makes the plan incomplete: it is shown, exits 1 and cannot "
          + "be applied."},
      footerHeading = "%nExample:%n",
      footer = {"  hubsdk retention plan acme/web --keep-last 5 --keep latest --keep semver \\",
          "      --delete 'sha-*' --delete 'pr-*' --older-than 30d --out plan.json --detailed-exitcode"})
  static final class Plan extends HubCommand {
    @Parameters(index = "0", paramLabel = "NAMESPACE[/REPOSITORY]")
    String target;

    @Option(names = "--keep-last", paramLabel = "N", defaultValue = "0",
        description = "Keep the newest N tags of each repository (by last push).")
    int keepLast;

    @Option(names = "--keep", paramLabel = "PATTERN", description = "Always keep matching tags: a glob (release-*), "
        + "re:REGEX or semver. Repeatable.")
    List<String> keep = List.of();

    @Option(names = "--delete", paramLabel = "PATTERN", description = "Delete only matching tags. Repeatable. "
        + "Without it, every tag old enough is a candidate.")
    List<String> delete = List.of();

    @Option(names = "--older-than", paramLabel = "AGE", converter = Durations.class,
        description = "Delete only tags neither pushed nor pulled for this long (30d, 12h, 2w).")
    Duration olderThan;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the plan (JSON, with its digest) here.")
    Path out;

    @Option(names = "--show-kept", description = "List the kept tags too, each with its reason.")
    boolean showKept;

    @Option(names = "--detailed-exitcode", description = "Exit 3 when the plan deletes tags, 0 when it deletes none.")
    boolean detailedExitCode;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
        description = "Repositories listed at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    int run() throws Exception {
      RepoRef ref = RepoRef.parse(target, false, false);
      RetentionPolicy.Builder b = RetentionPolicy.builder().keepLast(keepLast);
      keep.forEach(b::keep);
      delete.forEach(b::delete);
      if (olderThan != null) {
        b.olderThan(olderThan);
      }
      RetentionPolicy policy = b.build();
      Progress progress = progress();
      Retention retention = Retention.over(hub()).parallelism(parallelism).progress(u -> progress.show(
          "planning: " + u.repositoriesDone() + " repositories, " + u.tags() + " tags, " + u.deletions()
              + " to delete"));
      RetentionPlan plan = ref.repository() == null ? retention.plan(ref.namespace(), policy)
          : retention.plan(ref.namespace(), ref.repository(), policy);
      progress.done();
      if (out != null) {
        Files.writeString(out, plan.toJson(), StandardCharsets.UTF_8);
      }
      if (globals.json()) {
        env.out().println(plan.toJson());
      } else {
        print(plan);
      }
      if (!plan.complete()) {
        env.err().println("hubsdk: the plan is incomplete (" + plan.failures().size() + " listing(s) failed): it "
            + "cannot be applied");
        return Main.FAILED;
      }
      return detailedExitCode && plan.deletionCount() > 0 ? Main.CHANGES : Main.OK;
    }

    private void print(RetentionPlan plan) {
      Table t = new Table("REPOSITORY", "TAG", "ACTION", "LAST PUSHED", "LAST PULLED", "WHY");
      Map<TagDecision.Reason, Long> keptBy = new TreeMap<>();
      for (RepositoryPlan r : plan.repositories()) {
        for (TagDecision d : r.tags()) {
          if (!d.deletes()) {
            keptBy.merge(d.reason(), 1L, Long::sum);
          }
          if (d.deletes() || showKept) {
            t.row(r.name(), d.tag(), d.deletes() ? "delete" : "keep", d.pushed(), d.pulled(), d.detail());
          }
        }
      }
      if (t.size() > 0) {
        t.print(env.out());
        env.out().println();
      }
      env.out().println("Plan for " + plan.namespace() + (plan.repository() == null ? " (all repositories)"
          : "/" + plan.repository()) + " at " + plan.endpoint() + ", computed " + plan.computedAt() + ":");
      env.out().println("  " + plan.deletionCount() + " of " + plan.tagCount() + " tags in "
          + plan.repositories().size() + " repositories to delete; kept: " + (keptBy.isEmpty() ? "none"
          : keptBy.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(
              java.util.Locale.ROOT).replace('_', ' ')).reduce((a, c) -> a + ", " + c).orElseThrow()));
      env.out().println("  digest " + plan.digest() + (out == null ? "" : ", written to " + out));
      for (PlanFailure f : plan.failures()) {
        env.out().println("  FAILED: " + (f.repository() == null ? "the repository list" : f.repository()) + ": "
            + f.operation() + " (" + f.status() + ") " + f.message());
      }
    }
  }

  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = {"Apply a plan file exactly: refused when it is incomplete, older than --max-age, edited, or "
          + "made against another --base-url. Each tag is read again first; one pushed, pulled or re-pointed "
          + "since the plan, or covered by an immutable-tag rule, is kept. The first failure stops the run."},
      footerHeading = "%nExample:%n", footer = "  hubsdk retention apply plan.json --output json")
  static final class Apply extends HubCommand {
    @Parameters(index = "0", paramLabel = "PLAN_FILE")
    Path file;

    @Option(names = "--dry-run", description = "Make every check, delete nothing.")
    boolean dryRun;

    @Option(names = "--max-age", paramLabel = "AGE", converter = Durations.class, defaultValue = "24h",
        description = "Refuse a plan older than this (default: ${DEFAULT-VALUE}).")
    Duration maxAge;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
        description = "Repositories worked on at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    int run() throws Exception {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new UsageException("no plan file " + file);
      }
      RetentionPlan plan = RetentionPlan.fromJson(text);
      ApplyOptions options = ApplyOptions.defaults().maxAge(maxAge);
      Progress progress = progress();
      RetentionReport report = Retention.over(hub()).parallelism(parallelism)
          .progress(u -> progress.show("applying: " + u.repositoriesDone() + "/" + u.repositoriesTotal()
              + " repositories, " + u.deletions() + (dryRun ? " would be deleted" : " deleted")))
          .apply(plan, dryRun ? options : options.forReal());
      progress.done();
      if (globals.json()) {
        printJson(report);
      } else {
        Table t = new Table("REPOSITORY", "TAG", "OUTCOME", "DETAIL");
        report.outcomes().forEach(o -> t.row(o.repository(), o.tag(), o.outcome().name().toLowerCase(
            java.util.Locale.ROOT).replace('_', ' '), o.detail()));
        if (t.size() > 0) {
          t.print(env.out());
          env.out().println();
        }
        StringBuilder sum = new StringBuilder(report.dryRun() ? "Dry run:" : "Applied:");
        for (TagOutcome.Outcome o : TagOutcome.Outcome.values()) {
          long n = report.count(o);
          if (n > 0) {
            sum.append(' ').append(n).append(' ').append(o.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .append(',');
          }
        }
        env.out().println(sum.charAt(sum.length() - 1) == ',' ? sum.substring(0, sum.length() - 1)
            : sum + " nothing to delete");
      }
      if (!report.succeeded()) {
        env.err().println("hubsdk: stopped: " + report.stopped().orElse("a deletion failed"));
        return Main.FAILED;
      }
      return Main.OK;
    }
  }
}
