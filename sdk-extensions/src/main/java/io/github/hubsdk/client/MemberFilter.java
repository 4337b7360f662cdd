package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.openapi.model.OrgMemberTypeFilter;

/**
 * Which members {@link OrgMembers#list(MemberFilter)} returns. Start from {@link #all()} and narrow:
 * {@code MemberFilter.all().search("smith").role("Editor").type(OrgMemberTypeFilter.ALL)}.
 *
 * @param search text matched against usernames, names and e-mail addresses, or null
 * @param role only members with this role ({@code owner}, {@code editor}, {@code member} or a custom role), or null
 * @param type members, invitees or both; null for the server's default (members)
 */
public record MemberFilter(String search, String role, OrgMemberTypeFilter type) {

  /**
   * @throws InvalidRequestException for a blank search or role, or the generated enum's unknown value
   */
  public MemberFilter {
    if (search != null && search.isBlank()) {
      throw new InvalidRequestException("search must not be blank (use null for no search)");
    }
    if (role != null && role.isBlank()) {
      throw new InvalidRequestException("role must not be blank (use null for every role)");
    }
    if (type == OrgMemberTypeFilter.UNKNOWN_DEFAULT_OPEN_API) {
      throw new InvalidRequestException("type must be all, invitee or member");
    }
  }

  /** @return no filter: every member, no invitees */
  public static MemberFilter all() {
    return new MemberFilter(null, null, null);
  }

  /**
   * @param text the search text
   * @return this filter with that search
   */
  public MemberFilter search(String text) {
    return new MemberFilter(text, role, type);
  }

  /**
   * @param name the role
   * @return this filter with that role
   */
  public MemberFilter role(String name) {
    return new MemberFilter(search, name, type);
  }

  /**
   * @param which members, invitees or both
   * @return this filter with that type
   */
  public MemberFilter type(OrgMemberTypeFilter which) {
    return new MemberFilter(search, role, which);
  }
}
