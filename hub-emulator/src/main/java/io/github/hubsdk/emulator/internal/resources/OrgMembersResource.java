package io.github.hubsdk.emulator.internal.resources;

import static io.github.hubsdk.emulator.internal.auth.Who.PASSWORD;
import static io.github.hubsdk.emulator.internal.auth.Who.PAT;

import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.PageParams.Page;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Require;
import io.github.hubsdk.emulator.internal.state.Accounts;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.OrgMember;
import io.github.hubsdk.openapi.model.OrgMemberPage;
import io.github.hubsdk.openapi.model.UpdateOrgMemberRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code orgs} tag's member operations: list (search, role and type filters, invitees on request),
 * the CSV export, role changes and removal. Reading needs a member of the organization, or its own
 * access token with a {@code TYPE_ORG} resource; changing needs an owner with a password or PAT login.
 * Emulator rules: a custom role name needs the Business plan (403 naming the plan); the last owner can
 * be neither demoted nor removed (400). Removing a member runs the member-removal hooks, so other families
 * (groups) drop them too. Changes are audited ({@code org.member.role.change}, {@code org.member.remove}).
 */
final class OrgMembersResource {

  static final String LAST_OWNER = "An organization needs at least one owner.";

  private final HubContext hub;
  private final Store store;
  private final OrgAccess access;
  private final MemberRows rows;

  OrgMembersResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
    this.access = new OrgAccess(store);
    this.rows = new MemberRows(hub);
  }

  @Handles("listOrgMembers")
  Reply list(Call c) {
    Accounts.Org org = access.org(c.path("org"));
    access.requireReader(c.caller(), org);
    String type = Require.choiceParam("type", c.query("type"), List.of("all", "invitee", "member"));
    String invites = Require.choiceParam("invites", c.query("invites"), List.of("true", "false"));
    boolean withMembers = type == null || !type.equals("invitee");
    boolean withInvitees = type != null ? !type.equals("member") : "true".equals(invites);
    String search = c.query("search");
    String role = c.query("role");
    List<OrgMember> all = rows.of(org, withMembers, withInvitees).stream()
        .filter(m -> search == null || matches(m, search))
        .filter(m -> role == null || role.equalsIgnoreCase(m.getRole()))
        .toList();
    Page<OrgMember> page = c.page(25, 100).linked(all);
    return Reply.ok(new OrgMemberPage().count(page.total()).next(page.next()).previous(page.previous())
        .results(page.items()));
  }

  @Handles("exportOrgMembers")
  Reply export(Call c) {
    Accounts.Org org = access.org(c.path("org"));
    access.requireReader(c.caller(), org);
    return Reply.text(200, "text/csv", rows.csv(org)).header("Content-Disposition",
        "attachment;filename=\"" + org.name + "-members-" + hub.now().getEpochSecond() + ".csv\"");
  }

  @Handles(value = "updateOrgMember", callers = {PASSWORD, PAT})
  Reply update(Call c) {
    Accounts.Org org = access.org(c.path("org"));
    access.requireOwner(c.caller(), org);
    String user = c.path("username");
    UpdateOrgMemberRequest body = c.body(UpdateOrgMemberRequest.class);
    Require check = new Require();
    String raw = check.text("role", body.getRole(), true, 100);
    check.check();
    if (!org.has(user)) {
      throw HubError.notFound();
    }
    String role = canonical(raw);
    if (role.equalsIgnoreCase("Invitee")) {
      throw HubError.invalid("role", "Invitee is not a role a member can have.");
    }
    if (!role.equals(Accounts.OWNER) && !role.equals(Accounts.EDITOR) && !role.equals(Accounts.MEMBER)
        && org.plan != Plan.BUSINESS) {
      throw HubError.forbidden(OrgAccess.PLAN_WITHOUT_CUSTOM_ROLES);
    }
    String previous = org.roleOf(user);
    if (previous.equals(Accounts.OWNER) && !role.equals(Accounts.OWNER) && org.owners.size() == 1) {
      throw HubError.invalid("role", LAST_OWNER);
    }
    org.setRole(user, role);
    if (!previous.equals(role)) {
      Map<String, String> data = new LinkedHashMap<>();
      data.put("member", user);
      data.put("role", role);
      data.put("previous_role", previous);
      store.audit().record(org.name, "org.member.role.change", user, c.caller().username(), data, hub.now(),
          "changed the role of " + user + " from " + previous + " to " + role);
    }
    return Reply.ok(rows.member(org, user));
  }

  @Handles(value = "removeOrgMember", callers = {PASSWORD, PAT})
  Reply remove(Call c) {
    Accounts.Org org = access.org(c.path("org"));
    access.requireOwner(c.caller(), org);
    String user = c.path("username");
    if (!org.has(user)) {
      throw HubError.notFound();
    }
    if (org.owners.contains(user) && org.owners.size() == 1) {
      throw HubError.invalid("username", LAST_OWNER);
    }
    String role = org.roleOf(user);
    store.accounts().removeMember(org.name, user);
    store.audit().record(org.name, "org.member.remove", user, c.caller().username(), Map.of("member", user,
        "role", role), hub.now(), "removed " + user + " from the organization");
    return Reply.noContent();
  }

  /** The built-in roles in any case as the API spells them; anything else is a custom role, kept as sent. */
  static String canonical(String role) {
    for (String builtIn : List.of(Accounts.OWNER, Accounts.EDITOR, Accounts.MEMBER)) {
      if (builtIn.equalsIgnoreCase(role)) {
        return builtIn;
      }
    }
    return role;
  }

  private static boolean matches(OrgMember m, String search) {
    String s = search.toLowerCase(Locale.ROOT);
    return contains(m.getUsername(), s) || contains(m.getFullName(), s) || contains(m.getEmail(), s);
  }

  private static boolean contains(String field, String lowerNeedle) {
    return field != null && field.toLowerCase(Locale.ROOT).contains(lowerNeedle);
  }
}
