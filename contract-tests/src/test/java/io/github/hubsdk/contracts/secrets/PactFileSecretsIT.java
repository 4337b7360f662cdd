package io.github.hubsdk.contracts.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.contracts.Contract;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The written pacts hold no secret: not the passwords and codes the consumer tests hand to the SDK, not
 * those the provider states use, not the live credentials, and no token other than the fake examples
 * ({@link PactSecrets#knownSecrets()}). {@code Broker1PublishPactsIT} runs the same scan before it uploads.
 */
class PactFileSecretsIT {

  @Test
  void pactFilesContainNoSecret() throws IOException {
    assertThat(PactSecrets.scanPactDir()).as("secrets in the pact files of %s", Contract.pactDir()).isEmpty();
  }
}
