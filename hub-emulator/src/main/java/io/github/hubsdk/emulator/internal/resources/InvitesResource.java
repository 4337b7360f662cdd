package io.github.hubsdk.emulator.internal.resources;

import static io.github.hubsdk.emulator.internal.auth.Who.PASSWORD;
import static io.github.hubsdk.emulator.internal.auth.Who.PAT;

import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Require;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.server.Wire;
import io.github.hubsdk.emulator.internal.state.Accounts;
import io.github.hubsdk.emulator.internal.state.Invites;
import io.github.hubsdk.emulator.internal.state.Invites.Invite;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.CreateInvitesRequest;
import io.github.hubsdk.openapi.model.CreateInvitesResponse;
import io.github.hubsdk.openapi.model.InviteList;
import io.github.hubsdk.openapi.model.InviteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code invites} tag: pending invites (unpaged {@code {data}}), bulk invites (202 with a status per
 * invitee, 409 when one is already a member or invited, nothing invited then), resend and cancel. Only an
 * owner of the organization, with a password or PAT login. Emulator rules: an invitee is an existing
 * Docker ID or an e-mail address (else status {@code invalid_email_or_docker_id}); a dry run checks
 * everything, conflicts included, and invites nobody (statuses {@code invited} without an {@code invite});
 * at most {@value #MAX_INVITEES} invitees per request and {@value Invites#MAX_PER_ORG} pending invites per
 * organization (400 beyond); the team is not checked against the groups. Audited as
 * {@code org.member.invite.send|resend|cancel}.
 */
final class InvitesResource {

  static final int MAX_INVITEES = 100;
  static final String INVITED = "invited";
  static final String INVALID = "invalid_email_or_docker_id";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final HubContext hub;
  private final Store store;
  private final OrgAccess access;

  InvitesResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
    this.access = new OrgAccess(store);
  }

  @Handles(value = "listOrgInvites", callers = {PASSWORD, PAT})
  Reply list(Call c) {
    Accounts.Org org = access.org(c.path("org"));
    access.requireOwner(c.caller(), org);
    return Reply.ok(new InviteList().data(store.invites().of(org.name).stream().map(InvitesResource::toModel).toList()));
  }

  @Handles(value = "createInvites", callers = {PASSWORD, PAT})
  Reply create(Call c) {
    CreateInvitesRequest body = c.body(CreateInvitesRequest.class);
    Require check = new Require();
    String orgName = check.text("org", body.getOrg(), true, 255);
    String role = body.getRole() == null ? Accounts.MEMBER : check.text("role", body.getRole(), false, 100);
    List<String> invitees = body.getInvitees();
    if (invitees == null || invitees.isEmpty()) {
      check.add("invitees", Texts.REQUIRED);
    } else if (invitees.size() > MAX_INVITEES) {
      check.add("invitees", new Texts.Problem("Ensure this field has no more than " + MAX_INVITEES + " elements.",
          "must have at most " + MAX_INVITEES + " elements"));
    } else if (invitees.stream().anyMatch(i -> i == null || i.isBlank())) {
      check.add("invitees", Texts.BLANK);
    }
    check.check();
    Accounts.Org org = store.accounts().org(orgName);
    if (org == null) {
      throw HubError.forbidden(); // no 404 here: the organization is in the body, and one cannot own what is not
    }
    access.requireOwner(c.caller(), org);
    role = OrgMembersResource.canonical(role);
    if (role.equalsIgnoreCase("Invitee")) {
      throw HubError.invalid("role", "Invitee is not a role a member can have.");
    }
    if (!role.equals(Accounts.OWNER) && !role.equals(Accounts.EDITOR) && !role.equals(Accounts.MEMBER)
        && org.plan != Plan.BUSINESS) {
      throw HubError.forbidden(OrgAccess.PLAN_WITHOUT_CUSTOM_ROLES);
    }
    Set<String> unique = new LinkedHashSet<>();
    invitees.forEach(i -> unique.add(i.trim()));
    List<String> conflicts = new ArrayList<>();
    List<String> valid = new ArrayList<>();
    List<InviteResult> results = new ArrayList<>();
    for (String invitee : unique) {
      boolean email = invitee.indexOf('@') >= 0;
      String user = email ? store.emails().userOf(invitee) : invitee;
      if (email ? !EMAIL.matcher(invitee).matches() : store.accounts().user(invitee) == null) {
        results.add(new InviteResult().invitee(invitee).status(INVALID));
      } else if ((user != null && org.has(user))) {
        conflicts.add(invitee + " is already a member of " + org.name);
      } else if (store.invites().find(org.name, invitee) != null) {
        conflicts.add(invitee + " is already invited to " + org.name);
      } else {
        valid.add(invitee);
        results.add(new InviteResult().invitee(invitee).status(INVITED));
      }
    }
    if (!conflicts.isEmpty()) {
      throw HubError.conflict(String.join("; ", conflicts));
    }
    if (store.invites().of(org.name).size() + valid.size() > Invites.MAX_PER_ORG) {
      throw HubError.invalid("invitees", "An organization can have at most " + Invites.MAX_PER_ORG
          + " pending invites.");
    }
    if (!Boolean.TRUE.equals(body.getDryRun())) {
      Instant now = hub.now();
      String inviter = c.caller().username();
      for (InviteResult r : results) {
        if (INVITED.equals(r.getStatus())) {
          Invite i = store.invites().add(UUID.randomUUID(), org.name, r.getInvitee(), inviter, body.getTeam(), role, now);
          r.invite(toModel(i));
          store.audit().record(org.name, "org.member.invite.send", r.getInvitee(), inviter,
              Map.of("invitee", r.getInvitee(), "role", role, "team", body.getTeam() == null ? "" : body.getTeam()),
              now, "invited " + r.getInvitee() + " to the organization");
        }
      }
    }
    return Reply.of(202, new CreateInvitesResponse().invitees(results));
  }

  @Handles(value = "cancelInvite", callers = {PASSWORD, PAT})
  Reply cancel(Call c) {
    Invite i = owned(c);
    store.invites().remove(i);
    store.audit().record(i.org, "org.member.invite.cancel", i.invitee, c.caller().username(),
        Map.of("invitee", i.invitee, "id", i.id.toString()), hub.now(), "cancelled the invite of " + i.invitee);
    return Reply.noContent();
  }

  @Handles(value = "resendInvite", callers = {PASSWORD, PAT})
  Reply resend(Call c) {
    Invite i = owned(c);
    i.sent++;
    i.lastSentAt = hub.now();
    store.audit().record(i.org, "org.member.invite.resend", i.invitee, c.caller().username(),
        Map.of("invitee", i.invitee, "id", i.id.toString()), hub.now(), "resent the invite of " + i.invitee);
    return Reply.noContent();
  }

  /** The path's invite (404) when the caller owns its organization (403). */
  private Invite owned(Call c) {
    Invite i = store.invites().byId(c.path("inviteId"));
    if (i == null) {
      throw HubError.notFound();
    }
    access.requireOwner(c.caller(), access.org(i.org));
    return i;
  }

  static io.github.hubsdk.openapi.model.Invite toModel(Invite i) {
    return new io.github.hubsdk.openapi.model.Invite().id(i.id).inviterUsername(i.inviter).invitee(i.invitee)
        .org(i.org).team(i.team).createdAt(Wire.time(i.createdAt));
  }
}
