package io.github.hubsdk.contracts.states;

/** Provider states of the audit-logs tag. */
public final class AuditLogsState {

  /** Values: account, bearer. */
  public static final String AUDIT = "organization 'hubsdk-org' owned by user 'hubsdk' has audit log events";

  /** The audit log service of that organization fails (a 5xx); values: account, bearer. */
  public static final String AUDIT_FAILING = "the audit log service of organization 'hubsdk-org' fails";

  private AuditLogsState() {
  }
}
