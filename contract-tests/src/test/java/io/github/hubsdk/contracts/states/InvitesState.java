package io.github.hubsdk.contracts.states;

/** Provider states of the invites tag. */
public final class InvitesState {

  /**
   * 'hubsdk-org' (owned by 'hubsdk') has one pending invite; values: org, id (of the invite), invitee (someone
   * not invited yet), member (someone already in the organization), bearer.
   */
  public static final String PENDING_INVITE = "organization 'hubsdk-org' has a pending invite";
  /** 'hubsdk-org' has as many pending invites as it may have; values: org, invitee, bearer. */
  public static final String INVITES_FULL = "organization 'hubsdk-org' has the most pending invites it may have";

  private InvitesState() {
  }
}
