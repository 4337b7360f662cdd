package io.github.hubsdk.contracts.states;

/** Provider states of the authentication tag (createAuthToken, login, login2fa). */
public final class AuthenticationState {

  /** Values: username, password. */
  public static final String USER_2FA = "user 'hubsdk-2fa' exists with two-factor authentication";
  /** Values: login2faToken, code. */
  public static final String PENDING_2FA = "user 'hubsdk-2fa' has a pending two-factor login";
  /** Repeated failed logins locked the account, so even its right password is refused; values: username, password. */
  public static final String LOCKED_OUT = "user 'hubsdk' is locked out after repeated failed logins";

  private AuthenticationState() {
  }
}
