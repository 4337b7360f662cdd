package io.github.hubsdk.cli;

import picocli.CommandLine.Option;

/** The options every command takes. None of them carries a secret: secrets come from the environment or stdin. */
final class Globals {

  /** How results are written. */
  enum Output { table, json }

  @Option(names = "--base-url", paramLabel = "URL", defaultValue = "https://hub.docker.com",
      description = "Docker Hub's API, or the emulator or a proxy (default: ${DEFAULT-VALUE}).")
  String baseUrl;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table (aligned, for people) or json (for scripts). Default: ${DEFAULT-VALUE}.")
  Output output;

  @Option(names = "--password-stdin", description = "Read the token or password from the first line of stdin "
      + "(like docker login) instead of DOCKERHUB_TOKEN / DOCKERHUB_PASSWORD.")
  boolean passwordStdin;

  @Option(names = {"-u", "--username"}, paramLabel = "NAME",
      description = "The Docker ID or organization to log in as (default: DOCKERHUB_USERNAME).")
  String username;

  @Option(names = {"-v", "--verbose"}, description = "Log the SDK's requests (secrets redacted) and show stack traces.")
  boolean verbose;

  boolean json() {
    return output == Output.json;
  }
}
