package io.github.hubsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands, in this JVM, against the embedded emulator. */
class CliTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = DockerHubEmulator.DEFAULT_PASSWORD;
  static DockerHubEmulator hub;

  @BeforeAll
  static void start() {
    hub = DockerHubEmulator.builder().seed(s -> {
      s.org("acme", io.github.hubsdk.emulator.Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      for (int i = 0; i < 130; i++) {
        s.auditEvent("acme", "repo.tag.push", "acme/web", "hubsdk", Instant.parse("2026-11-01T00:00:00Z")
            .plusSeconds(3600L * i), Map.of("tag", "t," + i));
      }
    }).start();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  static Map<String, String> passwordEnv() {
    return Map.of("DOCKERHUB_USERNAME", DockerHubEmulator.DEFAULT_USERNAME, "DOCKERHUB_PASSWORD", PASSWORD);
  }

  static CliRun cli(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--base-url";
    all[args.length + 1] = hub.baseUrl();
    return CliRun.run(env, "", all);
  }

  @Test
  void accountShowsWhoIsLoggedInAndTheirOrganizations() throws Exception {
    CliRun r = cli(passwordEnv(), "account");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("USERNAME").contains("hubsdk").contains("acme");
    JsonNode json = JSON.readTree(cli(passwordEnv(), "account", "--output", "json").out());
    assertThat(json.at("/account/username").asText()).isEqualTo("hubsdk");
    assertThat(json.get("organizations").findValuesAsText("orgname")).contains("acme");
    assertThat(r.all()).doesNotContain(PASSWORD);
  }

  @Test
  void thePasswordCanComeFromStdinAndIsNeverPrintedEvenVerbose() {
    CliRun r = CliRun.run(Map.of("DOCKERHUB_USERNAME", "hubsdk"), PASSWORD + "\n", "account", "--password-stdin",
        "--verbose", "--base-url", hub.baseUrl());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.all()).contains("hubsdk").doesNotContain(PASSWORD);
  }

  @Test
  void missingCredentialsAreAUsageErrorOnOneLine() {
    CliRun r = cli(Map.of(), "account");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err().strip()).startsWith("hubsdk: no credentials").contains("DOCKERHUB_USERNAME")
        .doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void badInputIsAOneLineErrorWithExitTwoAndNoStackTrace() {
    CliRun unknown = cli(passwordEnv(), "account", "--frobnicate");
    assertThat(unknown.code()).isEqualTo(Main.USAGE);
    assertThat(unknown.err()).contains("Unknown option: '--frobnicate'").doesNotContain("\tat ");
    CliRun duration = cli(passwordEnv(), "tags", "ls", "acme/web", "--older-than", "thirty days");
    assertThat(duration.code()).isEqualTo(Main.USAGE);
    assertThat(duration.err()).contains("not a duration").doesNotContain("\tat ");
    CliRun pattern = cli(passwordEnv(), "tags", "rm", "acme/web:sha-*");
    assertThat(pattern.code()).isEqualTo(Main.USAGE);
    assertThat(pattern.err()).contains("not patterns");
    CliRun noCommand = cli(passwordEnv());
    assertThat(noCommand.code()).isEqualTo(Main.USAGE);
    CliRun policy = cli(passwordEnv(), "retention", "plan", "acme/web", "--keep-last", "3");
    assertThat(policy.code()).isEqualTo(Main.USAGE);
    assertThat(policy.err()).contains("needs a delete pattern or an age");
  }

  @Test
  void aSecretTypedAsAnArgumentIsNotEchoedInTheError() {
    String secret = "dckr_pat_" + "A1b2C3d4E5f6G7h8I9j0";
    CliRun r = cli(passwordEnv(), "account", "--token=" + secret);
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.all()).doesNotContain(secret).contains("<redacted>");
    CliRun positional = cli(passwordEnv(), "account", secret);
    assertThat(positional.code()).isEqualTo(Main.USAGE);
    assertThat(positional.all()).doesNotContain(secret);
  }

  @Test
  void everyCommandHasHelpWithAnExample() {
    for (String[] cmd : new String[][] {{"account"}, {"repos", "ls"}, {"tags", "ls"}, {"tags", "rm"},
        {"retention", "plan"}, {"retention", "apply"}, {"tokens", "ls"}, {"tokens", "create"}, {"tokens", "rm"},
        {"tokens", "rotate"}, {"audit", "export"}}) {
      String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
      args[cmd.length] = "--help";
      CliRun r = CliRun.run(Map.of(), "", args);
      assertThat(r.code()).as(String.join(" ", cmd)).isZero();
      assertThat(r.out()).as(String.join(" ", cmd)).contains("Usage: hubsdk " + String.join(" ", cmd))
          .contains("Example:").contains("hubsdk " + cmd[0]);
    }
  }

  @Test
  void tokensAreCreatedListedRotatedAndRemovedAndTheSecretGoesOnlyToItsFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ci.token");
    CliRun created = cli(passwordEnv(), "tokens", "create", "--label", "ci-push", "--scope", "repo:write",
        "--expires-in", "30d", "--secret-file", file.toString(), "--output", "json");
    assertThat(created.code()).as(created.err()).isZero();
    String secret = Files.readString(file).strip();
    assertThat(secret).startsWith("dckr_pat_");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(created.all()).doesNotContain(secret);
    String uuid = JSON.readTree(created.out()).get("uuid").asText();

    CliRun ls = cli(passwordEnv(), "tokens", "ls", "--output", "json");
    assertThat(ls.code()).isZero();
    assertThat(ls.out()).contains(uuid).contains("ci-push").doesNotContain(secret).doesNotContain("dckr_pat_");

    CliRun again = cli(passwordEnv(), "tokens", "rotate", uuid, "--secret-file", file.toString());
    assertThat(again.code()).as("refuses to overwrite").isEqualTo(Main.FAILED);
    CliRun rotated = cli(passwordEnv(), "tokens", "rotate", uuid, "--secret-file", file.toString(), "--overwrite",
        "--output", "json");
    assertThat(rotated.code()).as(rotated.err()).isZero();
    String newSecret = Files.readString(file).strip();
    assertThat(newSecret).startsWith("dckr_pat_").isNotEqualTo(secret);
    assertThat(rotated.all()).doesNotContain(newSecret).contains("deactivated the old token");
    String newUuid = JSON.readTree(rotated.out()).get("uuid").asText();
    assertThat(JSON.readTree(rotated.out()).get("label").asText()).isEqualTo("ci-push");

    CliRun printed = cli(passwordEnv(), "tokens", "create", "--label", "once", "--scope", "repo:read");
    assertThat(printed.code()).isZero();
    assertThat(printed.out()).containsPattern("dckr_pat_\\S+");
    assertThat(printed.err()).contains("shown only this once");

    CliRun rm = cli(passwordEnv(), "tokens", "rm", uuid, newUuid);
    assertThat(rm.code()).as(rm.err()).isZero();
    assertThat(cli(passwordEnv(), "tokens", "ls").out()).doesNotContain(uuid).doesNotContain(newUuid);
    CliRun badScope = cli(passwordEnv(), "tokens", "create", "--label", "x", "--scope", "admin");
    assertThat(badScope.code()).isEqualTo(Main.USAGE);
  }

  @Test
  void organizationAccessTokensWithOrg(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("oat.token");
    CliRun created = cli(passwordEnv(), "tokens", "create", "--org", "acme", "--label", "ci", "--resource",
        "repo:acme/*:pull,push", "--secret-file", file.toString(), "-o", "json");
    assertThat(created.code()).as(created.err()).isZero();
    String secret = Files.readString(file).strip();
    assertThat(secret).startsWith("dckr_oat_");
    assertThat(created.all()).doesNotContain(secret);
    JsonNode made = JSON.readTree(created.out());
    assertThat(made.get("resources").get(0).asText()).isEqualTo("TYPE_REPO:acme/*:scope-image-pull,scope-image-push");
    String id = made.get("id").asText();

    CliRun asOrg = cli(Map.of("DOCKERHUB_USERNAME", "acme", "DOCKERHUB_TOKEN", secret), "account", "-o", "json");
    assertThat(asOrg.code()).as(asOrg.err()).isZero();
    assertThat(JSON.readTree(asOrg.out()).at("/account/username").asText()).isEqualTo("acme");
    assertThat(asOrg.all()).doesNotContain(secret);

    CliRun ls = cli(passwordEnv(), "tokens", "ls", "--org", "acme");
    assertThat(ls.code()).as(ls.err()).isZero();
    assertThat(ls.out()).contains(id).contains("ci").doesNotContain("dckr_oat_");
    CliRun rotated = cli(passwordEnv(), "tokens", "rotate", id, "--org", "acme", "--secret-file", file.toString(),
        "--overwrite", "--delete-old", "-o", "json");
    assertThat(rotated.code()).as(rotated.err()).isZero();
    String newId = JSON.readTree(rotated.out()).get("id").asText();
    assertThat(Files.readString(file).strip()).startsWith("dckr_oat_").isNotEqualTo(secret);
    assertThat(cli(passwordEnv(), "tokens", "ls", "--org", "acme").out()).doesNotContain(id).contains(newId);
    assertThat(cli(passwordEnv(), "tokens", "rm", newId, "--org", "acme").code()).isZero();
    CliRun mixed = cli(passwordEnv(), "tokens", "create", "--org", "acme", "--label", "x", "--scope", "repo:read");
    assertThat(mixed.code()).isEqualTo(Main.USAGE);
    CliRun badResource = cli(passwordEnv(), "tokens", "create", "--org", "acme", "--label", "x", "--resource", "x");
    assertThat(badResource.code()).isEqualTo(Main.USAGE);
  }

  @Test
  void auditExportStreamsJsonLinesOrCsv(@TempDir Path dir) throws Exception {
    CliRun jsonl = cli(passwordEnv(), "audit", "export", "acme", "--from", "2026-11-01", "--to",
        "2026-11-10T00:00:00Z");
    assertThat(jsonl.code()).as(jsonl.err()).isZero();
    String[] lines = jsonl.out().split("\n");
    assertThat(lines).hasSizeGreaterThan(100);
    for (String l : lines) {
      assertThat(JSON.readTree(l).get("action").asText()).isNotBlank();
    }
    Path csv = dir.resolve("audit.csv");
    CliRun c = cli(passwordEnv(), "audit", "export", "acme", "--format", "csv", "--out", csv.toString());
    assertThat(c.code()).as(c.err()).isZero();
    var rows = Files.readAllLines(csv);
    assertThat(rows.get(0)).isEqualTo("timestamp,account,action,name,actor,action_description,data");
    assertThat(rows).anyMatch(r -> r.contains("\"{\"\"tag\"\":\"\"t,1\"\"}\""));
    assertThat(c.err()).contains("events written to");
    CliRun bad = cli(passwordEnv(), "audit", "export", "acme", "--from", "yesterday");
    assertThat(bad.code()).isEqualTo(Main.USAGE);
  }
}
