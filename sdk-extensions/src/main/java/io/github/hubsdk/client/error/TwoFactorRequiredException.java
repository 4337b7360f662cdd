package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;

/**
 * {@code POST /v2/users/login} accepted the password but the account has two-factor authentication:
 * the login must be completed with {@code POST /v2/users/2fa-login}. The SDK does this itself when the
 * credentials carry a code supplier; this exception reaches the caller only when they do not.
 */
public class TwoFactorRequiredException extends LoginFailedException {

  private static final long serialVersionUID = 1L;

  private final transient String login2faToken;

  /**
   * Creates an exception.
   *
   * @param message human-readable description, free of secrets
   * @param status HTTP status (401)
   * @param operation the login operation's operationId
   * @param errorBody the decoded error body with its one-time token removed, or null
   * @param rateLimit the {@code X-RateLimit-*} values of the answer, or null
   * @param login2faToken the one-time token for the second step
   */
  public TwoFactorRequiredException(String message, int status, String operation, Object errorBody,
      RateLimit rateLimit, String login2faToken) {
    super(message, status, operation, errorBody, rateLimit, null);
    this.login2faToken = login2faToken;
  }

  /**
   * The one-time token to send with the code to {@code POST /v2/users/2fa-login}. It is a secret: it is
   * kept out of the message, {@link #toString()} and the error body on purpose; do not log it.
   *
   * @return the token
   */
  public String login2faToken() {
    return login2faToken;
  }
}
