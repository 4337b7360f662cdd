package io.github.hubsdk.contracts.provider;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import io.github.hubsdk.contracts.catalogue.TagClasses;
import io.github.hubsdk.contracts.provider.states.CallerStates;
import io.github.hubsdk.emulator.DockerHubEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Verification against a fresh hub-emulator per interaction, so that no state leaks from one interaction into
 * the next. The provider states are {@code provider.states.CallerStates} and one {@code <Tag>States} class per
 * tag of the spec, made for that emulator and registered on the context. Subclasses choose where the pacts
 * come from.
 */
public abstract class EmulatorVerification extends ProviderVerification {

  private DockerHubEmulator hub;

  @BeforeEach
  void freshEmulator(PactVerificationContext context) {
    if (hub != null) {
      hub.close();
    }
    hub = DockerHubEmulator.builder().threads(2).start();
    context.setTarget(target(hub.baseUrl()));
    context.withStateChangeHandlers(TagClasses.instances(CallerStates.class, DockerHubEmulator.class, hub).toArray());
  }

  @AfterAll
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }
}
