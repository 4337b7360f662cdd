package io.github.hubsdk.contracts.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.contracts.Contract;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The written pacts hold no secret: not the passwords and codes the consumer tests hand to the SDK, not
 * those the provider states use, not the live credentials, and no token other than the fake examples.
 */
class PactFileSecretsIT {

  @Test
  void pactFilesContainNoSecret() throws IOException {
    List<String> secrets = new ArrayList<>(List.of(Contract.CONSUMER_PASSWORD, Contract.CONSUMER_2FA_CODE,
        DockerHubEmulator.DEFAULT_PASSWORD, "emulator-2fa-password", "246810"));
    secrets.add(System.getenv("DOCKERHUB_PASSWORD"));
    secrets.add(System.getenv("DOCKERHUB_TOKEN"));
    List<String> files;
    try (Stream<java.nio.file.Path> s = Files.list(Contract.pactDir())) {
      files = s.filter(p -> p.toString().endsWith(".json")).map(Object::toString).toList();
    }
    assertThat(files).as("pact files in %s", Contract.pactDir()).isNotEmpty();
    for (String file : files) {
      String text = Files.readString(java.nio.file.Path.of(file));
      assertThat(PactSecrets.findings(text, secrets)).as("secrets in %s", file).isEmpty();
    }
  }
}
