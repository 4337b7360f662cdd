package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.AuditLogsState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import java.util.Map;
import java.util.Optional;

/** The audit-logs states on the live Hub: the configured organization has a history of its own. */
public final class LiveAuditLogsStates extends LiveStates {

  public LiveAuditLogsStates(LiveSession live) {
    super(live);
  }

  @State(AUDIT)
  Map<String, Object> audit() {
    return withBearer(live.jwt(), "account", live.config().org());
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    return interaction.getProviderStates().stream().anyMatch(s -> AUDIT_FAILING.equals(s.getName()))
        ? Optional.of("a failure of Docker Hub's audit log service cannot be caused on purpose; verified against the"
            + " emulator only")
        : Optional.empty();
  }
}
