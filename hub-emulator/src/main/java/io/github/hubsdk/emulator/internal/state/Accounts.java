package io.github.hubsdk.emulator.internal.state;

import io.github.hubsdk.emulator.Plan;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Users and organizations: the namespaces, their plans and roles. Guarded by the {@link Store}'s monitor. */
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
    /** The role of each member who is neither an owner nor a plain {@code Member} (Editor, custom names). */
    public final Map<String, String> roles = new LinkedHashMap<>();
    /** When each owner or member joined; absent for those seeded before it was tracked (then: seeding time). */
    public final Map<String, java.time.Instant> joined = new LinkedHashMap<>();

    Org(String name, Plan plan) {
      this.name = name;
      this.plan = plan;
    }

    /** Whether {@code user} is an owner or a member. */
    public boolean has(String user) {
      return owners.contains(user) || members.contains(user);
    }

    /** The role name of an owner or member ({@code Owner}, {@code Editor}, {@code Member} or custom), or null. */
    public String roleOf(String user) {
      if (owners.contains(user)) {
        return OWNER;
      }
      return members.contains(user) ? roles.getOrDefault(user, MEMBER) : null;
    }

    /**
     * Gives an owner or member (or a new member) a role: {@code Owner} moves them into {@link #owners}, any
     * other role into {@link #members}, so the existing owner checks keep working on these two sets.
     */
    public void setRole(String user, String role) {
      if (OWNER.equals(role)) {
        members.remove(user);
        roles.remove(user);
        owners.add(user);
      } else {
        owners.remove(user);
        members.add(user);
        if (MEMBER.equals(role)) {
          roles.remove(user);
        } else {
          roles.put(user, role);
        }
      }
    }
  }

  /** The built-in role names. */
  public static final String OWNER = "Owner";
  public static final String EDITOR = "Editor";
  public static final String MEMBER = "Member";

  /**
   * Told when a member leaves an organization, after the member is gone ({@code org}, {@code user}):
   * families that refer to members (groups, SCIM users) register here, from the {@link Store}, to drop
   * them too, so that removing a member removes them from every group.
   */
  @FunctionalInterface
  public interface MemberRemovalHook {
    void removed(String org, String user);
  }

  /**
   * The names of the groups (teams) a member belongs to, for member lists and the CSV export; the groups
   * family registers it ({@link #groupsFrom}). Without one, members belong to no group.
   */
  @FunctionalInterface
  public interface GroupLookup {
    java.util.List<String> groupsOf(String org, String user);
  }

  private volatile GroupLookup groupLookup = (org, user) -> java.util.List.of();

  /** Where member lists read a member's group names from (wiring, kept across {@code clear()}). */
  public void groupsFrom(GroupLookup lookup) {
    this.groupLookup = java.util.Objects.requireNonNull(lookup, "lookup");
  }

  /** The names of the groups {@code user} belongs to in {@code org}, sorted; empty without a group family. */
  public java.util.List<String> groupsOf(String org, String user) {
    return groupLookup.groupsOf(org, user).stream().sorted().toList();
  }

  private final java.util.List<MemberRemovalHook> removalHooks = new java.util.concurrent.CopyOnWriteArrayList<>();

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

  /**
   * Registers a hook run after every member removal ({@link #removeMember}). Hooks survive {@code clear()}:
   * they are wiring, not state.
   */
  public void onMemberRemoved(MemberRemovalHook hook) {
    removalHooks.add(java.util.Objects.requireNonNull(hook, "hook"));
  }

  /**
   * Removes an owner or member from an organization, with their role and join date, then runs the removal
   * hooks.
   *
   * @return false when there is no such organization or the user is not in it
   */
  public boolean removeMember(String orgName, String user) {
    Org org = orgs.get(orgName);
    if (org == null || !org.has(user)) {
      return false;
    }
    org.owners.remove(user);
    org.members.remove(user);
    org.roles.remove(user);
    org.joined.remove(user);
    for (MemberRemovalHook hook : removalHooks) {
      hook.removed(orgName, user);
    }
    return true;
  }

  /** The organizations {@code user} owns or belongs to, in the order they were added. */
  public java.util.List<Org> orgsOf(String user) {
    return orgs.values().stream().filter(o -> o.owners.contains(user) || o.members.contains(user)).toList();
  }
}
