package io.github.hubsdk.client;

import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.api.GroupsApi;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.model.Group;
import io.github.hubsdk.openapi.model.GroupRequest;

/**
 * The groups (teams) of an organization: {@code /v2/orgs/{org}/groups}. Reached through
 * {@link Organization#groups()}; one group's details and members through {@link Organization#group(String)}.
 *
 * <pre>{@code
 * Group devs = hub.org("acme").groups().create("devs", "Builds acme/web");
 * hub.org("acme").group("devs").addMember("alice");
 * for (Group g : hub.org("acme").groups().ofMember("alice")) { ... }
 * }</pre>
 */
public final class OrgGroups {

  private final Transport transport;
  private final GroupsApi api;
  private final String org;

  OrgGroups(Transport transport, String org) {
    this.transport = transport;
    this.api = transport.api(GroupsApi.class);
    this.org = org;
  }

  /**
   * Every group of the organization, lazily paged.
   *
   * @return a paginator
   */
  public Paginator<Group> list() {
    return list(null, null);
  }

  /**
   * The groups whose name contains a text (the server's {@code search}), lazily paged.
   *
   * @param text part of a group name
   * @return a paginator
   * @throws io.github.hubsdk.client.error.InvalidRequestException when the text is blank
   */
  public Paginator<Group> search(String text) {
    return list(Checks.notBlank("search text", text), null);
  }

  /**
   * The groups a user belongs to (the server's {@code username} filter), lazily paged.
   *
   * @param username a member of the organization
   * @return a paginator
   * @throws io.github.hubsdk.client.error.InvalidRequestException when the username is blank
   */
  public Paginator<Group> ofMember(String username) {
    return list(null, Checks.notBlank("username", username));
  }

  private Paginator<Group> list(String search, String username) {
    return transport.linkedPages(HubOperation.LIST_GROUPS,
        (page, size) -> api.listGroups(org, page, size, username, search), api::listGroups);
  }

  /**
   * Creates a group without a description.
   *
   * @param name unique in the organization
   * @return the new group, with its id (used by the repository permission calls)
   * @throws io.github.hubsdk.client.error.BadRequestException when the name is taken or invalid
   */
  public Group create(String name) {
    return create(name, null);
  }

  /**
   * Creates a group.
   *
   * @param name unique in the organization
   * @param description what the group is for, or null for none
   * @return the new group, with its id (used by the repository permission calls)
   * @throws io.github.hubsdk.client.error.BadRequestException when the name is taken or invalid
   * @throws io.github.hubsdk.client.error.ForbiddenException when the caller is not an owner of the organization
   */
  public Group create(String name, String description) {
    return api.createGroup(org, new GroupRequest().name(OrgGroup.name(name)).description(description));
  }

  @Override
  public String toString() {
    return "OrgGroups{" + org + "}";
  }
}
