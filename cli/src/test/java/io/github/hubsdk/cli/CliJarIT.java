package io.github.hubsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as a separate process against the standalone emulator jar, as a CI job runs it: credentials from
 * the environment, plan --out, apply, JSON parsed, exit codes, and no secret in any output or in the plan file.
 */
class CliJarIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "demo-password";
  static Process emulator;
  static String baseUrl;

  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  @BeforeAll
  static void startEmulator() throws Exception {
    String jar = System.getProperty("hubsdk.emulator.jar");
    assertThat(jar).as("hubsdk.emulator.jar").isNotBlank();
    assertThat(new File(jar)).as("the standalone emulator jar (mvn package in hub-emulator)").exists();
    emulator = new ProcessBuilder(java(), "-jar", jar, "--port", "0").redirectErrorStream(true).start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(),
        StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("listening on (http://\\S+)");
    for (String line = lines.readLine(); line != null && baseUrl == null; line = lines.readLine()) {
      Matcher m = listening.matcher(line);
      if (m.find()) {
        baseUrl = m.group(1);
      }
    }
    assertThat(baseUrl).as("the emulator's address").isNotNull();
    Thread drain = new Thread(() -> lines.lines().forEach(l -> { }));
    drain.setDaemon(true);
    drain.start();
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.destroy();
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Result cli(Map<String, String> env, String... args) throws IOException, InterruptedException {
    // A CLI run is a short-lived JVM: the C1 compiler alone and the serial collector start it about a third
    // faster, and change nothing of what the jar does (twelve runs in this class).
    List<String> cmd = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
        System.getProperty("hubsdk.cli.jar")));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("DOCKERHUB_USERNAME");
    pb.environment().remove("DOCKERHUB_TOKEN");
    pb.environment().remove("DOCKERHUB_PASSWORD");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("cli", ".out");
    Path err = Files.createTempFile("cli", ".err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static Map<String, String> password() {
    return Map.of("DOCKERHUB_USERNAME", "demo", "DOCKERHUB_PASSWORD", PASSWORD);
  }

  @Test
  void aNightlyCleanUpAsACiJobRunsIt(@TempDir Path dir) throws Exception {
    Path plan = dir.resolve("plan.json");
    Path tokenFile = dir.resolve("ci.token");

    // a PAT for the read-only part of the job, made by the CLI itself
    Result token = cli(password(), "tokens", "create", "--label", "nightly", "--scope", "repo:admin",
        "--secret-file", tokenFile.toString(), "--base-url", baseUrl);
    assertThat(token.code()).as(token.err()).isZero();
    String pat = Files.readString(tokenFile).strip();
    assertThat(pat).startsWith("dckr_pat_");
    Map<String, String> patEnv = Map.of("DOCKERHUB_USERNAME", "demo", "DOCKERHUB_TOKEN", pat);

    Result planned = cli(patEnv, "retention", "plan", "demo-org/demo-app", "--keep-last", "10", "--keep", "latest",
        "--delete", "build-*", "--older-than", "30d", "--out", plan.toString(), "--detailed-exitcode",
        "--base-url", baseUrl, "--verbose");
    assertThat(planned.code()).as(planned.err()).isEqualTo(Main.CHANGES);
    JsonNode json = JSON.readTree(Files.readString(plan));
    assertThat(json.at("/source/endpoint").asText()).isEqualTo(baseUrl);
    assertThat(json.get("computedAt").asText()).isNotBlank();
    assertThat(json.get("complete").asBoolean()).isTrue();
    int deletions = 0;
    for (JsonNode t : json.at("/repositories/0/tags")) {
      deletions += t.get("verdict").asText().equals("DELETE") ? 1 : 0;
    }
    assertThat(deletions).isPositive();

    // the live Hub refuses tag deletes with a PAT-derived JWT, and so does the emulator: nothing is deleted
    Result refused = cli(patEnv, "retention", "apply", plan.toString(), "--base-url", baseUrl, "-o", "json");
    assertThat(refused.code()).isEqualTo(Main.FAILED);
    assertThat(refused.err()).contains("stopped").doesNotContain("\tat ");

    Result applied = cli(password(), "retention", "apply", plan.toString(), "--base-url", baseUrl, "-o", "json");
    assertThat(applied.code()).as(applied.err()).isZero();
    JsonNode report = JSON.readTree(applied.out());
    int deleted = 0;
    for (JsonNode o : report.get("outcomes")) {
      deleted += o.get("outcome").asText().equals("DELETED") ? 1 : 0;
    }
    assertThat(deleted).isEqualTo(deletions);

    Result again = cli(password(), "retention", "plan", "demo-org/demo-app", "--keep-last", "10", "--keep", "latest",
        "--delete", "build-*", "--older-than", "30d", "--detailed-exitcode", "--base-url", baseUrl, "-o", "json");
    assertThat(again.code()).as("nothing left to delete").isZero();
    assertThat(JSON.readTree(again.out()).get("format").asText()).isEqualTo("hubsdk-retention-plan/1");

    String planText = Files.readString(plan);
    for (Result r : List.of(token, planned, refused, applied, again)) {
      assertThat(r.all()).doesNotContain(pat).doesNotContain(PASSWORD);
    }
    assertThat(planText).doesNotContain(pat).doesNotContain(PASSWORD);
  }

  @Test
  void badInputGetsOneLineAndTheRightExitCode(@TempDir Path dir) throws Exception {
    Result unknown = cli(password(), "tags", "ls", "demo-org/demo-app", "--bogus", "--base-url", baseUrl);
    assertThat(unknown.code()).isEqualTo(Main.USAGE);
    assertThat(unknown.err().lines().count()).isEqualTo(2); // the error and "Try ... --help"
    Result duration = cli(password(), "retention", "plan", "demo-org", "--older-than", "30 days", "--base-url",
        baseUrl);
    assertThat(duration.code()).isEqualTo(Main.USAGE);
    assertThat(duration.err()).contains("not a duration").doesNotContain("\tat ");
    Result missing = cli(Map.of(), "account", "--base-url", baseUrl);
    assertThat(missing.code()).isEqualTo(Main.USAGE);
    assertThat(missing.err().lines().count()).isEqualTo(1);
    Path edited = dir.resolve("edited.json");
    assertThat(cli(password(), "retention", "plan", "demo-org/demo-app", "--delete", "build-*", "--out",
        edited.toString(), "--base-url", baseUrl).code()).isZero();
    String original = Files.readString(edited);
    Files.writeString(edited, original.replaceFirst("\"keepLast\" : 0", "\"keepLast\" : 1"));
    assertThat(Files.readString(edited)).as("the edit took").isNotEqualTo(original);
    Result altered = cli(password(), "retention", "apply", edited.toString(), "--base-url", baseUrl);
    assertThat(altered.code()).isEqualTo(Main.FAILED);
    assertThat(altered.err().lines().count()).isEqualTo(1);
    assertThat(altered.err()).contains("plan refused (altered)");
    Result verbose = cli(password(), "retention", "apply", edited.toString(), "--base-url", baseUrl, "--verbose");
    assertThat(verbose.err()).contains("\tat ").doesNotContain(PASSWORD);
    Map<String, String> env = new HashMap<>(password());
    Result help = cli(env, "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("retention").contains("Exit codes");
  }
}
