package io.github.hubsdk.contracts.states;

/** Provider states of the org-settings tag. */
public final class OrgSettingsState {

  /** Values: org, bearer. */
  public static final String ORG_BUSINESS = "organization 'hubsdk-org' on the Business plan is owned by user 'hubsdk'";
  /** Values: org, bearer. */
  public static final String ORG_TEAM = "organization 'hubsdk-team' on the Team plan is owned by user 'hubsdk'";

  private OrgSettingsState() {
  }
}
