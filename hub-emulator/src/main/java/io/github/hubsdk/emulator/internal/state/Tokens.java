package io.github.hubsdk.emulator.internal.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Personal access tokens (owner a user) and organization access tokens (owner an org), by uuid and by
 * secret. Guarded by the {@link Store}'s monitor.
 */
public final class Tokens {

  /** A personal or organization access token. */
  public static final class Token {
    public final UUID uuid;
    public final String owner;
    public final boolean organization;
    public String label;
    public final List<String> scopes;
    public final String secret;
    /** Mutable for seeding ({@code createdDaysAgo}); the API never changes it. */
    public Instant createdAt;
    public Instant lastUsed;
    /** Mutable for seeding; the API never changes it. */
    public Instant expiresAt;
    public boolean active;
    public final String creatorIp;
    public final String creatorUa;
    public final String generatedBy;
    public final long seq;
    /** Organization access tokens only: the description (empty when none). */
    public String description = "";
    /** Organization access tokens only: the owner who created it. */
    public String createdBy = "";
    /** Organization access tokens only: what it may reach; replaced whole by an update. */
    public List<Resource> resources = List.of();

    Token(UUID uuid, String owner, boolean organization, String label, List<String> scopes, String secret,
        Instant createdAt, Instant expiresAt, boolean active, String creatorIp, String creatorUa,
        String generatedBy, long seq) {
      this.uuid = uuid;
      this.owner = owner;
      this.organization = organization;
      this.label = label;
      this.scopes = List.copyOf(scopes);
      this.secret = secret;
      this.createdAt = createdAt;
      this.expiresAt = expiresAt;
      this.active = active;
      this.creatorIp = creatorIp;
      this.creatorUa = creatorUa;
      this.generatedBy = generatedBy;
      this.seq = seq;
    }

    /** Active and not expired. */
    public boolean usableAt(Instant now) {
      return active && (expiresAt == null || now.isBefore(expiresAt));
    }
  }

  /**
   * What an organization access token may reach.
   *
   * @param type {@code TYPE_REPO} or {@code TYPE_ORG}
   * @param path a repository or glob ({@code acme/web}, {@code acme/*}, {@code *}{@code /*}{@code /public}) or the organization
   * @param scopes e.g. {@code scope-image-pull}
   */
  public record Resource(String type, String path, List<String> scopes) {
    public Resource {
      scopes = List.copyOf(scopes);
    }
  }

  private final Map<UUID, Token> byUuid = new LinkedHashMap<>();
  private final Map<String, Token> bySecret = new HashMap<>();
  private final LongSupplier seq;

  Tokens(LongSupplier seq) {
    this.seq = seq;
  }

  void clear() {
    byUuid.clear();
    bySecret.clear();
  }

  public Token add(UUID uuid, String owner, boolean organization, String label, List<String> scopes,
      String secret, Instant createdAt, Instant expiresAt, boolean active, String ip, String ua, String generatedBy) {
    if (byUuid.containsKey(uuid) || bySecret.containsKey(secret)) {
      throw new IllegalArgumentException("token already exists: " + owner + "/" + label);
    }
    Token token = new Token(uuid, owner, organization, label, scopes, secret, createdAt, expiresAt, active, ip, ua,
        generatedBy, seq.getAsLong());
    byUuid.put(uuid, token);
    bySecret.put(secret, token);
    return token;
  }

  public void remove(Token token) {
    byUuid.remove(token.uuid);
    bySecret.remove(token.secret);
  }

  /** @return the token, or null */
  public Token byUuid(UUID uuid) {
    return byUuid.get(uuid);
  }

  /** @return the token whose secret this is, or null */
  public Token bySecret(String secret) {
    return bySecret.get(secret);
  }

  public boolean contains(UUID uuid) {
    return byUuid.containsKey(uuid);
  }

  /** The personal access tokens of a user, newest first (creation time, then creation order). */
  public List<Token> personalOf(String user) {
    List<Token> mine = new ArrayList<>();
    for (Token t : byUuid.values()) {
      if (!t.organization && t.owner.equals(user)) {
        mine.add(t);
      }
    }
    mine.sort(Comparator.comparing((Token t) -> t.createdAt).thenComparingLong(t -> t.seq).reversed());
    return mine;
  }

  /** The organization access tokens of an organization, newest first (creation time, then creation order). */
  public List<Token> organizationOf(String org) {
    List<Token> out = new ArrayList<>();
    for (Token t : byUuid.values()) {
      if (t.organization && t.owner.equals(org)) {
        out.add(t);
      }
    }
    out.sort(Comparator.comparing((Token t) -> t.createdAt).thenComparingLong(t -> t.seq).reversed());
    return out;
  }

  /** The organization's access token of that (textual) uuid, or null when absent, foreign or malformed. */
  public Token ofOrganization(String org, String rawUuid) {
    try {
      Token t = byUuid.get(UUID.fromString(rawUuid));
      return t != null && t.organization && t.owner.equals(org) ? t : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The user's own personal access token of that (textual) uuid, or null when absent, foreign or malformed. */
  public Token personal(String user, String rawUuid) {
    try {
      Token t = byUuid.get(UUID.fromString(rawUuid));
      return t != null && !t.organization && t.owner.equals(user) ? t : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
