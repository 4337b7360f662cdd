package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.openapi.model.RpcStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The states of the audit-logs tag. */
public final class AuditLogsStates extends TagStates {

  private static final String PUSHED_DIGEST = "sha256:" + "ab".repeat(32);

  AuditLogsStates(DockerHubEmulator hub) {
    super(hub);
  }

  /** Values: account, bearer. */
  @ProviderState("organization 'hubsdk-org' owned by user 'hubsdk' has audit log events")
  Map<String, Object> auditEvents() {
    Instant now = hub.clock().instant();
    hub.seedUntilReset(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      s.auditEvent("hubsdk-org", "repo.tag.push", "hubsdk-org/web", DockerHubEmulator.DEFAULT_USERNAME,
          now.minus(Duration.ofHours(2)), Map.of("tag", "latest", "digest", PUSHED_DIGEST));
    });
    return withBearer(password(), "account", "hubsdk-org");
  }

  /** The emulator cannot fail on its own: an expectation answers the gRPC gateway's 500 once. Values: account, bearer. */
  @ProviderState("the audit log service of organization 'hubsdk-org' fails")
  Map<String, Object> failing() {
    hub.seedUntilReset(s -> s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME));
    hub.expect().operation("listAuditLogs").andReturn(500, new RpcStatus().code(13).message("internal error")
        .details(List.of())).once();
    return withBearer(password(), "account", "hubsdk-org");
  }
}
