package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.state.Accounts;
import io.github.hubsdk.emulator.internal.state.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Seeds the administration side of an existing organization: members with roles and join dates, e-mail
 * addresses, pending invites and organization access tokens. Obtained from {@link Seeder#org(String)}:
 *
 * <pre>{@code
 * s.org("acme", Plan.BUSINESS).owners("mona");
 * s.org("acme").member("alice", Role.EDITOR).member("bob", Role.custom("Release Manager"))
 *     .invite("jane@example.com", "mona");
 * SeededToken ci = s.org("acme").accessToken("ci").repository("acme/*", "scope-image-pull")
 *     .createdDaysAgo(120).lastUsedDaysAgo(95).seed();
 * }</pre>
 */
public final class OrganizationSeeder {

  private final Store store;
  private final Accounts.Org org;
  private final Instant now;

  OrganizationSeeder(Store store, Accounts.Org org, Instant now) {
    this.store = store;
    this.org = org;
    this.now = now;
  }

  /**
   * Adds a user to the organization with a role (or changes the role of one already in it).
   *
   * @param username a seeded user
   * @param role the role; {@link Role#OWNER} makes them an owner
   * @return this seeder
   */
  public OrganizationSeeder member(String username, Role role) {
    requireUser(username);
    Objects.requireNonNull(role, "role");
    org.setRole(username, role.name());
    org.joined.putIfAbsent(username, now);
    store.invites().removeInvitee(org.name, username);
    return this;
  }

  /**
   * When an owner or member joined (default: the seeding time).
   *
   * @param username an owner or member
   * @param daysAgo how many days before {@link Seeder#now()}
   * @return this seeder
   */
  public OrganizationSeeder joinedDaysAgo(String username, int daysAgo) {
    if (!org.has(username)) {
      throw new IllegalArgumentException(username + " is not in " + org.name);
    }
    org.joined.put(username, now.minus(Duration.ofDays(daysAgo)));
    return this;
  }

  /**
   * When an owner or member joined, as an instant (for exact exports in contract tests).
   *
   * @param username an owner or member
   * @param at when they joined
   * @return this seeder
   */
  public OrganizationSeeder joinedAt(String username, Instant at) {
    if (!org.has(username)) {
      throw new IllegalArgumentException(username + " is not in " + org.name);
    }
    org.joined.put(username, Objects.requireNonNull(at, "at"));
    return this;
  }

  /**
   * The id of a pending invite.
   *
   * @param invitee the Docker ID or e-mail address it was sent to
   * @return its id
   * @throws IllegalArgumentException when there is no pending invite for it
   */
  public java.util.UUID pendingInvite(String invitee) {
    var i = store.invites().find(org.name, invitee);
    if (i == null) {
      throw new IllegalArgumentException("no pending invite of " + invitee + " to " + org.name);
    }
    return i.id;
  }

  /**
   * A user's e-mail address, as member lists and the CSV export show it (default
   * {@code <username>@users.hub-emulator.test}).
   *
   * @param username a seeded user
   * @param email the address
   * @return this seeder
   */
  public OrganizationSeeder email(String username, String email) {
    requireUser(username);
    if (email == null || email.indexOf('@') < 1) {
      throw new IllegalArgumentException("not an e-mail address: " + email);
    }
    store.emails().set(username, email);
    return this;
  }

  /**
   * A pending invite as a {@link Role#MEMBER}, into no team.
   *
   * @param invitee a Docker ID or an e-mail address
   * @param inviter an owner of the organization
   * @return this seeder
   */
  public OrganizationSeeder invite(String invitee, String inviter) {
    return invite(invitee, inviter, null, Role.MEMBER);
  }

  /**
   * A pending invite.
   *
   * @param invitee a Docker ID or an e-mail address
   * @param inviter an owner of the organization
   * @param team the group (team) to join, or null
   * @param role the role the invitee gets
   * @return this seeder
   */
  public OrganizationSeeder invite(String invitee, String inviter, String team, Role role) {
    Objects.requireNonNull(invitee, "invitee");
    Objects.requireNonNull(role, "role");
    if (!org.owners.contains(inviter)) {
      throw new IllegalArgumentException(inviter + " is not an owner of " + org.name);
    }
    if (org.has(invitee)) {
      throw new IllegalArgumentException(invitee + " is already in " + org.name);
    }
    int n = store.invites().of(org.name).size();
    store.invites().add(Store.deterministicUuid("invite\n" + org.name + "\n" + invitee + "\n" + n), org.name,
        invitee, inviter, team, role.name(), now);
    return this;
  }

  /**
   * Starts an organization access token; finish it with {@link OrgAccessTokenSeeder#seed()}.
   *
   * @param label its label (1-100 characters)
   * @return the token's seeder
   */
  public OrgAccessTokenSeeder accessToken(String label) {
    return new OrgAccessTokenSeeder(store, org, label, now);
  }

  private void requireUser(String name) {
    if (store.accounts().user(name) == null) {
      throw new IllegalArgumentException("no such user: " + name);
    }
  }
}
