package io.github.hubsdk.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import io.github.hubsdk.contracts.Contract;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import org.junit.jupiter.api.Test;

/** Every interaction the consumer tests recorded conforms to docker-hub-api.yaml. */
class PactSpecConformanceIT {

  @Test
  void everyInteractionConformsToTheSpec() {
    Pact pact = DefaultPactReader.INSTANCE.loadPact(Contract.pactFile().toFile());
    assertThat(ConsumerInteractions.differences(pact)).as("%s against the consumer tests", Contract.pactFile())
        .isEmpty();
    assertThat(SpecConformance.ofSpec().problems(pact)).as("interactions that do not conform to the spec").isEmpty();
  }
}
