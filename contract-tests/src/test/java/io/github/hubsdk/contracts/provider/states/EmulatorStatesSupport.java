package io.github.hubsdk.contracts.provider.states;

import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/**
 * What the in-process state classes share: the emulator of the interaction being verified (a fresh one each
 * time, so a class is made per interaction) and the one implementation of every state, the emulator's own
 * ({@code io.github.hubsdk.emulator.pact}, also served at {@code POST /_emulator/pact/provider-states}). The
 * {@code @State} methods here only bind pact-jvm's JUnit 5 runner to it by name.
 */
abstract class EmulatorStatesSupport {

  protected final DockerHubEmulator hub;

  protected EmulatorStatesSupport(DockerHubEmulator hub) {
    this.hub = hub;
  }

  /** Sets the state up through the emulator's implementation and returns its values. */
  protected Map<String, Object> setup(String state, Map<String, Object> params) {
    return hub.providerStates().setup(state, params);
  }
}
