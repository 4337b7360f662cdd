package io.github.hubsdk.contracts.broker;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.pactbroker.PactBrokerClient;
import au.com.dius.pact.core.pactbroker.PactBrokerClientConfig;
import au.com.dius.pact.core.support.Result;
import au.com.dius.pact.core.model.DefaultPactReader;
import io.github.hubsdk.contracts.Contract;
import io.github.hubsdk.contracts.secrets.PactSecrets;
import io.github.hubsdk.contracts.spec.SpecConformance;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Publishes the pacts the consumer tests wrote to the Pact Broker. Runs only in the {@code pact-broker}
 * profile, which is active when {@code PACT_BROKER_BASE_URL} is set (failsafe runs the Broker*IT classes in
 * name order: publish, then verify). Failsafe runs them before {@code PactFileSecretsIT} and
 * {@code PactSpecConformanceIT} and goes on after a failure, so the upload is gated here on the same secret
 * scan and spec conformance check: nothing is published unless both are clean.
 */
class Broker1PublishPactsIT {

  @Test
  void publishPacts() throws IOException {
    assertThat(PactSecrets.scanPactDir()).as("secrets in the pact files (not publishing)").isEmpty();
    assertThat(SpecConformance.ofSpec().problems(DefaultPactReader.INSTANCE.loadPact(Contract.pactFile().toFile())))
        .as("interactions that do not conform to the spec (not publishing)").isEmpty();
    String url = System.getProperty("pactbroker.url");
    String token = System.getProperty("pactbroker.auth.token", "");
    String version = System.getProperty("pact.consumer.version");
    assertThat(url).as("pactbroker.url").isNotBlank();
    assertThat(version).as("pact.consumer.version").isNotBlank();
    if (token.startsWith("${")) {
      token = ""; // an unresolved Maven expression is not a bearer
    }
    Map<String, Object> options = token.isBlank() ? Map.of() : Map.of("authentication", List.of("bearer", token));
    PactBrokerClient broker = new PactBrokerClient(url, options, new PactBrokerClientConfig());
    Result<String, Exception> result = broker.uploadPactFile(Contract.pactFile().toFile(), version,
        List.of(System.getProperty("pact.consumer.branch", "main")));
    assertThat(result).as("publishing %s to %s", Contract.pactFile(), url).isInstanceOf(Result.Ok.class);
  }
}
