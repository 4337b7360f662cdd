package io.github.hubsdk.contracts.states;

/** Provider states of the access-tokens tag. */
public final class AccessTokensState {

  /** Values: uuid, bearer (a JWT from a password login). */
  public static final String PAT = "personal access token 'ci-token' exists";
  /** Values: bearer, a JWT from a PAT login. */
  public static final String PAT_JWT = "user 'hubsdk' is authenticated with a JWT issued from personal access token 'ci-token'";

  private AccessTokensState() {
  }
}
