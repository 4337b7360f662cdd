package io.github.hubsdk.emulator.internal.state;

import io.github.hubsdk.emulator.Plan;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Users and organizations: the namespaces, their plans and roles. Guarded by the {@link Store}'s lock. */
public final class Accounts {

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

    Org(String name, Plan plan) {
      this.name = name;
      this.plan = plan;
    }
  }

  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, Org> orgs = new LinkedHashMap<>();

  void clear() {
    users.clear();
    orgs.clear();
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
    if (exists(name)) {
      throw new IllegalArgumentException("namespace already exists: " + name);
    }
  }

  /** @return the user, or null */
  public User user(String name) {
    return users.get(name);
  }

  /** @return the organization, or null */
  public Org org(String name) {
    return orgs.get(name);
  }

  /** Whether a user or an organization of this name exists. */
  public boolean exists(String namespace) {
    return users.containsKey(namespace) || orgs.containsKey(namespace);
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

  /** Whether {@code principal} may act on {@code namespace} at all (read). */
  public boolean canRead(String principal, String namespace) {
    if (principal.equals(namespace)) {
      return exists(namespace);
    }
    Org org = orgs.get(namespace);
    return org != null && (org.owners.contains(principal) || org.members.contains(principal));
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

  /** The organizations {@code user} owns or belongs to, in the order they were added. */
  public java.util.List<Org> orgsOf(String user) {
    return orgs.values().stream().filter(o -> o.owners.contains(user) || o.members.contains(user)).toList();
  }
}
