package io.github.hubsdk.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import io.github.hubsdk.contracts.Contract;
import org.junit.jupiter.api.Test;

/** Every interaction the consumer tests recorded conforms to docker-hub-api.yaml. */
class PactSpecConformanceIT {

  @Test
  void everyInteractionConformsToTheSpec() {
    Pact pact = DefaultPactReader.INSTANCE.loadPact(Contract.pactFile().toFile());
    assertThat(pact.getInteractions()).hasSizeGreaterThanOrEqualTo(Contract.MIN_INTERACTIONS);
    assertThat(SpecConformance.ofSpec().problems(pact)).as("interactions that do not conform to the spec").isEmpty();
  }
}
