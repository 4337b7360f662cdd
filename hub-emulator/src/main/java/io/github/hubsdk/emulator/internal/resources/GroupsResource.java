package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.PageParams.Page;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Require;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.state.Accounts.Org;
import io.github.hubsdk.emulator.internal.state.Groups;
import io.github.hubsdk.emulator.internal.state.Groups.Group;
import io.github.hubsdk.emulator.internal.state.Profiles.Profile;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.AccountType;
import io.github.hubsdk.openapi.model.AddGroupMemberRequest;
import io.github.hubsdk.openapi.model.GroupMember;
import io.github.hubsdk.openapi.model.GroupMemberPage;
import io.github.hubsdk.openapi.model.GroupPage;
import io.github.hubsdk.openapi.model.GroupRequest;
import io.github.hubsdk.openapi.model.UpdateGroupRequest;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code groups} tag: an organization's groups (teams) and their members. Emulator rules where the
 * live behaviour is not documented:
 * <ul>
 *   <li>reading (list, get, members) needs a member or owner of the organization, or an organization access
 *       token of it with a {@code TYPE_ORG} resource (as the member list, {@link OrgAccess}); changing
 *       anything needs an owner (a user: an organization access token is never an owner, and which OAT scope
 *       would allow team changes is not documented, so an OAT gets 403); only owners see members' e-mail
 *       addresses (and match them with {@code search});
 *   <li>names: 1-100 characters, letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter
 *       or digit; unique per organization (a taken name answers 400); descriptions up to 1000 characters;
 *   <li>a member must belong to the organization (else 400 on {@code member}); adding one twice is a no-op.
 * </ul>
 * Every change writes an audit event in the organization's log ({@code org.team.*}).
 */
final class GroupsResource {

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  static final int MAX_DESCRIPTION = 1000;
  private static final Texts.Problem BAD_NAME = new Texts.Problem(
      "Enter a valid group name: up to 100 letters, digits, '.', '_' or '-', starting with a letter or digit.",
      "must be up to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
  private static final String PROFILE_BASE = "https://hub.docker.com/u/";

  private final HubContext hub;
  private final Store store;
  private final OrgAccess access;

  GroupsResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
    this.access = new OrgAccess(store);
  }

  @Handles("listGroups")
  Reply list(Call c) {
    Org org = readable(c);
    String username = c.query("username");
    String search = lower(c.query("search"));
    List<Group> all = store.groups().of(org.name).stream()
        .filter(g -> username == null || g.members.contains(username))
        .filter(g -> search == null || g.name.toLowerCase(Locale.ROOT).contains(search))
        .toList();
    Page<io.github.hubsdk.openapi.model.Group> page = c.page(10, 100).linked(all).map(GroupsResource::toModel);
    return Reply.ok(new GroupPage().count(page.total()).next(page.next()).previous(page.previous())
        .results(page.items()));
  }

  @Handles("createGroup")
  Reply create(Call c) {
    Org org = managed(c);
    GroupRequest body = c.body(GroupRequest.class);
    Require check = new Require();
    String name = name(check, body.getName(), true);
    String description = description(check, body.getDescription());
    check.check();
    Group g;
    try {
      g = store.groups().create(org.name, name, description);
    } catch (Groups.Refused e) {
      throw HubError.invalidField("name", problem(e));
    }
    audit(c, g, "org.team.create", Map.of(), "created the team " + g.name);
    return Reply.created(toModel(g));
  }

  @Handles("getGroup")
  Reply get(Call c) {
    return Reply.ok(toModel(group(c, readable(c))));
  }

  @Handles("replaceGroup")
  Reply replace(Call c) {
    Group g = group(c, managed(c));
    GroupRequest body = c.body(GroupRequest.class);
    Require check = new Require();
    String name = name(check, body.getName(), true);
    String description = description(check, body.getDescription());
    check.check();
    // PUT replaces: a description left out is cleared.
    return changed(c, g, name, description == null ? "" : description, null);
  }

  @Handles("updateGroup")
  Reply update(Call c) {
    Group g = group(c, managed(c));
    UpdateGroupRequest body = c.body(UpdateGroupRequest.class);
    Require check = new Require();
    String name = name(check, body.getName(), false);
    String description = description(check, body.getDescription());
    String role = check.text("role", body.getRole(), false, 100);
    check.check();
    if (body.getName() == null && body.getDescription() == null && body.getRole() == null) {
      throw HubError.invalid("non_field_errors", "Send at least one of name, description and role.");
    }
    return changed(c, g, name, description, role);
  }

  @Handles("deleteGroup")
  Reply delete(Call c) {
    Group g = group(c, managed(c));
    store.groups().delete(g);
    audit(c, g, "org.team.delete", Map.of(), "deleted the team " + g.name);
    return Reply.noContent();
  }

