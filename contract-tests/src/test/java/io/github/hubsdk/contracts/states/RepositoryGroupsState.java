package io.github.hubsdk.contracts.states;

/**
 * Provider states of the repository-group operations (tag {@code repositories}: a team's permission on a
 * repository). Kept apart from the rest of the tag's states so that the two halves of the tag can grow
 * independently; both sides implement them in the tag's classes ({@code RepositoriesStates}).
 */
public final class RepositoryGroupsState {

  /**
   * Organization 'hubsdk-org' (owned by 'hubsdk') has repository 'hubsdk-web' and group 'hubsdk-team', which
   * has no permission on it; values: namespace, repository, group_id (a number), bearer.
   */
  public static final String REPO_AND_GROUP =
      "organization 'hubsdk-org' has repository 'hubsdk-web' and group 'hubsdk-team' without access to it";
  /** The same, the group having write access to the repository; values as {@link #REPO_AND_GROUP}. */
  public static final String GROUP_CAN_WRITE =
      "group 'hubsdk-team' of 'hubsdk-org' has write access to repository 'hubsdk-web'";

  private RepositoryGroupsState() {
  }
}
