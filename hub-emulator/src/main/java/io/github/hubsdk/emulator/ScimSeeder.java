package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.state.ScimState;
import io.github.hubsdk.emulator.internal.state.Store;
import java.time.Instant;
import java.util.Objects;

/**
 * Seeds the SCIM 2.0 side of an organization with single sign-on: its SCIM token and the users its identity
 * provider has provisioned. Obtained from {@link Seeder#scim(String)}, which turns SCIM on with a token derived
 * from the organization's name ({@link #token()}), stable across {@link DockerHubEmulator#reset()}.
 *
 * <p>Provisioning here does what {@code POST /v2/scim/2.0/Users} does: the Docker account with that e-mail
 * address (see {@link #accountEmail(String, String)}) or a new one named after the address gets a seat in the
 * organization (it becomes a member).
 *
 * <pre>{@code
 * s.org("acme", Plan.BUSINESS).owners("mona");
 * String token = s.scim("acme").user("jane.doe@example.com", "Jane", "Doe").users(250).token();
 * }</pre>
 */
public final class ScimSeeder {

  private final Store store;
  private final String org;
  private final Instant now;
  private ScimState.Directory dir;

  ScimSeeder(Store store, String org, Instant now) {
    this.store = store;
    this.org = org;
    this.now = now;
    ScimState.Directory existing = store.scim().of(org);
    this.dir = existing != null ? existing
        : store.scim().enable(org, "scim-" + Store.sha256Hex("scim-token\n" + org).substring(0, 40));
  }

  /**
   * The organization's SCIM token, the bearer of every {@code /v2/scim/2.0} call.
   *
   * @return the token
   */
  public String token() {
    return dir.token;
  }

  /**
   * Replaces the SCIM token (the old one stops working, as a token refresh in the Admin Console does).
   *
   * @param token the new token, at least 16 characters
   * @return this seeder
   * @throws IllegalArgumentException when it is shorter, or another organization's token
   */
  public ScimSeeder token(String token) {
    Objects.requireNonNull(token, "token");
    if (token.length() < 16 || token.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
      throw new IllegalArgumentException("a SCIM token needs at least 16 visible ASCII characters");
    }
    dir = store.scim().enable(org, token);
    return this;
  }

  /**
   * The SCIM id of a provisioned user (stable across {@link DockerHubEmulator#reset()}).
   *
   * @param email the address it was provisioned with (any case)
   * @return the id, as {@code GET /v2/scim/2.0/Users/{userId}} takes it
   * @throws IllegalArgumentException when no user has that address here
   */
  public String idOf(String email) {
    ScimState.User user = dir.byUserName(Objects.requireNonNull(email, "email"));
    if (user == null) {
      throw new IllegalArgumentException(email + " is not provisioned into " + org);
    }
    return user.id.toString();
  }

  /**
   * Records that a Docker account has an e-mail address, so that provisioning the address links that account
   * instead of creating one.
   *
   * @param username a seeded user
   * @param email its address
   * @return this seeder
   */
  public ScimSeeder accountEmail(String username, String email) {
    if (store.accounts().user(username) == null) {
      throw new IllegalArgumentException("no such user: " + username);
    }
    store.scim().accountEmail(username, requireEmail(email));
    return this;
  }

  /**
   * Provisions a user without a name.
   *
   * @param email the user's e-mail address (SCIM's {@code userName})
   * @return this seeder
   */
  public ScimSeeder user(String email) {
    return user(email, null, null);
  }

  /**
   * Provisions a user.
   *
   * @param email the user's e-mail address (SCIM's {@code userName})
   * @param givenName the given name, or null
   * @param familyName the family name, or null
   * @return this seeder
   * @throws IllegalArgumentException when the address is provisioned already or the directory is full
   */
  public ScimSeeder user(String email, String givenName, String familyName) {
    provision(email, givenName, familyName);
    return this;
  }

  /**
   * Provisions a user and takes its seat away, as {@code PUT} with {@code enabled: false} does: it stays in the
   * SCIM directory as inactive and is no member.
   *
   * @param email the user's e-mail address
   * @return this seeder
   */
  public ScimSeeder deactivatedUser(String email) {
    ScimState.User user = provision(email, null, null);
    store.scim().seat(dir, user, false, now);
    return this;
  }

  /**
   * Provisions {@code count} generated users {@code scim-user-00001@example.com} onwards (after those already
   * generated), named {@code User 00001} and so on; fast enough for paging tests.
   *
   * @param count how many
   * @return this seeder
   */
  public ScimSeeder users(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    int start = dir.users().size();
    for (int i = start + 1; i <= start + count; i++) {
      String n = String.format("%05d", i);
      provision("scim-user-" + n + "@example.com", "User", n);
    }
    return this;
  }

  private ScimState.User provision(String email, String givenName, String familyName) {
    String address = requireEmail(email);
    if (dir.byUserName(address) != null) {
      throw new IllegalArgumentException(address + " is provisioned into " + org + " already");
    }
    if (dir.full()) {
      throw new IllegalArgumentException(org + " has " + ScimState.MAX_USERS_PER_ORG + " SCIM users, the most");
    }
    return store.scim().provision(dir, address, givenName, familyName, now);
  }

  private static String requireEmail(String email) {
    Objects.requireNonNull(email, "email");
    int at = email.lastIndexOf('@');
    if (at < 1 || at == email.length() - 1 || email.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("not an e-mail address: " + email);
    }
    return email;
  }
}
