package io.github.hubsdk.emulator.internal.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The emulator's whole state, split by family, behind one monitor. Not thread-safe by itself: every caller
 * holds the store's monitor ({@code synchronized (store)}), which makes each HTTP operation and each seed
 * atomic across families. {@link #clear()} resets every family together. Internal API.
 */
public final class Store {

  private long seq;
  private final Accounts accounts = new Accounts();
  private final Tokens tokens = new Tokens(this::nextSeq);
  private final Repositories repositories = new Repositories(accounts);
  private final AuditTrail audit = new AuditTrail(this::nextSeq);
  private final OrgSettingsState orgSettings = new OrgSettingsState();
  private final Profiles profiles = new Profiles();
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

  public Invites invites() {
    return invites;
  }

  public Emails emails() {
    return emails;
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
    invites.clear();
    emails.clear();
    scim.clear();
    seq = 0;
  }

  private long nextSeq() {
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
