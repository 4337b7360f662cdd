package io.github.hubsdk.client;

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
 * account.
 */
final class TokenManager {

  private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
  /** Lifetime assumed for a token without a readable {@code exp}; Docker Hub's JWTs last about ten. */
  static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);

  private final Credentials credentials;
  private final AuthenticationApi auth;
  private final Clock clock;
  private final Duration refreshAhead;
  private final ReentrantLock lock = new ReentrantLock();

  private volatile Token token;
  private volatile LoginFailedException rejected;

  private record Token(String jwt, Instant renewAt) {}

  TokenManager(Credentials credentials, AuthenticationApi auth, Clock clock, Duration refreshAhead) {
    this.credentials = credentials;
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
    if (earlier != null) {
      throw new LoginFailedException("an earlier login with " + credentials
          + " was rejected; not trying again, because repeated failed logins lock the account", earlier);
    }
    String jwt;
    try {
      LOG.debug("logging in with {}", credentials);
      jwt = credentials.obtainToken(auth);
    } catch (LoginFailedException e) {
      rejected = e;
      throw e;
    } catch (DockerHubException e) {
      // Not sticky: a network or server failure says nothing about the credentials.
      throw new LoginFailedException("login with " + credentials + " failed: " + e.getMessage(), e);
    }
    if (jwt == null || jwt.isBlank()) {
      throw new LoginFailedException("login with " + credentials + " returned no token", 200, "login", null, null, null);
    }
    Instant now = clock.instant();
    Instant renewAt = Jwt.expiry(jwt).map(exp -> exp.minus(refreshAhead)).orElse(now.plus(UNKNOWN_LIFETIME));
    LOG.debug("logged in as {}; token renewal due at {}", credentials.identifier(), renewAt);
    return new Token(jwt, renewAt);
  }
}
