package io.github.hubsdk.emulator.internal.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The emulator's whole state, split by family, behind one read-write lock. The families are not
 * thread-safe by themselves: everything that changes them runs in {@link #write}, which makes each
 * mutating HTTP operation and each seed atomic across families; handlers declared
 * {@code @Handles(readOnly = true)} run in {@link #read}, many at once, and must change nothing but
 * state that is safe for concurrent readers on its own (the concurrent caches in {@link Profiles} and
 * {@link OrgSettingsState}). {@link #clear()} resets every family together. Internal API.
 */
public final class Store {

  // Not fair: a fair lock parks every reader behind a queued writer even when the writer would be next
  // anyway, which costs more throughput than the rare writer-starvation it prevents here.
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private long seq;
  private final Accounts accounts = new Accounts();
  private final Tokens tokens = new Tokens(this::nextSeq);
  private final Repositories repositories = new Repositories(accounts);
  private final AuditTrail audit = new AuditTrail(this::nextSeq);
  private final OrgSettingsState orgSettings = new OrgSettingsState();
  private final Profiles profiles = new Profiles();
  private final Groups groups = new Groups(accounts, repositories);
  private final Invites invites = new Invites();
  private final Emails emails = new Emails();
  private final ScimState scim = new ScimState(accounts, emails);
  private final Logins logins;

  /**
   * @param maxLoginKeys how many identifiers the login bookkeeping remembers (failures and pending 2FA)
   */
  public Store(int maxLoginKeys) {
    this.logins = new Logins(maxLoginKeys);
  }

  public Accounts accounts() {
    return accounts;
  }

  public Tokens tokens() {
    return tokens;
  }

  public Repositories repositories() {
    return repositories;
  }

  public AuditTrail audit() {
    return audit;
  }

  public OrgSettingsState orgSettings() {
    return orgSettings;
  }

  public Logins logins() {
    return logins;
  }

  public Profiles profiles() {
    return profiles;
  }

  public Groups groups() {
    return groups;
  }

  public Invites invites() {
    return invites;
  }

  public Emails emails() {
    return emails;
  }

  /**
   * Runs {@code work} with the state to itself: no reader and no other writer runs meanwhile. It also
   * holds the store's monitor, so that code written for the old rule ({@code synchronized (store)})
   * still excludes every writer.
   *
   * @param <T> what the work returns
   * @param work what to do
   * @return what it returned
   * @throws IllegalStateException when called from inside {@link #read} (a read-only handler that
   *     writes: it would deadlock, since a read lock cannot be upgraded)
   */
  public <T> T write(Supplier<T> work) {
    if (lock.getReadHoldCount() > 0 && !lock.isWriteLockedByCurrentThread()) {
      throw new IllegalStateException("hub-emulator: a write inside a read-only operation; "
          + "drop readOnly = true from its @Handles");
    }
    synchronized (this) {
      lock.writeLock().lock();
      try {
        return work.get();
      } finally {
        lock.writeLock().unlock();
      }
    }
  }

  /** {@link #write(Supplier)} for work without a result. */
  public void write(Runnable work) {
    write(() -> {
      work.run();
      return null;
    });
  }

  /**
   * Runs {@code work} alongside other readers, never alongside a writer. The work must not change the
   * families (see the class comment).
   *
   * @param <T> what the work returns
   * @param work what to read
   * @return what it returned
   */
  public <T> T read(Supplier<T> work) {
    lock.readLock().lock();
    try {
      return work.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** @return whether the calling thread is inside {@link #write} */
  public boolean writing() {
    return lock.isWriteLockedByCurrentThread();
  }

  public ScimState scim() {
    return scim;
  }

  /** Empties every family and restarts the sequence that orders tokens and audit events. */
  public void clear() {
    accounts.clear();
    tokens.clear();
    repositories.clear();
    audit.clear();
    orgSettings.clear();
    logins.clear();
    profiles.clear();
    groups.clear();
    invites.clear();
    emails.clear();
    scim.clear();
    seq = 0;
  }

  private long nextSeq() {
    // Only writers create tokens and audit events, one at a time; the lock's hand-over publishes it.
    return ++seq;
  }

  /** Lower-case hex SHA-256 of a string: deterministic digests, uuids and secrets for seeding. */
  public static String sha256Hex(String input) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
    StringBuilder out = new StringBuilder(64);
    for (byte b : hash) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }

  /** A name-based UUID (version 3) from a seed string. */
  public static UUID deterministicUuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
  }
}
