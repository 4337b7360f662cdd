package io.github.hubsdk.emulator.internal;

import io.github.hubsdk.emulator.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The emulator's whole state. Not thread-safe by itself: every caller holds the store's monitor
 * ({@code synchronized (store)}), which makes each HTTP operation atomic. Internal API.
 */
public final class Store {

  /** An account. */
  public static final class User {
    public final String name;
    public String password;
    public String twoFactorCode;
    public Plan plan;

    User(String name, String password, Plan plan) {
      this.name = name;
      this.password = password;
      this.plan = plan;
    }
  }

  /** An organization. */
  public static final class Org {
    public final String name;
    public Plan plan;
    public final Set<String> owners = new LinkedHashSet<>();
    public final Set<String> members = new LinkedHashSet<>();
    public boolean restrictedEnabled;
    public boolean allowOfficial = true;
    public boolean allowVerified = true;

    Org(String name, Plan plan) {
      this.name = name;
      this.plan = plan;
    }
  }

  /** A tag that points or pointed to an image. */
  public record Tag(String name, boolean current) {}

  /** An image (manifest). */
  public static final class Image {
    public final String digest;
    public final Instant lastPushed;
    public final Instant lastPulled;
    public final List<Tag> tags;
    public final boolean child;

    public Image(String digest, Instant lastPushed, Instant lastPulled, List<Tag> tags, boolean child) {
      this.digest = digest;
      this.lastPushed = lastPushed;
      this.lastPulled = lastPulled;
      this.tags = List.copyOf(tags);
      this.child = child;
    }

    /** The later of push and pull. */
    public Instant lastActivity() {
      if (lastPulled == null) {
        return lastPushed;
      }
      if (lastPushed == null) {
        return lastPulled;
      }
      return lastPulled.isAfter(lastPushed) ? lastPulled : lastPushed;
    }

    public List<String> currentTags() {
      List<String> out = new ArrayList<>();
      for (Tag t : tags) {
        if (t.current()) {
          out.add(t.name());
        }
      }
      return out;
    }
  }

  /** A repository and its images by digest. */
  public static final class Repo {
    public final String namespace;
    public final String name;
    public final Map<String, Image> images = new LinkedHashMap<>();

    Repo(String namespace, String name) {
      this.namespace = namespace;
      this.name = name;
    }
  }

  /** A personal access token (owner is a user) or an organization access token (owner is an org). */
  public static final class Token {
    public final UUID uuid;
    public final String owner;
    public final boolean organization;
    public String label;
    public final List<String> scopes;
    public final String secret;
    public final Instant createdAt;
    public Instant lastUsed;
    public final Instant expiresAt;
    public boolean active;
    public final String creatorIp;
    public final String creatorUa;
    public final String generatedBy;
    public final long seq;

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

    public boolean usableAt(Instant now) {
      return active && (expiresAt == null || now.isBefore(expiresAt));
    }
  }

  /** An audit log entry; {@code data} is unmodifiable and sorted by key, the order the API lists it in. */
  public record AuditEvent(String account, String action, String name, String actor, Map<String, String> data,
      Instant timestamp, String description, long seq) {}

  /** Failed logins of one identifier. */
  public static final class Failures {
    public int count;
    public Instant lockedUntil;
  }

  /** A half-done 2FA login. */
  public record PendingTwoFactor(String username, Instant expiresAt) {}

  public final Map<String, User> users = new LinkedHashMap<>();
  public final Map<String, Org> orgs = new LinkedHashMap<>();
  public final Map<String, Repo> repos = new LinkedHashMap<>();
  public final Map<UUID, Token> tokens = new LinkedHashMap<>();
  public final Map<String, Token> tokensBySecret = new HashMap<>();
  public final List<AuditEvent> audit = new ArrayList<>();
  public final Map<String, Failures> failures = new HashMap<>();
  public final Map<String, PendingTwoFactor> pendingTwoFactor = new HashMap<>();
  private long seq;

