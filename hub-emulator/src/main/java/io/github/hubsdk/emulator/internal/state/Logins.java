package io.github.hubsdk.emulator.internal.state;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Login bookkeeping: failed attempts and lock-outs per identifier, and half-done two-factor logins. Both
 * maps are bounded (least recently used first out), so that a long-running emulator fed with ever new
 * identifiers does not grow without limit; forgetting an identifier forgets its failures and lock. Guarded
 * by the {@link Store}'s lock.
 */
public final class Logins {

  /** Failed logins of one identifier. */
  public static final class Failures {
    public int count;
    public Instant lockedUntil;
  }

  /** A half-done 2FA login. */
  public record PendingTwoFactor(String username, Instant expiresAt) {}

  private final Map<String, Failures> failures;
  private final Map<String, PendingTwoFactor> pending;

  Logins(int maxKeys) {
    this.failures = lru(maxKeys);
    this.pending = lru(maxKeys);
  }

  private static <V> Map<String, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  void clear() {
    failures.clear();
    pending.clear();
  }

  /** @return the failures of an identifier, or null */
  public Failures failures(String identifier) {
    return failures.get(identifier);
  }

  public Failures failuresOrNew(String identifier) {
    return failures.computeIfAbsent(identifier, k -> new Failures());
  }

  public void forget(String identifier) {
    failures.remove(identifier);
  }

  public void addPending(String token, PendingTwoFactor login) {
    pending.put(token, login);
  }

  /** @return the pending login of that token, or null */
  public PendingTwoFactor pending(String token) {
    return pending.get(token);
  }

  public void removePending(String token) {
    pending.remove(token);
  }

  /** How many identifiers are tracked (failures), for tests of the bound. */
  public int trackedIdentifiers() {
    return failures.size();
  }
}
