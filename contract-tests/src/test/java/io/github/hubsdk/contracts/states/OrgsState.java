package io.github.hubsdk.contracts.states;

/** Provider states of the orgs tag (organization members). */
public final class OrgsState {

  /**
   * 'hubsdk-org' has the owner 'hubsdk' and the member 'hubsdk-member' (live: the configured throw-away member);
   * values: org, owner, username (the member), bearer (the owner's).
   */
  public static final String ORG_WITH_MEMBER = "organization 'hubsdk-org' has the owner 'hubsdk' and a member";

  /** The name of the member on the emulator. */
  public static final String MEMBER = "hubsdk-member";

  private OrgsState() {
  }
}
