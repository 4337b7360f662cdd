package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.openapi.api.RepositoriesApi;
import io.github.hubsdk.openapi.model.AssignRepositoryGroupRequest;
import io.github.hubsdk.openapi.model.Group;
import io.github.hubsdk.openapi.model.RepositoryGroup;
import io.github.hubsdk.openapi.model.RepositoryGroupPermission;
import io.github.hubsdk.openapi.model.UpdateRepositoryGroupRequest;
import java.util.Optional;

/**
 * The permissions groups (teams) of an organization have on one of its repositories:
 * {@code /v2/repositories/{namespace}/{repository}/groups}. Granting is documented; reading, changing and
 * revoking ({@code .../groups/{groupId}}) are the undocumented calls the Terraform provider makes, so they
 * may change without notice. Groups are named by their numeric id ({@link Group#getId()}). Reached through
 * {@link RepositoryOperations#groups()}.
 *
 * <pre>{@code
 * Group devs = hub.org("acme").group("devs").get();
 * hub.repository("acme", "web").groups().grant(devs, RepositoryGroupPermission.WRITE);
 * hub.repository("acme", "web").groups().revoke(devs.getId());
 * }</pre>
 */
public final class RepositoryGroups {

  private final RepositoriesApi api;
  private final String namespace;
  private final String repository;

  RepositoryGroups(Transport transport, String namespace, String repository) {
    this.api = transport.api(RepositoriesApi.class);
    this.namespace = namespace;
    this.repository = repository;
  }

  /**
   * Gives a group a permission on the repository, or changes the one it has.
   *
   * @param groupId the group's id ({@link Group#getId()})
   * @param permission read, write or admin
   * @return the grant
   * @throws io.github.hubsdk.client.error.BadRequestException when the id is no group of the repository's
   *     organization
   */
  public RepositoryGroup grant(long groupId, RepositoryGroupPermission permission) {
    return api.assignRepositoryGroup(namespace, repository,
        new AssignRepositoryGroupRequest().groupId(id(groupId)).permission(permission(permission)));
  }

  /**
   * Gives a group a permission on the repository, or changes the one it has.
   *
   * @param group a group as listed or read (its id is what is sent)
   * @param permission read, write or admin
   * @return the grant
   */
  public RepositoryGroup grant(Group group, RepositoryGroupPermission permission) {
    Checks.notNull("group", group);
    if (group.getId() == null) {
      throw new InvalidRequestException("group has no id: read it with org(..).group(name).get() first");
    }
    return grant(group.getId(), permission);
  }

  /**
   * Reads a group's permission on the repository.
   *
   * @param groupId the group's id
   * @return the grant
   * @throws NotFoundException when the group has no permission on it (or does not exist)
   */
  public RepositoryGroup get(long groupId) {
    return api.getRepositoryGroup(namespace, repository, id(groupId));
  }

  /**
   * A group's permission on the repository, if it has one.
   *
   * @param groupId the group's id
   * @return the grant, or empty when the server answers 404
   */
  public Optional<RepositoryGroup> find(long groupId) {
    try {
      return Optional.of(get(groupId));
    } catch (NotFoundException none) {
      return Optional.empty();
    }
  }

  /**
   * Changes the permission a group already has.
   *
   * @param groupId the group's id
   * @param permission read, write or admin
   * @return the grant
   * @throws NotFoundException when the group has no permission on the repository to change
   */
  public RepositoryGroup change(long groupId, RepositoryGroupPermission permission) {
    return api.updateRepositoryGroup(namespace, repository, id(groupId),
        new UpdateRepositoryGroupRequest().permission(permission(permission)));
  }

  /**
   * Revokes a group's permission on the repository; its members keep what other groups give them.
   *
   * @param groupId the group's id
   * @throws NotFoundException when the group has no permission on it
   */
  public void revoke(long groupId) {
    api.deleteRepositoryGroup(namespace, repository, id(groupId));
  }

  private static long id(long groupId) {
    if (groupId < 1) {
      throw new InvalidRequestException("group id must be a positive number (Group.getId()), was " + groupId);
    }
    return groupId;
  }

  private static RepositoryGroupPermission permission(RepositoryGroupPermission permission) {
    Checks.notNull("permission", permission);
    if (permission == RepositoryGroupPermission.UNKNOWN_DEFAULT_OPEN_API) {
      throw new InvalidRequestException("permission must be read, write or admin");
    }
    return permission;
  }

  @Override
  public String toString() {
    return "RepositoryGroups{" + namespace + "/" + repository + "}";
  }
}
