package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.AuditLogsState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the audit-logs tag; implemented in {@link io.github.hubsdk.emulator.pact.AuditLogsStates}. */
public final class AuditLogsStates extends EmulatorStatesSupport {

  public AuditLogsStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(AUDIT)
  Map<String, Object> auditEvents(Map<String, Object> params) {
    return setup(AUDIT, params);
  }

  @State(AUDIT_FAILING)
  Map<String, Object> failing(Map<String, Object> params) {
    return setup(AUDIT_FAILING, params);
  }
}
