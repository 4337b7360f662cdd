package io.github.hubsdk.emulator.internal.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * SCIM 2.0 provisioning: which organizations have an SSO connection with a SCIM token, the users provisioned
 * into each, and the e-mail addresses of Docker accounts (provisioning an address that belongs to an account
 * links that account instead of creating one). A provisioned user's {@code active} is not kept here: it is
 * whether the user holds a seat, i.e. is a member of the organization in {@link Accounts}, so a member removed
 * by other means reads as inactive too. Guarded by the {@link Store}'s monitor.
 */
public final class ScimState {

  /** The most users one organization can have provisioned; the next create answers 403. */
  public static final int MAX_USERS_PER_ORG = 10_000;

  /** One provisioned user. */
  public static final class User {
    public final UUID id;
    /** The e-mail address the identity provider provisioned; unique per organization, case-insensitively. */
    public final String userName;
    /** The Docker ID the address belongs to. */
    public final String username;
    public String givenName;
    public String familyName;
    public final Instant created;
    public Instant lastModified;

    User(UUID id, String userName, String username, String givenName, String familyName, Instant at) {
      this.id = id;
      this.userName = userName;
      this.username = username;
      this.givenName = givenName;
      this.familyName = familyName;
      this.created = at;
      this.lastModified = at;
    }
  }

  /** An organization's SSO connection: its SCIM token and its users in the order they were provisioned. */
  public static final class Directory {
    public final String org;
    public final String token;
    private final Map<UUID, User> users = new LinkedHashMap<>();
    private final Map<String, User> byUserName = new HashMap<>();
    private long created;

    Directory(String org, String token) {
      this.org = org;
      this.token = token;
    }

    /** @return the users in provisioning order (a copy) */
    public List<User> users() {
      return new ArrayList<>(users.values());
    }

    /** @return the user with this id, or null */
    public User user(UUID id) {
      return users.get(id);
    }

    /** @return the user provisioned with this e-mail address (any case), or null */
    public User byUserName(String userName) {
      return byUserName.get(key(userName));
    }

    public boolean full() {
      return users.size() >= MAX_USERS_PER_ORG;
    }

    /**
     * Records a provisioned user. Its id derives from the organization, the address and a counter, so that a
     * seed replayed by {@code reset()} gives the same ids.
     *
     * @throws IllegalStateException when the address is taken or the directory is full (callers check first)
     */
    public User add(String userName, String username, String givenName, String familyName, Instant at) {
      if (byUserName(userName) != null || full()) {
        throw new IllegalStateException("cannot provision " + userName + " into " + org);
      }
      UUID id = Store.deterministicUuid("scim-user\n" + org + "\n" + key(userName) + "\n" + created++);
      User user = new User(id, userName, username, givenName, familyName, at);
      users.put(id, user);
      byUserName.put(key(userName), user);
      return user;
    }
  }

  /** Docker IDs: 4 to 30 lower-case letters and digits. */
  private static final int MIN_NAME = 4;
  private static final int MAX_NAME = 30;

  private final Accounts accounts;
  private final Emails emails;
  private final Map<String, Directory> byOrg = new HashMap<>();
  private final Map<String, Directory> byToken = new HashMap<>();

  ScimState(Accounts accounts, Emails emails) {
    this.accounts = accounts;
    this.emails = emails;
  }

  void clear() {
    byOrg.clear();
    byToken.clear();
  }

  /**
   * Turns on SCIM for an organization with this token, or gives its connection a new token (the old one stops
   * working, as a token refresh in the Admin Console does; the users stay).
   *
   * @throws IllegalArgumentException when the token belongs to another organization's connection
   */
  public Directory enable(String org, String token) {
    Directory other = byToken.get(token);
    if (other != null && !other.org.equals(org)) {
      throw new IllegalArgumentException("the SCIM token is already the token of " + other.org);
    }
    Directory old = byOrg.get(org);
    Directory dir = new Directory(org, token);
    if (old != null) {
      byToken.remove(old.token);
      dir.users.putAll(old.users);
      dir.byUserName.putAll(old.byUserName);
      dir.created = old.created;
    }
    byOrg.put(org, dir);
    byToken.put(token, dir);
    return dir;
  }

  /** @return the connection this SCIM token belongs to, or null */
  public Directory byToken(String token) {
    return token == null ? null : byToken.get(token);
  }

  /** @return the organization's connection, or null when it has no SCIM */
  public Directory of(String org) {
    return byOrg.get(org);
  }

  /** Records that a Docker account has this e-mail address (in {@link Emails}, which member lists show too). */
  public void accountEmail(String username, String email) {
    emails.set(username, email);
  }

  /** @return the Docker ID with this e-mail address (any case), or null */
  public String accountWithEmail(String email) {
    return emails.userOf(email);
  }

  /**
   * Provisions an address into an organization: links the Docker account with that address, or creates one,
   * and gives it a seat (membership; an owner keeps the Owner role).
   *
   * @throws IllegalStateException when the address is provisioned there already or the directory is full
   */
  public User provision(Directory dir, String email, String givenName, String familyName, Instant now) {
    if (dir.byUserName(email) != null || dir.full()) {
      throw new IllegalStateException("cannot provision " + email + " into " + dir.org);
    }
    Accounts.Org org = accounts.org(dir.org);
    String username = accountWithEmail(email);
    if (username == null || accounts.user(username) == null) {
      username = newAccount(email);
    }
    join(org, username, now);
    return dir.add(email, username, givenName, familyName, now);
  }

  /**
   * Gives a provisioned user its seat back (as a {@code Member}; an owner or member keeps its role) or takes it
   * away: {@link Accounts#removeMember}, so the families that refer to members (groups) drop it too.
   */
  public void seat(Directory dir, User user, boolean active, Instant now) {
    Accounts.Org org = accounts.org(dir.org);
    if (active) {
      join(org, user.username, now);
    } else {
      accounts.removeMember(dir.org, user.username);
    }
  }

  private static void join(Accounts.Org org, String username, Instant now) {
    if (!org.has(username)) {
      org.setRole(username, Accounts.MEMBER);
      org.joined.put(username, now);
    }
  }

  /**
   * A Docker account for an address no account has: named after the address's local part (letters and digits,
   * lower case, 4 to 30 of them; a number added when taken), without a password (SSO accounts sign in through
   * the identity provider).
   */
  private String newAccount(String email) {
    String local = email.substring(0, email.lastIndexOf('@')).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (local.isEmpty()) {
      local = "user";
    }
    while (local.length() < MIN_NAME) {
      local += "0";
    }
    String stem = local.length() > MAX_NAME ? local.substring(0, MAX_NAME) : local;
    String name = stem;
    for (int n = 1; accounts.exists(name); n++) {
      String suffix = Integer.toString(n);
      name = stem.substring(0, Math.min(stem.length(), MAX_NAME - suffix.length())) + suffix;
    }
    accounts.addUser(name, null, io.github.hubsdk.emulator.Plan.FREE);
    accountEmail(name, email);
    return name;
  }

  /** E-mail addresses compare without case, as SCIM's {@code userName} ({@code caseExact: false}). */
  static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
