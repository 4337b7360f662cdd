package io.github.hubsdk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.retention.TagPattern;
import io.github.hubsdk.openapi.model.RepositoryTag;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Tags. */
@Command(name = "tags", mixinStandardHelpOptions = true, description = "A repository's tags.",
    subcommands = {TagsCommand.Ls.class, TagsCommand.Rm.class})
final class TagsCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: ls, rm");
  }

  @Command(name = "ls", mixinStandardHelpOptions = true, description = "List a repository's tags.",
      footerHeading = "%nExample:%n", footer = "  hubsdk tags ls acme/web --name 'sha-*' --older-than 90d")
  static final class Ls extends HubCommand {
    @Parameters(index = "0", paramLabel = "NAMESPACE/REPOSITORY")
    String repository;

    @Option(names = "--name", paramLabel = "PATTERN",
        description = "Only tags matching: a glob (sha-*), re:REGEX or semver.")
    String name;

    @Option(names = "--older-than", paramLabel = "AGE", converter = Durations.class,
        description = "Only tags last pushed longer ago than this (30d, 12h).")
    Duration olderThan;

    @Option(names = "--newer-than", paramLabel = "AGE", converter = Durations.class,
        description = "Only tags last pushed within this (30d, 12h).")
    Duration newerThan;

    @Override
    int run() throws Exception {
      RepoRef ref = RepoRef.parse(repository, true, false);
      TagPattern pattern = name == null ? null : TagPattern.of(name);
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      Table t = new Table("TAG", "DIGEST", "SIZE", "LAST PUSHED", "LAST PULLED", "STATUS");
      JsonGenerator g = null;
      if (globals.json()) {
        g = Json.MAPPER.getFactory().createGenerator(env.out());
        g.setCodec(Json.MAPPER);
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
      }
      for (RepositoryTag tag : Listings.tags(hub(), ref.namespace(), ref.repository())) {
        OffsetDateTime pushed = tag.getTagLastPushed() != null ? tag.getTagLastPushed() : tag.getLastUpdated();
        if ((pattern != null && !pattern.matches(tag.getName()))
            || (olderThan != null && (pushed == null || !pushed.isBefore(now.minus(olderThan))))
            || (newerThan != null && (pushed == null || pushed.isBefore(now.minus(newerThan))))) {
          continue;
        }
        if (g != null) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", tag.getName());
          m.put("digest", tag.getDigest());
          m.put("full_size", tag.getFullSize());
          m.put("last_pushed", pushed);
          m.put("last_pulled", tag.getTagLastPulled());
          m.put("status", tag.getTagStatus());
          g.writeObject(m);
        } else {
          t.row(tag.getName(), tag.getDigest(), tag.getFullSize(), pushed, tag.getTagLastPulled(), tag.getTagStatus());
        }
      }
      if (g != null) {
        g.writeEndArray();
        g.close();
        env.out().println();
      } else {
        t.print(env.out());
      }
      return Main.OK;
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true,
      description = "Delete tags, each named exactly. Asks nothing; takes no patterns (retention plan does that).",
      footerHeading = "%nExample:%n", footer = "  hubsdk tags rm acme/web:pr-1234 acme/web:pr-1235")
  static final class Rm extends HubCommand {
    @Parameters(arity = "1..*", paramLabel = "NAMESPACE/REPOSITORY:TAG")
    List<String> tags;

    @Override
    int run() throws Exception {
      List<RepoRef> refs = tags.stream().map(t -> RepoRef.parse(t, true, true)).toList();
      List<Map<String, String>> results = new ArrayList<>();
      int failed = 0;
      for (RepoRef r : refs) {
        String outcome;
        try {
          Listings.deleteTag(hub(), r.namespace(), r.repository(), r.tag());
          outcome = "deleted";
        } catch (NotFoundException e) {
          outcome = "not found";
          failed++;
        }
        results.add(Map.of("tag", r.toString(), "outcome", outcome));
        if (!globals.json()) {
          env.out().println(outcome + " " + r);
        }
      }
      if (globals.json()) {
        printJson(results);
      }
      return failed == 0 ? Main.OK : Main.FAILED;
    }
  }
}
