package io.github.hubsdk.emulator.pact;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** The states of the authentication tag (createAuthToken, login, login2fa). */
public final class AuthenticationStates extends TagStates {

  /** The password of the 2FA user these states seed (no pact may contain it). */
  public static final String TWO_FACTOR_PASSWORD = "emulator-2fa-password";
  /** The second factor code these states accept (no pact may contain it). */
  public static final String TWO_FACTOR_CODE = "246810";
  /** More failed logins than any lock-out threshold worth emulating; the state stops at the first 429. */
  private static final int MAX_FAILED_LOGINS = 50;

  AuthenticationStates(DockerHubEmulator hub) {
    super(hub);
  }

  /** Values: username, password. */
  @ProviderState("user 'hubsdk-2fa' exists with two-factor authentication")
  Map<String, Object> twoFactorUser() {
    hub.seedUntilReset(s -> s.user("hubsdk-2fa", TWO_FACTOR_PASSWORD).twoFactor(TWO_FACTOR_CODE));
    return values("username", "hubsdk-2fa", "password", TWO_FACTOR_PASSWORD);
  }

  /** Values: login2faToken, code. */
  @ProviderState("user 'hubsdk-2fa' has a pending two-factor login")
  Map<String, Object> pendingTwoFactorLogin() {
    twoFactorUser();
    JsonNode answer = post("/v2/users/login",
        "{\"username\":\"hubsdk-2fa\",\"password\":\"" + TWO_FACTOR_PASSWORD + "\"}", 401);
    String login2faToken = answer.path("login_2fa_token").asText();
    if (login2faToken.isBlank()) {
      // An empty token would be injected into the login2fa request and fail there, far from the cause.
      throw new IllegalStateException("the emulator's 2FA challenge carried no login_2fa_token");
    }
    return values("login2faToken", login2faToken, "code", TWO_FACTOR_CODE);
  }

  /** Fails logins until the emulator locks the account, whatever its configured threshold. Values: username, password. */
  @ProviderState("user 'hubsdk' is locked out after repeated failed logins")
  Map<String, Object> lockedOut() {
    String wrong = "{\"identifier\":\"" + DockerHubEmulator.DEFAULT_USERNAME + "\",\"secret\":\"not-the-password\"}";
    for (int attempt = 1; postStatus("/v2/auth/token", wrong) != 429; attempt++) {
      if (attempt == MAX_FAILED_LOGINS) {
        throw new IllegalStateException("state setup: " + attempt + " failed logins did not lock the account");
      }
    }
    return values("username", DockerHubEmulator.DEFAULT_USERNAME, "password", DockerHubEmulator.DEFAULT_PASSWORD);
  }
}
