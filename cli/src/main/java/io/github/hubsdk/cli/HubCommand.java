package io.github.hubsdk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.openapi.json.HubJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that talks to Docker Hub: the client is made on first use from the environment and closed after. */
abstract class HubCommand implements Callable<Integer> {

  /** Built on first use, not when picocli makes the commands: {@code --help} then never loads Jackson. */
  static final class Json {
    static final ObjectMapper MAPPER = HubJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
    }
  }

  @Mixin
  Globals globals;

  Env env;
  private DockerHubClient hub;

  @Override
  public final Integer call() throws Exception {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", globals.verbose ? "debug" : "warn");
    try {
      return run();
    } finally {
      if (hub != null) {
        hub.close();
      }
      env.out().flush();
    }
  }

  /** Does the work. */
  abstract int run() throws Exception;

  DockerHubClient hub() {
    if (hub == null) {
      DockerHubClient.Builder b = DockerHubClient.builder();
      try {
        b.baseUrl(globals.baseUrl);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      hub = b.credentials(credentials()).rateLimitPacing(true).build();
    }
    return hub;
  }

  private Credentials credentials() {
    Map<String, String> vars = new HashMap<>(env.environment());
    if (globals.username != null) {
      vars.put(Credentials.ENV_USERNAME, globals.username);
    }
    if (globals.passwordStdin) {
      String secret = readSecretFromStdin();
      vars.remove(Credentials.ENV_TOKEN);
      vars.remove(Credentials.ENV_PASSWORD);
      vars.put(secret.startsWith("dckr_") ? Credentials.ENV_TOKEN : Credentials.ENV_PASSWORD, secret);
    }
    try {
      return Credentials.fromEnvironment(vars);
    } catch (IllegalStateException e) {
      throw new UsageException("no credentials: " + e.getMessage() + (globals.passwordStdin ? "" : " (or pass "
          + "--password-stdin)"));
    }
  }

  private String readSecretFromStdin() {
    try {
      String line = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isBlank()) {
        throw new UsageException("--password-stdin: stdin is empty");
      }
      return line.strip();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read stdin", e);
    }
  }

  void printJson(Object value) throws IOException {
    Json.MAPPER.writeValue(env.out(), value);
    env.out().println();
  }

  Progress progress() {
    return new Progress(env.err(), env.interactive(), hub());
  }
}
