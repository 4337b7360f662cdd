package io.github.hubsdk.emulator.internal.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Pending invites to organizations, by id. An invitee is a Docker ID or an e-mail address; the same
 * invitee is invited to an organization at most once (compared without case, as Docker IDs and e-mail
 * addresses are). Bounded: at most {@value #MAX_PER_ORG} pending invites per organization. Guarded by the
 * {@link Store}'s monitor.
 */
public final class Invites {

  /** At most this many pending invites per organization; the API answers 400 beyond. */
  public static final int MAX_PER_ORG = 500;

  /** One pending invite. */
  public static final class Invite {
    public final UUID id;
    public final String org;
    public final String invitee;
    public final String inviter;
    public final String team;
    public final String role;
    public Instant createdAt;
    /** How many times its e-mail was sent (1 at creation, +1 per resend). */
    public int sent = 1;
    public Instant lastSentAt;

    Invite(UUID id, String org, String invitee, String inviter, String team, String role, Instant createdAt) {
      this.id = id;
      this.org = org;
      this.invitee = invitee;
      this.inviter = inviter;
      this.team = team;
      this.role = role;
      this.createdAt = createdAt;
      this.lastSentAt = createdAt;
    }

    /** Whether the invitee is an e-mail address rather than a Docker ID. */
    public boolean byEmail() {
      return invitee.indexOf('@') >= 0;
    }
  }

  private final Map<UUID, Invite> byId = new LinkedHashMap<>();

  void clear() {
    byId.clear();
  }

  /**
   * Adds an invite.
   *
   * @throws IllegalStateException when the organization already has {@value #MAX_PER_ORG} pending invites
   * @throws IllegalArgumentException when the invitee is already invited there
   */
  public Invite add(UUID id, String org, String invitee, String inviter, String team, String role, Instant at) {
    if (of(org).size() >= MAX_PER_ORG) {
      throw new IllegalStateException("organization " + org + " has " + MAX_PER_ORG + " pending invites");
    }
    if (find(org, invitee) != null) {
      throw new IllegalArgumentException(invitee + " is already invited to " + org);
    }
    Invite invite = new Invite(id, org, invitee, inviter, team, role, at);
    byId.put(id, invite);
    return invite;
  }

  /** @return the invite, or null (also for a malformed id) */
  public Invite byId(String rawId) {
    try {
      return byId.get(UUID.fromString(rawId));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public void remove(Invite invite) {
    byId.remove(invite.id);
  }

  /** The pending invites of an organization, oldest first. */
  public List<Invite> of(String org) {
    List<Invite> out = new ArrayList<>();
    for (Invite i : byId.values()) {
      if (i.org.equals(org)) {
        out.add(i);
      }
    }
    return out;
  }

  /** The pending invite of this invitee (case-insensitive) to the organization, or null. */
  public Invite find(String org, String invitee) {
    String wanted = invitee.toLowerCase(Locale.ROOT);
    for (Invite i : byId.values()) {
      if (i.org.equals(org) && i.invitee.toLowerCase(Locale.ROOT).equals(wanted)) {
        return i;
      }
    }
    return null;
  }

  /** Drops every pending invite of an organization for this invitee (when they join or are removed). */
  public void removeInvitee(String org, String invitee) {
    Invite i = find(org, invitee);
    if (i != null) {
      byId.remove(i.id);
    }
  }
}
