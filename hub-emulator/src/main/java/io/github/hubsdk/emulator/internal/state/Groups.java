package io.github.hubsdk.emulator.internal.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The groups (teams) of every organization, their members and their permissions on the organization's
 * repositories. Guarded by the {@link Store}'s monitor.
 *
 * <p>Invariants the other families rely on: a group's members are always members (or owners) of its
 * organization, so removing someone from the organization must go through {@link #forgetMember}; a
 * group's repository permissions live on the group, so deleting the group drops them, and a deleted
 * repository's grants go with it ({@link #forgetRepository}, run by the repositories family), so a new
 * repository of the same name starts without them. Memory is bounded: at most
 * {@link #MAX_GROUPS_PER_ORG} groups per organization, members bounded by the organization's membership,
 * permissions by {@link #MAX_GRANTS_PER_GROUP} per group.
 */
public final class Groups {

  /** An emulator limit (the live one is not documented): creating one more answers 400. */
  public static final int MAX_GROUPS_PER_ORG = 500;
  /** An emulator limit: repositories one group may hold a permission on; one more answers 400. */
  public static final int MAX_GRANTS_PER_GROUP = 1000;
  /** The first id handed out after a reset; ids are numeric on the live Hub and never reused. */
  static final long FIRST_ID = 1101;

  /** A repository permission a group can hold, weakest first. */
  public static final List<String> PERMISSIONS = List.of("read", "write", "admin");

  /** One group. Fields other than the identity are changed by the resource, under the monitor. */
  public static final class Group {
    public final String org;
    public final long id;
    public final UUID uuid;
    public String name;
    public String description = "";
    /** The organization role the group grants its members (PATCH {@code role}); null for none. */
    public String role;
    /** Usernames, in the order they were added. */
    public final Set<String> members = new LinkedHashSet<>();
    /** Repository name (within {@link #org}) to permission, in the order they were granted. */
    public final Map<String, String> repositories = new LinkedHashMap<>();

    Group(String org, long id, String name) {
      this.org = org;
      this.id = id;
      this.name = name;
      // Stable across resets (same seeds, same order, same id), as SeededToken uuids are.
      this.uuid = Store.deterministicUuid("group\n" + org + "\n" + id);
    }
  }

  /** Why a change was refused; the resource turns it into the live Hub's answer. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private final Accounts accounts;
  private final Map<String, Map<String, Group>> byOrg = new LinkedHashMap<>();
  private long nextId = FIRST_ID;

  Groups(Accounts accounts, Repositories repositories) {
    this.accounts = accounts;
    repositories.onDeleted(repo -> forgetRepository(repo.namespace, repo.name));
    // Wiring, registered once per store: a member removed from the org leaves every group of it, and member
    // lists and the CSV export name the groups a member is in.
    accounts.onMemberRemoved(this::forgetMember);
    accounts.groupsFrom(this::namesOf);
  }

  void clear() {
    byOrg.clear();
    nextId = FIRST_ID;
  }

  /** The organization's groups in the order they were created. */
  public List<Group> of(String org) {
    Map<String, Group> groups = byOrg.get(org);
    return groups == null ? List.of() : List.copyOf(groups.values());
  }

  /** @return the group, or null */
  public Group get(String org, String name) {
    Map<String, Group> groups = byOrg.get(org);
    return groups == null ? null : groups.get(name);
  }

  /** @return the organization's group with this id, or null */
  public Group byId(String org, long id) {
    for (Group g : of(org)) {
      if (g.id == id) {
        return g;
      }
    }
    return null;
  }

  /**
   * Creates a group.
   *
   * @throws IllegalArgumentException when the organization does not exist
   * @throws Refused when the name is taken or the organization has {@link #MAX_GROUPS_PER_ORG} groups
   */
  public Group create(String org, String name, String description) {
    if (accounts.org(org) == null) {
      throw new IllegalArgumentException("no such organization: " + org);
    }
    Map<String, Group> groups = byOrg.computeIfAbsent(org, k -> new LinkedHashMap<>());
    if (groups.containsKey(name)) {
      throw new Refused("A group with this name already exists in the organization.");
    }
    if (groups.size() >= MAX_GROUPS_PER_ORG) {
      throw new Refused("The organization already has the most groups allowed (" + MAX_GROUPS_PER_ORG + ").");
    }
    Group g = new Group(org, nextId++, name);
    g.description = description == null ? "" : description;
    groups.put(name, g);
    return g;
  }

  /**
   * Renames a group, keeping its id, members and permissions.
   *
   * @throws Refused when another group of the organization has that name
   */
  public void rename(Group g, String name) {
    if (g.name.equals(name)) {
      return;
    }
    Map<String, Group> groups = byOrg.get(g.org);
    if (groups.containsKey(name)) {
      throw new Refused("A group with this name already exists in the organization.");
    }
    // Rebuild to keep the creation order the listing shows.
    Map<String, Group> renamed = new LinkedHashMap<>();
    for (Group each : groups.values()) {
      renamed.put(each == g ? name : each.name, each);
    }
    g.name = name;
    byOrg.put(g.org, renamed);
  }

  /** Deletes a group; its repository permissions go with it, its members stay in the organization. */
  public void delete(Group g) {
    Map<String, Group> groups = byOrg.get(g.org);
    if (groups != null) {
      groups.remove(g.name);
    }
  }

  /**
   * Adds a member.
   *
   * @return false when they already were one
   * @throws Refused when the user is not a member or owner of the group's organization
   */
  public boolean addMember(Group g, String username) {
    Accounts.Org org = accounts.org(g.org);
    if (org == null || !(org.owners.contains(username) || org.members.contains(username))) {
      throw new Refused("User is not a member of the organization.");
    }
    return g.members.add(username);
  }

  /**
   * The hook for removing a member from an organization: takes them out of every group of it.
   *
   * @return the groups they were removed from, in creation order
   */
  public List<Group> forgetMember(String org, String username) {
    List<Group> out = new ArrayList<>();
    for (Group g : of(org)) {
      if (g.members.remove(username)) {
        out.add(g);
      }
    }
    return out;
  }

  /** The names of the groups of {@code org} that {@code username} belongs to, in creation order. */
  public List<String> namesOf(String org, String username) {
    return of(org).stream().filter(g -> g.members.contains(username)).map(g -> g.name).toList();
  }

  /** @return the group's permission on the repository, or null */
  public String permission(Group g, Repositories.Repo repo) {
    return repo.namespace.equals(g.org) ? g.repositories.get(repo.name) : null;
  }

  /**
   * Grants (or changes) the group's permission on a repository of its organization.
   *
   * @throws IllegalArgumentException when the repository is not the organization's or the permission unknown
   * @throws Refused when the group holds {@link #MAX_GRANTS_PER_GROUP} permissions already
   */
  public void grant(Group g, Repositories.Repo repo, String permission) {
    if (!repo.namespace.equals(g.org) || !PERMISSIONS.contains(permission)) {
      throw new IllegalArgumentException("cannot grant " + permission + " on " + repo.fullName() + " to " + g.org);
    }
    if (!g.repositories.containsKey(repo.name) && g.repositories.size() >= MAX_GRANTS_PER_GROUP) {
      throw new Refused("The group already has permissions on the most repositories allowed ("
          + MAX_GRANTS_PER_GROUP + ").");
    }
    g.repositories.put(repo.name, permission);
  }

  /** @return whether the group held a permission on the repository */
  public boolean revoke(Group g, Repositories.Repo repo) {
    return repo.namespace.equals(g.org) && g.repositories.remove(repo.name) != null;
  }

  /** The hook for deleting a repository: no group keeps a permission on it. */
  public void forgetRepository(String namespace, String repository) {
    for (Group g : of(namespace)) {
      g.repositories.remove(repository);
    }
  }

  /** The groups of the organization that hold a permission on the repository, in creation order. */
  public List<Group> withAccessTo(String namespace, String repository) {
    return of(namespace).stream().filter(g -> g.repositories.containsKey(repository)).toList();
  }
}
