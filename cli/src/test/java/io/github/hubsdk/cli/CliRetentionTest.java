package io.github.hubsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** repos, tags and retention commands, in this JVM, against the embedded emulator. */
class CliRetentionTest {

  static final ObjectMapper JSON = new ObjectMapper();
  DockerHubEmulator hub;

  @BeforeEach
  void start() {
    hub = DockerHubEmulator.builder().seed(s -> {
      s.org("acme", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      s.repository("acme", "web").description("the web app").tags(120).tag("latest", t -> t.pushedDaysAgo(300));
      s.repository("acme", "api").tags(10);
    }).start();
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  CliRun cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--base-url";
    all[args.length + 1] = hub.baseUrl();
    return CliRun.run(CliTest.passwordEnv(), "", all);
  }

  @Test
  void reposAndTagsAreListedAsTablesOrJson() throws Exception {
    CliRun repos = cli("repos", "ls", "acme");
    assertThat(repos.code()).as(repos.err()).isZero();
    assertThat(repos.out()).contains("NAME").contains("web").contains("the web app").contains("api");
    JsonNode json = JSON.readTree(cli("repos", "ls", "acme", "-o", "json").out());
    assertThat(json.findValuesAsText("name")).containsExactlyInAnyOrder("web", "api");

    CliRun tags = cli("tags", "ls", "acme/web", "--name", "sha-*", "-o", "json");
    assertThat(tags.code()).as(tags.err()).isZero();
    JsonNode list = JSON.readTree(tags.out());
    assertThat(list.size()).isEqualTo(30);
    list.forEach(t -> assertThat(t.get("name").asText()).startsWith("sha-"));
    JsonNode old = JSON.readTree(cli("tags", "ls", "acme/web", "--older-than", "180d", "-o", "json").out());
    JsonNode recent = JSON.readTree(cli("tags", "ls", "acme/web", "--newer-than", "180d", "-o", "json").out());
    assertThat(old.size() + recent.size()).isEqualTo(121);
    assertThat(cli("tags", "ls", "acme/web").out().lines().count()).isEqualTo(122);
  }

  @Test
  void tagsRmDeletesExactlyTheNamedTags() {
    CliRun rm = cli("tags", "rm", "acme/web:latest", "acme/api:1.0.0");
    assertThat(rm.code()).as(rm.err()).isZero();
    assertThat(rm.out()).contains("deleted acme/web:latest").contains("deleted acme/api:1.0.0");
    CliRun again = cli("tags", "rm", "acme/web:latest");
    assertThat(again.code()).isEqualTo(Main.FAILED);
    assertThat(again.out()).contains("not found acme/web:latest");
  }

  @Test
  void aPlanIsWrittenThenAppliedExactly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.json");
    CliRun plan = cli("retention", "plan", "acme/web", "--keep-last", "5", "--keep", "latest", "--keep", "semver",
        "--delete", "sha-*", "--delete", "pr-*", "--older-than", "90d", "--out", file.toString(),
        "--detailed-exitcode");
    assertThat(plan.code()).as(plan.err()).isEqualTo(Main.CHANGES);
    assertThat(plan.out()).contains("delete").contains("tags in 1 repositories to delete").contains("sha256:");
    JsonNode planJson = JSON.readTree(Files.readString(file));
    long deletions = 0;
    for (JsonNode t : planJson.at("/repositories/0/tags")) {
      if (t.get("verdict").asText().equals("DELETE")) {
        deletions++;
        assertThat(t.get("tag").asText()).matches("(sha|pr)-.*");
      }
    }
    assertThat(deletions).isPositive();
    assertThat(planJson.at("/source/endpoint").asText()).isEqualTo(hub.baseUrl());

    CliRun dry = cli("retention", "apply", file.toString(), "--dry-run", "-o", "json");
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(JSON.readTree(dry.out()).get("dryRun").asBoolean()).isTrue();

    CliRun apply = cli("retention", "apply", file.toString(), "-o", "json");
    assertThat(apply.code()).as(apply.err()).isZero();
    JsonNode report = JSON.readTree(apply.out());
    long deleted = 0;
    for (JsonNode o : report.get("outcomes")) {
      deleted += o.get("outcome").asText().equals("DELETED") ? 1 : 0;
    }
    assertThat(deleted).isEqualTo(deletions);
    assertThat(JSON.readTree(cli("tags", "ls", "acme/web", "-o", "json").out()).size())
        .isEqualTo(121 - (int) deletions);

    CliRun nothingLeft = cli("retention", "plan", "acme/web", "--keep-last", "5", "--keep", "latest", "--keep",
        "semver", "--delete", "sha-*", "--delete", "pr-*", "--older-than", "90d", "--detailed-exitcode");
    assertThat(nothingLeft.code()).as("nothing more to delete").isZero();
  }

  @Test
  void anEditedStaleForeignOrIncompletePlanIsRefusedWithOneLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.json");
    assertThat(cli("retention", "plan", "acme", "--delete", "*", "--keep-last", "3", "--out", file.toString())
        .code()).isZero();
    ObjectNode edited = (ObjectNode) JSON.readTree(Files.readString(file));
    ((ObjectNode) edited.at("/repositories/0/tags/0")).put("verdict", "DELETE").put("reason", "SELECTED");
    Path altered = dir.resolve("altered.json");
    Files.writeString(altered, JSON.writeValueAsString(edited));
    CliRun r = cli("retention", "apply", altered.toString());
    assertThat(r.code()).isEqualTo(Main.FAILED);
    assertThat(r.err().strip()).startsWith("hubsdk: plan refused (altered)").doesNotContain("\n");

    Thread.sleep(1100);
    CliRun stale = cli("retention", "apply", file.toString(), "--max-age", "1s");
    assertThat(stale.code()).isEqualTo(Main.FAILED);
    assertThat(stale.err()).contains("plan refused (stale)");

    CliRun foreign = CliRun.run(CliTest.passwordEnv(), "", "retention", "apply", file.toString(), "--base-url",
        "http://127.0.0.1:1");
    assertThat(foreign.code()).isEqualTo(Main.FAILED);
    assertThat(foreign.err()).contains("plan refused (other_source)");

    Files.writeString(dir.resolve("junk.json"), "{ not a plan");
    CliRun junk = cli("retention", "apply", dir.resolve("junk.json").toString());
    assertThat(junk.code()).isEqualTo(Main.FAILED);
    assertThat(junk.err()).contains("plan refused (unreadable)").doesNotContain("\tat ");

    hub.expect().get("/v2/namespaces/acme/repositories/api/tags*").andReturn(404,
        "{\"detail\":\"Invalid page.\",\"message\":\"Invalid page.\"}");
    Path incomplete = dir.resolve("incomplete.json");
    CliRun failed = cli("retention", "plan", "acme", "--delete", "*", "--out", incomplete.toString());
    assertThat(failed.code()).isEqualTo(Main.FAILED);
    assertThat(failed.out()).contains("FAILED: api");
    CliRun refused = cli("retention", "apply", incomplete.toString());
    assertThat(refused.code()).isEqualTo(Main.FAILED);
    assertThat(refused.err()).contains("plan refused (incomplete)");
    assertThat(hub.requests()).noneMatch(q -> q.method().equals("DELETE"));
  }
}
