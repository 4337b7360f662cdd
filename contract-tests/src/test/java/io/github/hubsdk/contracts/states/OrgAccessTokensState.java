package io.github.hubsdk.contracts.states;

/** Provider states of the org-access-tokens tag. */
public final class OrgAccessTokensState {

  /**
   * User 'hubsdk' owns 'hubsdk-org' (Team or Business plan), which has one access token; values: org, id (of
   * that token), label (for a token to create; live runs delete every token labelled so), bearer.
   */
  public static final String ORG_WITH_OAT = "organization 'hubsdk-org' owned by 'hubsdk' has an access token";

  private OrgAccessTokensState() {
  }
}