  /** Empties everything. */
  public void clear() {
    users.clear();
    orgs.clear();
    repos.clear();
    tokens.clear();
    tokensBySecret.clear();
    audit.clear();
    failures.clear();
    pendingTwoFactor.clear();
    seq = 0;
  }

  public long nextSeq() {
    return ++seq;
  }

  public User addUser(String name, String password, Plan plan) {
    requireFreeNamespace(name);
    User user = new User(name, password, plan);
    users.put(name, user);
    return user;
  }

  public Org addOrg(String name, Plan plan) {
    requireFreeNamespace(name);
    Org org = new Org(name, plan);
    orgs.put(name, org);
    return org;
  }

  private void requireFreeNamespace(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name must not be empty");
    }
    if (users.containsKey(name) || orgs.containsKey(name)) {
      throw new IllegalArgumentException("namespace already exists: " + name);
    }
  }

  public Repo repo(String namespace, String name, boolean create) {
    String key = namespace + "/" + name;
    Repo repo = repos.get(key);
    if (repo == null && create) {
      if (!users.containsKey(namespace) && !orgs.containsKey(namespace)) {
        throw new IllegalArgumentException("no user or organization named " + namespace);
      }
      repo = new Repo(namespace, name);
      repos.put(key, repo);
    }
    return repo;
  }

  /** The plan of a namespace, or null when the namespace does not exist. */
  public Plan planOf(String namespace) {
    User user = users.get(namespace);
    if (user != null) {
      return user.plan;
    }
    Org org = orgs.get(namespace);
    return org == null ? null : org.plan;
  }

  public Token addToken(UUID uuid, String owner, boolean organization, String label, List<String> scopes,
      String secret, Instant createdAt, Instant expiresAt, boolean active, String ip, String ua, String generatedBy) {
    if (tokens.containsKey(uuid) || tokensBySecret.containsKey(secret)) {
      throw new IllegalArgumentException("token already exists: " + owner + "/" + label);
    }
    Token token = new Token(uuid, owner, organization, label, scopes, secret, createdAt, expiresAt, active, ip, ua,
        generatedBy, nextSeq());
    tokens.put(uuid, token);
    tokensBySecret.put(secret, token);
    return token;
  }

  public void removeToken(Token token) {
    tokens.remove(token.uuid);
    tokensBySecret.remove(token.secret);
  }

  public void record(String account, String action, String name, String actor, Map<String, String> data,
      Instant timestamp, String description) {
    // Sorted once here rather than on every audit-log read; Map.copyOf still refuses null keys and values.
    Map<String, String> sorted = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(data)));
    audit.add(new AuditEvent(account, action, name, actor, sorted, timestamp, description, nextSeq()));
  }

  /** Whether {@code user} may act on {@code namespace} at all (read). */
  public boolean canRead(String user, String namespace) {
    if (user.equals(namespace)) {
      return users.containsKey(namespace) || orgs.containsKey(namespace);
    }
    Org org = orgs.get(namespace);
    return org != null && (org.owners.contains(user) || org.members.contains(user));
  }

  /**
   * Whether the user account {@code user} owns {@code namespace}: it is the user's own namespace, or the
   * user is an owner of that organization. An organization is never an owner, not even of itself: an
   * organization access token's caller name is the org, and such a token holds no role in it (the Owner
   * role is a user's), so it must not pass owner checks such as org settings or audit logs.
   */
  public boolean isOwner(String user, String namespace) {
    if (!users.containsKey(user)) {
      return false;
    }
    if (user.equals(namespace)) {
      return true;
    }
    Org org = orgs.get(namespace);
    return org != null && org.owners.contains(user);
  }

  /** Lower-case hex SHA-256 of a string: deterministic digests, uuids and secrets for seeding. */
  public static String sha256Hex(String input) {
    byte[] hash = sha256(input);
    StringBuilder out = new StringBuilder(64);
    for (byte b : hash) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }

  static byte[] sha256(String input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }

  /** A name-based UUID (version 3) from a seed string. */
  public static UUID deterministicUuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
  }
}
