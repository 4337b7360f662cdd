package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.openapi.api.InvitesApi;
import io.github.hubsdk.openapi.model.CreateInvitesRequest;
import io.github.hubsdk.openapi.model.CreateInvitesResponse;
import io.github.hubsdk.openapi.model.Invite;
import io.github.hubsdk.openapi.model.InviteList;
import io.github.hubsdk.openapi.model.InviteResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An organization's pending invites: list, bulk invite, resend, cancel. Reached through
 * {@code hub.org("acme").invites()}; only owners may call these. A bulk invite is a dry run unless asked
 * otherwise, so a script shows whom it would invite before it e-mails anyone:
 *
 * <pre>{@code
 * BulkInvite invite = hub.org("acme").invites().invite(List.of("jane@example.com", "octocat")).team("web");
 * InviteOutcome plan = invite.submit();            // dry run: validated, nobody invited
 * if (plan.allInvitable()) {
 *   invite.dryRun(false).submit();                 // now the e-mails go out
 * }
 * }</pre>
 */
public final class OrgInvites {

  /** The most invitees one request may carry (the emulator's limit; the live Hub documents none). */
  public static final int MAX_INVITEES = 100;

  private final InvitesApi api;
  private final String org;

  OrgInvites(Transport transport, String org) {
    this.api = transport.api(InvitesApi.class);
    this.org = org;
  }

  /**
   * Every pending invite (the API answers them in one unpaged list).
   *
   * @return the invites, oldest first
   */
  public List<Invite> list() {
    InviteList out = api.listOrgInvites(org);
    return out.getData() == null ? List.of() : List.copyOf(out.getData());
  }

  /**
   * Starts a bulk invite; nothing is sent until {@link BulkInvite#submit()}, and then only a dry run unless
   * {@link BulkInvite#dryRun(boolean) dryRun(false)}.
   *
   * @param invitees Docker IDs and/or e-mail addresses, 1 to {@value #MAX_INVITEES}, duplicates dropped
   * @return the invite to refine and submit
   */
  public BulkInvite invite(Collection<String> invitees) {
    if (invitees == null || invitees.isEmpty()) {
      throw new InvalidRequestException("invitees must name at least one Docker ID or e-mail address");
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String i : invitees) {
      unique.add(Checks.notBlank("invitee", i).trim());
    }
    if (unique.size() > MAX_INVITEES) {
      throw new InvalidRequestException("at most " + MAX_INVITEES + " invitees per request, got " + unique.size());
    }
    return new BulkInvite(List.copyOf(unique), null, null, true);
  }

  /**
   * Sends an invite's e-mail again.
   *
   * @param inviteId the invite's id
   */
  public void resend(UUID inviteId) {
    api.resendInvite(Checks.notNull("inviteId", inviteId));
  }

  /**
   * Cancels a pending invite.
   *
   * @param inviteId the invite's id
   */
  public void cancel(UUID inviteId) {
    api.cancelInvite(Checks.notNull("inviteId", inviteId));
  }

  /** A bulk invite being prepared; immutable, each setter returns a new one. */
  public final class BulkInvite {
    private final List<String> invitees;
    private final String team;
    private final String role;
    private final boolean dryRun;

    private BulkInvite(List<String> invitees, String team, String role, boolean dryRun) {
      this.invitees = invitees;
      this.team = team;
      this.role = role;
      this.dryRun = dryRun;
    }

    /**
     * @param name the group (team) the invitees join
     * @return this invite with that team
     */
    public BulkInvite team(String name) {
      return new BulkInvite(invitees, Checks.notBlank("team", name), role, dryRun);
    }

    /**
     * @param name the role they get ({@code Member} by default; {@code Owner}, {@code Editor} or a custom role)
     * @return this invite with that role
     */
    public BulkInvite role(String name) {
      Checks.notBlank("role", name);
      if (name.equalsIgnoreCase("Invitee")) {
        throw new InvalidRequestException("Invitee is a listing's word for a pending invite, not a role");
      }
      return new BulkInvite(invitees, team, name, dryRun);
    }

    /**
     * @param only true (the default) to validate only; false to invite
     * @return this invite with that choice
     */
    public BulkInvite dryRun(boolean only) {
      return new BulkInvite(invitees, team, role, only);
    }

    /**
     * Sends the request: a dry run validates and invites nobody.
     *
     * @return the status of each invitee
     * @throws io.github.hubsdk.client.error.ConflictException when an invitee is already a member or invited
     *     (then nobody is invited)
     */
    public InviteOutcome submit() {
      CreateInvitesResponse r = api.createInvites(new CreateInvitesRequest().org(org).team(team).role(role)
          .invitees(new ArrayList<>(invitees)).dryRun(dryRun));
      List<InviteResult> results = r.getInvitees() == null ? List.of() : r.getInvitees();
      return new InviteOutcome(dryRun, results);
    }

    @Override
    public String toString() {
      return "BulkInvite{" + org + ", " + invitees.size() + " invitee(s), dryRun=" + dryRun + "}";
    }
  }

  /**
   * What a bulk invite did or, for a dry run, would do.
   *
   * @param dryRun whether nobody was invited
   * @param results the status of each invitee ({@code invited}, or why not)
   */
  public record InviteOutcome(boolean dryRun, List<InviteResult> results) {
    /** Copies the results. */
    public InviteOutcome {
      results = List.copyOf(results);
    }

    /** @return whether every invitee has the status {@code invited} */
    public boolean allInvitable() {
      return results.stream().allMatch(r -> "invited".equals(r.getStatus()));
    }

    /** @return the invitees that could not be invited, with their status */
    public List<InviteResult> refused() {
      return results.stream().filter(r -> !"invited".equals(r.getStatus())).toList();
    }
  }

  @Override
  public String toString() {
    return "OrgInvites{" + org + "}";
  }
}
