package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.api.GroupsApi;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.model.AddGroupMemberRequest;
import io.github.hubsdk.openapi.model.Group;
import io.github.hubsdk.openapi.model.GroupMember;
import io.github.hubsdk.openapi.model.GroupRequest;
import io.github.hubsdk.openapi.model.UpdateGroupRequest;

/**
 * One group (team) of an organization, by name: {@code /v2/orgs/{org}/groups/{name}} and its members.
 * Reached through {@link Organization#group(String)}. The handle keeps the name it was made with: after a
 * rename, use {@code org.group(newName)}.
 */
public final class OrgGroup {

  private final Transport transport;
  private final GroupsApi api;
  private final String org;
  private final String name;

  OrgGroup(Transport transport, String org, String name) {
    this.transport = transport;
    this.api = transport.api(GroupsApi.class);
    this.org = org;
    this.name = name(name);
  }

  /** A group name: one path segment (the server may refuse more). */
  static String name(String name) {
    return Checks.segment("group name", name);
  }

  /**
   * Reads the group.
   *
   * @return the group, with its id and member count
   * @throws io.github.hubsdk.client.error.NotFoundException when the organization or group does not exist
   */
  public Group get() {
    return api.getGroup(org, name);
  }

  /**
   * Replaces the group's details ({@code PUT}): a description left null is cleared.
   *
   * @param newName the group's name afterwards (the same name keeps it)
   * @param description the description afterwards, or null for none
   * @return the group as stored
   * @throws io.github.hubsdk.client.error.BadRequestException when the new name is taken or invalid
   */
  public Group replace(String newName, String description) {
    return api.replaceGroup(org, name, new GroupRequest().name(name(newName)).description(description));
  }

  /**
   * Changes the fields set in {@code patch} ({@code PATCH}); the others stay as they are.
   *
   * @param patch at least one of name, description and role set
   * @return the group as stored
   * @throws InvalidRequestException when nothing is set, or a name or role is blank
   */
  public Group update(UpdateGroupRequest patch) {
    Checks.notNull("patch", patch);
    if (patch.getName() == null && patch.getDescription() == null && patch.getRole() == null) {
      throw new InvalidRequestException("patch must change the name, the description or the role");
    }
    if (patch.getName() != null) {
      name(patch.getName());
    }
    if (patch.getRole() != null) {
      Checks.notBlank("role", patch.getRole());
    }
    return api.updateGroup(org, name, patch);
  }

  /**
   * Renames the group, keeping its id, members and repository permissions.
   *
   * @param newName unique in the organization
   * @return the group as stored
   */
  public Group rename(String newName) {
    return update(new UpdateGroupRequest().name(name(newName)));
  }

  /**
   * Changes the description only.
   *
   * @param description the new description (empty clears it)
   * @return the group as stored
   */
  public Group describe(String description) {
    return update(new UpdateGroupRequest().description(Checks.notNull("description", description)));
  }

  /**
   * Deletes the group for good. Its members stay in the organization; its permissions on repositories go.
   *
   * @throws io.github.hubsdk.client.error.NotFoundException when it does not exist (any more)
   */
  public void delete() {
    api.deleteGroup(org, name);
  }

  /**
   * The group's members, lazily paged.
   *
   * @return a paginator
   */
  public Paginator<GroupMember> members() {
    return members(null);
  }

  /**
   * The members whose username or full name (or, for owners, e-mail) contains a text, lazily paged.
   *
   * @param text search text, or null for every member
   * @return a paginator
   */
  public Paginator<GroupMember> members(String text) {
    if (text != null) {
      Checks.notBlank("search text", text);
    }
    return transport.linkedPages(HubOperation.LIST_GROUP_MEMBERS,
        (page, size) -> api.listGroupMembers(org, name, page, size, text), api::listGroupMembers);
  }

  /**
   * Adds a member of the organization to the group; adding a member twice changes nothing.
   *
   * @param username a member of the organization
   * @throws io.github.hubsdk.client.error.BadRequestException when the user does not belong to the organization
   */
  public void addMember(String username) {
    api.addGroupMember(org, name, new AddGroupMemberRequest().member(Checks.notBlank("username", username)));
  }

  /**
   * Removes a user from the group; they stay in the organization.
   *
   * @param username a member of the group
   * @throws io.github.hubsdk.client.error.NotFoundException when they are not in the group
   */
  public void removeMember(String username) {
    api.removeGroupMember(org, name, Checks.segment("username", username));
  }

  @Override
  public String toString() {
    return "OrgGroup{" + org + "/" + name + "}";
  }
}
