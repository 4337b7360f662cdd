package io.github.hubsdk.emulator.internal.auth;

import io.github.hubsdk.emulator.internal.state.Logins.Failures;
import io.github.hubsdk.emulator.internal.state.ScimState;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.emulator.internal.state.Tokens.Token;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Bearer JWT → {@link Caller}, JWT issue, and the login lock-out. {@link #caller} only reads and may run
 * under the store's read lock; every other method changes state (a token's {@code last_used}, the login
 * bookkeeping) and runs under its write lock (the dispatcher and the emulator's shortcuts take it). Internal API.
 */
public final class Authenticator {

  private final Store store;
  private final Clock clock;
  private final Jwt jwt;
  private final Duration tokenTtl;
  private final int maxFailures;
  private final Duration lockout;

  public Authenticator(Store store, Clock clock, Jwt jwt, Duration tokenTtl, int maxFailures, Duration lockout) {
    this.store = store;
    this.clock = clock;
    this.jwt = jwt;
    this.tokenTtl = tokenTtl;
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  /** The store's time, to the millisecond (as the live Hub's timestamps). */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * The caller of a request with a valid bearer JWT whose principal (and access token) still exists.
   * Both {@code Bearer} and the older {@code JWT} scheme are accepted, as on the live Hub.
   *
   * @param authorization the Authorization header, or null
   * @return the caller, or null when there is none or it is not valid
   */
  public Caller caller(String authorization) {
    if (authorization == null) {
      return null;
    }
    int space = authorization.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String scheme = authorization.substring(0, space);
    if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("JWT")) {
      return null;
    }
    Jwt.Claims claims = jwt.verify(authorization.substring(space + 1).trim(), clock.instant());
    if (claims == null) {
      return null;
    }
    Who kind = switch (claims.authMethod()) {
      case "password" -> Who.PASSWORD;
      case "pat" -> Who.PAT;
      case "oat" -> Who.OAT;
      default -> null;
    };
    if (kind == null) {
      return null;
    }
    Token token = null;
    if (claims.patUuid() != null) {
      try {
        token = store.tokens().byUuid(UUID.fromString(claims.patUuid()));
      } catch (IllegalArgumentException e) {
        return null;
      }
      // Deleting or deactivating a token revokes the JWTs issued from it.
      if (token == null || !token.usableAt(clock.instant())) {
        return null;
      }
    }
    boolean exists = kind == Who.OAT ? store.accounts().org(claims.username()) != null
        : store.accounts().user(claims.username()) != null;
    return exists ? new Caller(claims.username(), kind, token) : null;
  }

  /**
   * The caller of a SCIM request: the organization whose SSO connection has this bearer as its SCIM token. A
   * Hub JWT is no SCIM token, and a SCIM token is no JWT ({@link #caller} refuses it).
   *
   * @param authorization the Authorization header, or null
   * @return the organization as caller, or null
   */
  public Caller scimCaller(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    ScimState.Directory dir = store.scim().byToken(authorization.substring(7).trim());
    if (dir == null || store.accounts().org(dir.org) == null) {
      return null;
    }
    return new Caller(dir.org, Who.SCIM, null);
  }

  /** A JWT for a password login of {@code username}. */
  public String issuePassword(String username) {
    return jwt.issue(username, "password", null, now(), tokenTtl.toSeconds());
  }

  /** A JWT for a login with {@code token} (personal or organization). */
  public String issueFor(Token token) {
    return jwt.issue(token.owner, token.organization ? "oat" : "pat", token.uuid.toString(), now(),
        tokenTtl.toSeconds());
  }

  /**
   * The access token a login presents as its secret, if it is usable and belongs to the identifier; marks it
   * used, as the live Hub updates {@code last_used} on every login with it.
   *
   * @param organizationAllowed false where only personal tokens log in ({@code /v2/users/login})
   * @return the token, or null
   */
  public Token accessTokenLogin(String identifier, String secret, boolean organizationAllowed) {
    Token token = store.tokens().bySecret(secret);
    Instant now = now();
    if (token == null || !token.owner.equals(identifier) || !token.usableAt(now)
        || (token.organization && !organizationAllowed)) {
      return null;
    }
    token.lastUsed = now;
    return token;
  }

  /** When the lock of an identifier ends, or null when it is not locked (an expired lock is forgotten). */
  public Instant lockedUntil(String identifier) {
    Failures f = store.logins().failures(identifier);
    if (f == null || f.lockedUntil == null) {
      return null;
    }
    if (!clock.instant().isBefore(f.lockedUntil)) {
      store.logins().forget(identifier);
      return null;
    }
    return f.lockedUntil;
  }

  /** Counts a failed login; the {@code maxFailures}-th in a row locks the identifier. */
  public void failed(String identifier) {
    if (maxFailures <= 0) {
      return;
    }
    Failures f = store.logins().failuresOrNew(identifier);
    f.count++;
    if (f.count >= maxFailures) {
      f.lockedUntil = clock.instant().plus(lockout);
    }
  }

  /** A successful login resets the failure count. */
  public void succeeded(String identifier) {
    store.logins().forget(identifier);
  }
}
