package io.github.hubsdk.client;

import io.github.hubsdk.client.error.AccountLockedException;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.LoginFailedException;
import io.github.hubsdk.openapi.api.AuthenticationApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current JWT and renews it {@code refreshAhead} before its {@code exp}. One lock serialises
 * logins, so concurrent callers that find the token stale cause one login, not one each. A login the
 * server rejected is remembered and rethrown without another attempt: repeated failed logins lock the
 * account. A lock-out or rate limit (429) is remembered only for as long as the server asked to wait.
 * A token known to be expired is never sent: past its {@code exp}, the next call logs in first.
 */
final class TokenManager {

  private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
  /** Lifetime assumed for a token without a readable {@code exp}; Docker Hub's JWTs last about ten. */
  static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);
  /** Shortest time a fresh token is kept, even when it arrives inside its renewal margin. */
  static final Duration MIN_KEEP = Duration.ofSeconds(30);
  /** How long a 429 on login is honoured when it names no Retry-After (Docker Hub's lock-out lasts ~10 min). */
  static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(10);

  private final Credentials credentials;
  private final AuthenticationApi auth;
  private final Clock clock;
  private final Duration refreshAhead;
  private final Secrets secrets;
  private final ReentrantLock lock = new ReentrantLock();

  private volatile Token token;
  private volatile LoginFailedException rejected;
  private volatile Instant rejectedUntil;

  /** {@code expiresAt} is null when the JWT has no readable {@code exp}. */
  private record Token(String jwt, Instant renewAt, Instant expiresAt) {}

  TokenManager(Credentials credentials, AuthenticationApi auth, Clock clock, Duration refreshAhead, Secrets secrets) {
    this.credentials = credentials;
    this.secrets = secrets;
    this.auth = auth;
    this.clock = clock;
    this.refreshAhead = refreshAhead;
  }

  boolean renewable() {
    return credentials.renewable();
  }

  /** The JWT to send now, logging in first when there is none or it is about to expire. */
  String current() {
    Token t = token;
    if (t != null && isFresh(t)) {
      return t.jwt();
    }
    lock.lock();
    try {
      t = token;
      if (t != null && isFresh(t)) {
        return t.jwt();
      }
      t = login();
      token = t;
      if (t.expiresAt() != null && !clock.instant().isBefore(t.expiresAt())) {
        LOG.warn("the token just issued is already past its exp ({}) by this machine's clock; sending it once",
            t.expiresAt());
      }
      return t.jwt();
    } finally {
      lock.unlock();
    }
  }

  /** Drops {@code jwt} after the server refused it, unless another thread already replaced it. */
  void invalidate(String jwt) {
    if (!credentials.renewable() || jwt == null) {
      return;
    }
    lock.lock();
    try {
      Token t = token;
      if (t != null && t.jwt().equals(jwt)) {
        token = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private boolean isFresh(Token t) {
    return !credentials.renewable() || clock.instant().isBefore(t.renewAt());
  }

  private Token login() {
    LoginFailedException earlier = rejected;
    if (earlier != null && rejectedUntil != null && !clock.instant().isBefore(rejectedUntil)) {
      earlier = null; // the lock-out the server announced is over: one new attempt is allowed
      rejected = null;
      rejectedUntil = null;
    }
    if (earlier != null) {
      throw new LoginFailedException("an earlier login with " + credentials
          + " was rejected; not trying again, because repeated failed logins lock the account", earlier);
    }
    String jwt;
    try {
      LOG.debug("logging in with {}", credentials);
      jwt = credentials.obtainToken(auth, secrets);
    } catch (LoginFailedException e) {
      // Wrong credentials stay wrong: never again. A lock-out or rate limit ends: honour its Retry-After.
      rejectedUntil = e instanceof AccountLockedException
          ? clock.instant().plus(e.retryAfter().orElse(DEFAULT_LOCKOUT)) : null;
      rejected = e;
      throw e;
    } catch (DockerHubException e) {
      // Not sticky: a network or server failure says nothing about the credentials.
      throw new LoginFailedException("login with " + credentials + " failed: " + e.getMessage(), e);
    }
    if (jwt == null || jwt.isBlank()) {
      throw new LoginFailedException("login with " + credentials + " returned no token", 200, "login", null, null, null);
    }
    secrets.addIssued(jwt);
    Instant now = clock.instant();
    Instant exp = Jwt.expiry(jwt).orElse(null);
    Instant renewAt = exp == null ? now.plus(UNKNOWN_LIFETIME) : renewalTime(now, exp);
    LOG.debug("logged in as {}; token renewal due at {}", credentials.identifier(), renewAt);
    return new Token(jwt, renewAt, exp);
  }

  /**
   * When to renew a token expiring at {@code exp}: {@code refreshAhead} before it, unless that is already
   * past (a margin as long as the token's life, or a client clock ahead of the server's). Renewing at once
   * would then log in on every call, so the token is kept for half its remaining life, at least
   * {@link #MIN_KEEP}, but never past {@code exp}: a token known to be expired is not sent.
   */
  private Instant renewalTime(Instant now, Instant exp) {
    Instant ahead = exp.minus(refreshAhead);
    if (ahead.isAfter(now)) {
      return ahead;
    }
    Duration life = Duration.between(now, exp);
    Duration half = life.dividedBy(2);
    Duration keep = half.compareTo(MIN_KEEP) > 0 ? half : MIN_KEEP;
    if (keep.compareTo(life) > 0) {
      keep = life.isNegative() ? Duration.ZERO : life;
    }
    LOG.warn("the new token expires at {}, within the renewal margin of {} (clock skew?); keeping it for {}",
        exp, refreshAhead, keep);
    return now.plus(keep);
  }
}
