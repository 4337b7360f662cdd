package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.state.Groups;
import io.github.hubsdk.emulator.internal.state.Repositories;
import io.github.hubsdk.emulator.internal.state.Store;
import java.util.Objects;

/**
 * Refines a seeded group (team) of an organization: its description, members and permissions on the
 * organization's repositories. Obtained from {@link Seeder#group(String, String)},
 * {@link Seeder.OrgSeeder#group(String)} or {@link OrganizationSeeder#group(String)}:
 *
 * <pre>{@code
 * s.org("acme", Plan.TEAM).owners("mona").members("alice", "bob");
 * s.repository("acme", "web");
 * s.group("acme", "devs").description("Builds acme/web").members("alice", "bob").permission("web", "write");
 * s.org("acme").group("ops").members("mona");
 * }</pre>
 *
 * <p>The same rules as the API hold: members must belong to the organization, the repository must exist.
 */
public final class GroupSeeder {

  private final Store store;
  private final Groups.Group group;

  GroupSeeder(Store store, Groups.Group group) {
    this.store = store;
    this.group = group;
  }

  /** The group of that name, created (empty) when the organization has none. */
  static GroupSeeder of(Store store, String org, String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a group name must not be empty");
    }
    if (store.accounts().org(org) == null) {
      throw new IllegalArgumentException("no organization " + org + " to add group " + name + " to");
    }
    Groups.Group group = store.groups().get(org, name);
    if (group == null) {
      try {
        group = store.groups().create(org, name, "");
      } catch (Groups.Refused e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
    return new GroupSeeder(store, group);
  }

  /**
   * The group's numeric id, as {@code Group.id} and the repository permission calls use it.
   *
   * @return the id
   */
  public long id() {
    return group.id;
  }

  /**
   * The group's description (default empty).
   *
   * @param description e.g. {@code Builds and ships acme/web}
   * @return this seeder
   */
  public GroupSeeder description(String description) {
    group.description = Objects.requireNonNull(description, "description");
    return this;
  }

  /**
   * Adds members.
   *
   * @param usernames members or owners of the organization
   * @return this seeder
   * @throws IllegalArgumentException when one of them does not belong to the organization
   */
  public GroupSeeder members(String... usernames) {
    for (String u : usernames) {
      try {
        store.groups().addMember(group, Objects.requireNonNull(u, "username"));
      } catch (Groups.Refused e) {
        throw new IllegalArgumentException(u + " is not a member of " + group.org + ": seed them with"
            + " org(..).members(..) first", e);
      }
    }
    return this;
  }

  /**
   * Gives the group a permission on one of the organization's repositories.
   *
   * @param repository the name of a seeded repository of the organization
   * @param permission {@code read}, {@code write} or {@code admin}
   * @return this seeder
   * @throws IllegalArgumentException when the repository does not exist or the permission is unknown
   */
  public GroupSeeder permission(String repository, String permission) {
    Objects.requireNonNull(repository, "repository");
    if (!Groups.PERMISSIONS.contains(permission)) {
      throw new IllegalArgumentException("permission must be one of " + Groups.PERMISSIONS + ": " + permission);
    }
    Repositories.Repo repo = store.repositories().repo(group.org, repository);
    if (repo == null) {
      throw new IllegalArgumentException("no repository " + group.org + "/" + repository
          + ": seed it with repository(..) first");
    }
    try {
      store.groups().grant(group, repo, permission);
    } catch (Groups.Refused e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return this;
  }
}
