package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.api.OrgsApi;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.model.OrgMember;
import io.github.hubsdk.openapi.model.UpdateOrgMemberRequest;
import java.util.stream.Stream;

/**
 * An organization's members: {@code /v2/orgs/{org}/members}. Reached through {@code hub.org("acme").members()}.
 * Any member may list and export; changing a role or removing a member needs an owner. Removing a member
 * also removes them from every group of the organization.
 */
public final class OrgMembers {

  private final Transport transport;
  private final OrgsApi api;
  private final String org;

  OrgMembers(Transport transport, String org) {
    this.transport = transport;
    this.api = transport.api(OrgsApi.class);
    this.org = org;
  }

  /**
   * Every member, lazily paged.
   *
   * @return a paginator
   */
  public Paginator<OrgMember> list() {
    return list(MemberFilter.all());
  }

  /**
   * The members the filter selects, lazily paged.
   *
   * @param filter search, role and type
   * @return a paginator
   */
  public Paginator<OrgMember> list(MemberFilter filter) {
    Checks.notNull("filter", filter);
    return transport.linkedPages(HubOperation.LIST_ORG_MEMBERS,
        (Integer page, Integer size) -> api.listOrgMembers(org, filter.search(), page, size, null, filter.type(),
            filter.role()),
        api::listOrgMembers);
  }

  /**
   * The member export as typed records, parsed line by line as the stream is consumed. Invitees are in it
   * too ({@link MemberRecord#invitee()}).
   *
   * @return the records, in the file's order
   * @throws io.github.hubsdk.client.error.MalformedResponseException when the file lacks a column
   */
  public Stream<MemberRecord> export() {
    return MemberCsv.records(exportCsv());
  }

  /**
   * The member export as Docker Hub sends it ({@code text/csv}, one header line).
   *
   * @return the CSV text
   */
  public String exportCsv() {
    return api.exportOrgMembers(org);
  }

  /**
   * Changes a member's role.
   *
   * @param username the member
   * @param role {@code Owner}, {@code Editor}, {@code Member} or a custom role's name (Business plan)
   * @return the member with the new role
   */
  public OrgMember changeRole(String username, String role) {
    Checks.segment("username", username);
    Checks.notBlank("role", role);
    if (role.equalsIgnoreCase("Invitee")) {
      throw new InvalidRequestException("Invitee is a listing's word for a pending invite, not a role");
    }
    return api.updateOrgMember(org, username, new UpdateOrgMemberRequest().role(role));
  }

  /**
   * Removes a member from the organization and from all its groups. The last owner cannot be removed.
   *
   * @param username the member
   */
  public void remove(String username) {
    api.removeOrgMember(org, Checks.segment("username", username));
  }

  @Override
  public String toString() {
    return "OrgMembers{" + org + "}";
  }
}
