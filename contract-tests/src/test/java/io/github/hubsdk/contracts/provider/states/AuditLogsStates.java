package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.AuditLogsState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.openapi.model.RpcStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The states of the audit-logs tag on the emulator. */
public final class AuditLogsStates extends EmulatorStatesSupport {

  private static final String PUSHED_DIGEST = "sha256:" + "ab".repeat(32);

  public AuditLogsStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(AUDIT)
  Map<String, Object> auditEvents() {
    Instant now = hub.clock().instant();
    hub.seed(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      s.auditEvent("hubsdk-org", "repo.tag.push", "hubsdk-org/web", DockerHubEmulator.DEFAULT_USERNAME,
          now.minus(Duration.ofHours(2)), Map.of("tag", "latest", "digest", PUSHED_DIGEST));
    });
    return withBearer(password(), "account", "hubsdk-org");
  }

  /** The emulator cannot fail on its own: an expectation answers the gRPC gateway's 500 once. */
  @State(AUDIT_FAILING)
  Map<String, Object> failing() {
    hub.seed(s -> s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME));
    hub.expect().operation("listAuditLogs").andReturn(500, new RpcStatus().code(13).message("internal error")
        .details(java.util.List.of())).once();
    return withBearer(password(), "account", "hubsdk-org");
  }
}