  @Handles("listGroupMembers")
  Reply members(Call c) {
    Org org = readable(c);
    Group g = group(c, org);
    String search = lower(c.query("search"));
    // Only owners see (and search) e-mail addresses, as in the member list.
    boolean owner = c.caller().isUser() && org.owners.contains(c.caller().username());
    List<GroupMember> all = g.members.stream().map(u -> member(u, owner))
        .filter(m -> search == null || m.getUsername().toLowerCase(Locale.ROOT).contains(search)
            || m.getFullName().toLowerCase(Locale.ROOT).contains(search)
            || m.getEmail() != null && m.getEmail().toLowerCase(Locale.ROOT).contains(search))
        .toList();
    Page<GroupMember> page = c.page(10, 100).linked(all);
    return Reply.ok(new GroupMemberPage().count(page.total()).next(page.next()).previous(page.previous())
        .results(page.items()));
  }

  @Handles("addGroupMember")
  Reply addMember(Call c) {
    Group g = group(c, managed(c));
    String member = c.body(AddGroupMemberRequest.class).getMember();
    Require check = new Require();
    check.text("member", member, true, 1000);
    check.check();
    boolean added;
    try {
      added = store.groups().addMember(g, member);
    } catch (Groups.Refused e) {
      throw HubError.invalidField("member", problem(e));
    }
    if (added) {
      audit(c, g, "org.team.member.add", Map.of("member", member), "added " + member + " to the team " + g.name);
    }
    return Reply.of(200, null);
  }

  @Handles("removeGroupMember")
  Reply removeMember(Call c) {
    Group g = group(c, managed(c));
    String username = c.path("username");
    if (!g.members.remove(username)) {
      throw HubError.notFound();
    }
    audit(c, g, "org.team.member.remove", Map.of("member", username),
        "removed " + username + " from the team " + g.name);
    return Reply.noContent();
  }

  private Reply changed(Call c, Group g, String name, String description, String role) {
    String before = g.name;
    Map<String, String> data = new LinkedHashMap<>();
    if (name != null && !name.equals(g.name)) {
      try {
        store.groups().rename(g, name);
      } catch (Groups.Refused e) {
        throw HubError.invalidField("name", problem(e));
      }
      data.put("previous_name", before);
    }
    if (description != null) {
      g.description = description;
      data.put("description", description);
    }
    if (role != null) {
      g.role = role;
      data.put("role", role);
    }
    audit(c, g, "org.team.update", data, "updated the team " + g.name);
    return Reply.ok(toModel(g));
  }

  /** The path's organization: 404 when missing, 403 unless the caller may read it (as its member list). */
  private Org readable(Call c) {
    Org org = access.org(c.path("org"));
    access.requireReader(c.caller(), org);
    return org;
  }

  /** The path's organization: 404 when missing, 403 unless the caller is one of its owners. */
  private Org managed(Call c) {
    Org org = access.org(c.path("org"));
    access.requireOwner(c.caller(), org);
    return org;
  }

  private Group group(Call c, Org org) {
    Group g = store.groups().get(org.name, c.path("groupName"));
    if (g == null) {
      throw HubError.notFound();
    }
    return g;
  }

  private static String name(Require check, String name, boolean required) {
    String value = check.text("name", name, required, 100);
    if (value != null && !NAME.matcher(value).matches()) {
      check.add("name", BAD_NAME);
      return null;
    }
    return value;
  }

  private static String description(Require check, String description) {
    if (description == null) {
      return null;
    }
    if (description.length() > MAX_DESCRIPTION) {
      check.add("description", Texts.maxLength(MAX_DESCRIPTION));
      return null;
    }
    return description;
  }

  private void audit(Call c, Group g, String action, Map<String, String> extra, String description) {
    Map<String, String> data = new LinkedHashMap<>(extra);
    data.put("team", g.name);
    data.put("team_id", Long.toString(g.id));
    store.audit().record(g.org, action, g.name, c.caller().username(), data, hub.now(), description);
  }

  private GroupMember member(String username, boolean withEmail) {
    Profile p = store.profiles().of(username, hub.now());
    return new GroupMember().id(p.id).username(username).fullName(p.fullName).company(p.company)
        .location(p.location).dateJoined(p.joined.atOffset(ZoneOffset.UTC)).gravatarEmail("").gravatarUrl("")
        .profileUrl(PROFILE_BASE + username).type(AccountType.USER)
        .email(withEmail ? store.emails().of(username) : null);
  }

  static io.github.hubsdk.openapi.model.Group toModel(Group g) {
    return new io.github.hubsdk.openapi.model.Group().id(g.id).uuid(g.uuid).name(g.name)
        .description(g.description).memberCount(g.members.size());
  }

  private static Texts.Problem problem(Groups.Refused e) {
    return new Texts.Problem(e.getMessage(), e.getMessage());
  }

  private static String lower(String s) {
    return s == null || s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
  }
}
