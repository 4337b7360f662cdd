package io.github.hubsdk.contracts.states;

/** Provider states of the accounts tag. */
public final class AccountsState {

  /** User 'hubsdk' belongs to organization 'hubsdk-org'; values: username, org, bearer. */
  public static final String MEMBER_OF_ORG = "user 'hubsdk' belongs to organization 'hubsdk-org'";

  private AccountsState() {
  }
}
