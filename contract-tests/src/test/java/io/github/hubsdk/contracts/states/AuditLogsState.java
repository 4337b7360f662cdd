package io.github.hubsdk.contracts.states;

/** Provider states of the audit-logs tag. */
public final class AuditLogsState {

  /** Values: account, bearer. */
  public static final String AUDIT = "organization 'hubsdk-org' owned by user 'hubsdk' has audit log events";

  private AuditLogsState() {
  }
}
