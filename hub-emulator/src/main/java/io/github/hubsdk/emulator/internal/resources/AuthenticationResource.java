package io.github.hubsdk.emulator.internal.resources;

import static io.github.hubsdk.emulator.internal.auth.Who.ANONYMOUS;

import io.github.hubsdk.emulator.internal.auth.Authenticator;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Require;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.state.Accounts.User;
import io.github.hubsdk.emulator.internal.state.Logins.PendingTwoFactor;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.emulator.internal.state.Tokens.Token;
import io.github.hubsdk.openapi.model.AuthTokenRequest;
import io.github.hubsdk.openapi.model.AuthTokenResponse;
import io.github.hubsdk.openapi.model.LoginRequest;
import io.github.hubsdk.openapi.model.LoginResponse;
import io.github.hubsdk.openapi.model.TwoFactorLoginRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code authentication} tag: {@code /v2/auth/token} (passwords, PATs, OATs), the deprecated
 * {@code /v2/users/login} and its second factor. Every failure counts towards the identifier's lock-out;
 * while locked, every login of it answers 429, even a correct one.
 */
final class AuthenticationResource {

  private static final Duration TWO_FACTOR_TTL = Duration.ofMinutes(5);

  private final HubContext hub;
  private final Store store;
  private final Authenticator auth;

  AuthenticationResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
    this.auth = hub.auth();
  }

  @Handles(value = "createAuthToken", callers = ANONYMOUS)
  Reply createAuthToken(Call c) {
    AuthTokenRequest body = c.body(AuthTokenRequest.class);
    String identifier = Require.present("identifier", body.getIdentifier());
    String secret = Require.present("secret", body.getSecret());
    refuseWhileLocked(identifier);
    User user = store.accounts().user(identifier);
    if (user != null && secret.equals(user.password)) {
      if (user.twoFactorCode != null) {
        // The live Hub does not take a bare password for a 2FA account here; PATs are the way in.
        throw HubError.unauthorized(Texts.TWO_FACTOR_NEEDS_TOKEN);
      }
      auth.succeeded(identifier);
      return Reply.ok(new AuthTokenResponse().accessToken(auth.issuePassword(identifier)));
    }
    Token token = auth.accessTokenLogin(identifier, secret, true);
    if (token != null) {
      auth.succeeded(identifier);
      return Reply.ok(new AuthTokenResponse().accessToken(auth.issueFor(token)));
    }
    auth.failed(identifier);
    throw HubError.unauthorized(Texts.WRONG_CREDENTIALS);
  }

  @Handles(value = "login", callers = ANONYMOUS)
  Reply login(Call c) {
    LoginRequest body = c.body(LoginRequest.class);
    String username = Require.present("username", body.getUsername());
    String password = Require.present("password", body.getPassword());
    refuseWhileLocked(username);
    User user = store.accounts().user(username);
    if (user != null && password.equals(user.password)) {
      if (user.twoFactorCode != null) {
        String pending = "2fa-" + UUID.randomUUID();
        store.logins().addPending(pending, new PendingTwoFactor(username, hub.now().plus(TWO_FACTOR_TTL)));
        throw HubError.unauthorized(Texts.SECOND_FACTOR_REQUIRED).withLogin2faToken(pending);
      }
      auth.succeeded(username);
      return Reply.ok(new LoginResponse().token(auth.issuePassword(username)));
    }
    // Organization tokens only log in through /v2/auth/token.
    Token token = auth.accessTokenLogin(username, password, false);
    if (token != null) {
      auth.succeeded(username);
      return Reply.ok(new LoginResponse().token(auth.issueFor(token)));
    }
    auth.failed(username);
    throw HubError.unauthorized(Texts.WRONG_CREDENTIALS);
  }

  @Handles(value = "login2fa", callers = ANONYMOUS)
  Reply login2fa(Call c) {
    TwoFactorLoginRequest body = c.body(TwoFactorLoginRequest.class);
    String pendingToken = Require.present("login_2fa_token", body.getLogin2faToken());
    String code = Require.present("code", body.getCode());
    PendingTwoFactor pending = store.logins().pending(pendingToken);
    if (pending == null || !hub.now().isBefore(pending.expiresAt())
        || store.accounts().user(pending.username()) == null) {
      store.logins().removePending(pendingToken);
      throw HubError.unauthorized(Texts.BAD_2FA_TOKEN);
    }
    refuseWhileLocked(pending.username());
    if (!code.equals(store.accounts().user(pending.username()).twoFactorCode)) {
      auth.failed(pending.username());
      throw HubError.unauthorized(Texts.BAD_2FA_CODE);
    }
    store.logins().removePending(pendingToken);
    auth.succeeded(pending.username());
    return Reply.ok(new LoginResponse().token(auth.issuePassword(pending.username())));
  }

  private void refuseWhileLocked(String identifier) {
    Instant until = auth.lockedUntil(identifier);
    if (until != null) {
      throw HubError.tooMany(until, Texts.LOCKED_OUT);
    }
  }
}
