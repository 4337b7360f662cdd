package io.github.hubsdk.client;

import io.github.hubsdk.client.error.TwoFactorRequiredException;
import io.github.hubsdk.openapi.api.AuthenticationApi;
import io.github.hubsdk.openapi.model.AuthTokenRequest;
import io.github.hubsdk.openapi.model.LoginRequest;
import io.github.hubsdk.openapi.model.TwoFactorLoginRequest;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the client obtains its JWT. Immutable; {@link #toString()} never shows the secret.
 *
 * <p>{@code password}, {@code personalAccessToken} and {@code organizationAccessToken} all log in with
 * {@code POST /v2/auth/token}, the recommended login; {@code legacyLogin} uses the deprecated
 * {@code POST /v2/users/login} with its two-factor step; {@code bearer} uses a JWT obtained elsewhere and
 * cannot be renewed. Note that a JWT obtained with a personal access token cannot manage personal access
 * tokens (the server answers 403, see
 * {@link io.github.hubsdk.client.error.PasswordLoginRequiredException}).
 */
public abstract class Credentials {

  private final String kind;
  private final String identifier;

  Credentials(String kind, String identifier) {
    this.kind = kind;
    this.identifier = identifier;
  }

  /**
   * A username and password, exchanged at {@code POST /v2/auth/token}.
   *
   * @param username the Docker ID
   * @param password the password
   * @return the credentials
   */
  public static Credentials password(String username, String password) {
    return new AuthToken("password", Checks.notBlank("username", username), Checks.notBlank("password", password));
  }

  /**
   * A username and personal access token (PAT), exchanged at {@code POST /v2/auth/token}.
   *
   * @param username the Docker ID that owns the token
   * @param token the PAT ({@code dckr_pat_...})
   * @return the credentials
   */
  public static Credentials personalAccessToken(String username, String token) {
    return new AuthToken("personalAccessToken", Checks.notBlank("username", username),
        Checks.notBlank("personal access token", token));
  }

  /**
   * An organization name and organization access token (OAT), exchanged at {@code POST /v2/auth/token}.
   *
   * @param organization the organization's name
   * @param token the OAT ({@code dckr_oat_...})
   * @return the credentials
   */
  public static Credentials organizationAccessToken(String organization, String token) {
    return new AuthToken("organizationAccessToken", Checks.notBlank("organization", organization),
        Checks.notBlank("organization access token", token));
  }

  /**
   * The deprecated {@code POST /v2/users/login}. When the account has two-factor authentication, the
   * server answers 401 with a one-time token and the client completes the login at
   * {@code POST /v2/users/2fa-login} with a code from {@code twoFactorCode}, which is asked each time the
   * client logs in (codes are single-use).
   *
   * @param username the Docker ID
   * @param password the password or a personal access token
   * @param twoFactorCode supplies the current TOTP code; null when the account has no second factor
   * @return the credentials
   */
  public static Credentials legacyLogin(String username, String password, Supplier<String> twoFactorCode) {
    return new Legacy(Checks.notBlank("username", username), Checks.notBlank("password", password), twoFactorCode);
  }

  /**
   * A JWT obtained elsewhere, sent as is. It cannot be renewed: once it expires, calls fail with
   * {@link io.github.hubsdk.client.error.UnauthorizedException}.
   *
   * @param jwt the token
   * @return the credentials
   */
  public static Credentials bearer(String jwt) {
    return new Bearer(Checks.notBlank("jwt", jwt));
  }

  /** The variable with the Docker ID (or organization name for an organization access token). */
  public static final String ENV_USERNAME = "DOCKERHUB_USERNAME";
  /** The variable with a personal or organization access token; preferred over a password. */
  public static final String ENV_TOKEN = "DOCKERHUB_TOKEN";
  /** The variable with a password, used when no token is set. */
  public static final String ENV_PASSWORD = "DOCKERHUB_PASSWORD";

  /**
   * Credentials the way CI passes them: {@value #ENV_USERNAME} and {@value #ENV_TOKEN} (a
   * {@code dckr_oat_...} token is an organization access token, the username then being the organization;
   * any other is a personal access token), or {@value #ENV_USERNAME} and {@value #ENV_PASSWORD}.
   *
   * @return the credentials
   * @throws IllegalStateException when the variables are missing; the message names them, never a value
   */
  public static Credentials fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * {@link #fromEnvironment()} over the given variables, e.g. a test's map.
   *
   * @param env variable names to values
   * @return the credentials
   * @throws IllegalStateException when the variables are missing
   */
  public static Credentials fromEnvironment(java.util.Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    String user = blankToNull(env.get(ENV_USERNAME));
    String token = blankToNull(env.get(ENV_TOKEN));
    String password = blankToNull(env.get(ENV_PASSWORD));
    if (user == null || (token == null && password == null)) {
      throw new IllegalStateException("set " + ENV_USERNAME + " and " + ENV_TOKEN + " (a personal or organization"
          + " access token) or " + ENV_PASSWORD + (user == null ? "; " + ENV_USERNAME + " is not set"
          : "; neither " + ENV_TOKEN + " nor " + ENV_PASSWORD + " is set"));
    }
    if (token != null) {
      return token.startsWith("dckr_oat_") ? organizationAccessToken(user, token) : personalAccessToken(user, token);
    }
    return password(user, password);
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.trim();
  }

  /**
   * The non-secret identifier: username or organization name, or {@code "bearer"} for a JWT.
   *
   * @return the identifier
   */
  public String identifier() {
    return identifier;
  }

  /** Obtains a fresh JWT; the only place that sends the secret. */
  /** Logs in; every secret handed out on the way (a 2FA code) is added to {@code secrets}. */
  abstract String obtainToken(AuthenticationApi auth, Secrets secrets);

  /** Adds the secret this holds to the client's list of what must never be shown. */
  abstract void registerSecrets(Secrets secrets);

  /** Whether {@link #obtainToken} can produce a new token when the current one expires. */
  boolean renewable() {
    return true;
  }

  @Override
  public final String toString() {
    return "Credentials." + kind + "(" + identifier + ", ****)";
  }

  private static final class AuthToken extends Credentials {
    private final String secret;

    AuthToken(String kind, String identifier, String secret) {
      super(kind, identifier);
      this.secret = secret;
    }

    @Override
    String obtainToken(AuthenticationApi auth, Secrets secrets) {
      return auth.createAuthToken(new AuthTokenRequest().identifier(identifier()).secret(secret)).getAccessToken();
    }

    @Override
    void registerSecrets(Secrets secrets) {
      secrets.addFixed(secret);
    }
  }

  private static final class Legacy extends Credentials {
    private final String password;
    private final Supplier<String> twoFactorCode;

    Legacy(String username, String password, Supplier<String> twoFactorCode) {
      super("legacyLogin", username);
      this.password = password;
      this.twoFactorCode = twoFactorCode;
    }

    @Override
    void registerSecrets(Secrets secrets) {
      secrets.addFixed(password);
    }

    @Override
    @SuppressWarnings("deprecation")
    String obtainToken(AuthenticationApi auth, Secrets secrets) {
      try {
        return auth.login(new LoginRequest().username(identifier()).password(password)).getToken();
      } catch (TwoFactorRequiredException e) {
        if (twoFactorCode == null) {
          throw e;
        }
        String code = Checks.notBlank("two-factor code", twoFactorCode.get());
        secrets.addIssued(code);
        return auth.login2fa(new TwoFactorLoginRequest().login2faToken(e.login2faToken()).code(code)).getToken();
      }
    }
  }

  private static final class Bearer extends Credentials {
    private final String jwt;

    Bearer(String jwt) {
      super("bearer", "bearer");
      this.jwt = Objects.requireNonNull(jwt);
    }

    @Override
    String obtainToken(AuthenticationApi auth, Secrets secrets) {
      return jwt;
    }

    @Override
    void registerSecrets(Secrets secrets) {
      secrets.addFixed(jwt);
    }

    @Override
    boolean renewable() {
      return false;
    }
  }
}
