package io.github.hubsdk.contracts.states;

/** Provider states of the groups tag. */
public final class GroupsState {

  /**
   * User 'hubsdk' owns organization 'hubsdk-org', which has no group of the name in {@code name}; values: org,
   * name (a free group name; live: labelled for the run, deleted after it), bearer.
   */
  public static final String OWNS_ORG = "user 'hubsdk' owns organization 'hubsdk-org'";
  /**
   * Organization 'hubsdk-org' (owned by 'hubsdk') has group 'hubsdk-team' with member 'hubsdk'; values: org, group,
   * username, bearer.
   */
  public static final String GROUP_WITH_MEMBER = "organization 'hubsdk-org' has group 'hubsdk-team' with member 'hubsdk'";
  /** The same group without members; values: org, group, username (an org member to add), bearer. */
  public static final String EMPTY_GROUP = "organization 'hubsdk-org' has group 'hubsdk-team' without members";

  /** The group exists, and the next addGroupMember fails on the server's side (500); values as {@link #EMPTY_GROUP}. */
  public static final String ADD_MEMBER_FAILING = "adding a member to group 'hubsdk-team' of 'hubsdk-org' fails";

  private GroupsState() {
  }
}
