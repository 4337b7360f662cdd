package io.github.hubsdk.emulator.internal.control;

import static io.github.hubsdk.emulator.internal.control.ControlApi.JSON;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.internal.http.RawResponse;
import io.github.hubsdk.emulator.pact.ProviderStates;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /_emulator/pact/provider-states}: the Pact state-change protocol. The body is
 * {@code {"state": <name>, "params": {...}, "action": "setup"|"teardown"}}; a setup answers the values the
 * interaction's provider-state expressions need ({@code bearer}, ids, names) as one JSON object.
 *
 * <p>Each interaction starts from the seeded state without the verifier having to ask: the first setup after
 * any Docker Hub request (or after a teardown) resets the emulator first, so states of one interaction
 * ({@code given(A).given(B)}) build on each other while interactions never see each other's leftovers, with
 * or without teardown calls. Requests a state makes to the emulator itself while it sets up do not count.
 */
final class ProviderStatesEndpoint {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final DockerHubEmulator hub;
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final AtomicInteger settingUp = new AtomicInteger();

  ProviderStatesEndpoint(DockerHubEmulator hub) {
    this.hub = hub;
  }

  void apiRequestSeen() {
    if (settingUp.get() == 0) {
      dirty.set(true);
    }
  }

  void resetDone() {
    dirty.set(false);
  }

  RawResponse handle(JsonNode body) {
    String action = body.path("action").asText("setup");
    String state = body.path("state").asText("");
    Map<String, Object> params = body.path("params").isObject() ? JSON.convertValue(body.get("params"), MAP) : Map.of();
    switch (action) {
      case "teardown" -> {
        dirty.set(true);
        return Answers.json(200, JSON.createObjectNode());
      }
      case "setup" -> {
        // The state-change protocol serializes one interaction's calls; one monitor keeps a concurrent
        // verifier from resetting under another's setup.
        synchronized (this) {
          if (dirty.getAndSet(false)) {
            hub.reset();
          }
          if (state.isBlank()) {
            return Answers.json(200, JSON.createObjectNode());
          }
          ProviderStates states = hub.providerStates();
          if (!states.names().contains(state)) {
            throw new ControlError(400, "unknown_state", "no provider state '" + state + "'; known: "
                + new java.util.TreeSet<>(states.names()));
          }
          settingUp.incrementAndGet();
          try {
            Map<String, Object> values = states.setup(state, params);
            ObjectNode out = JSON.valueToTree(values);
            return Answers.json(200, out);
          } finally {
            settingUp.decrementAndGet();
          }
        }
      }
      default -> throw ControlError.badRequest("action must be setup or teardown: " + action);
    }
  }
}
