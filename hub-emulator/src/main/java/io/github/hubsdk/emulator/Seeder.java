package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.state.Accounts;
import io.github.hubsdk.emulator.internal.state.OrgSettingsState;
import io.github.hubsdk.emulator.internal.state.Store;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Fluent seeding of the emulator's state: users, organizations, repositories with generated images, access
 * tokens and audit history. Handed to the {@code Consumer<Seeder>} of
 * {@link DockerHubEmulator.Builder#seed} and {@link DockerHubEmulator#seed}; valid only during that call.
 *
 * <p>Everything seeded is deterministic (digests, token uuids and secrets derive from names), so that
 * {@link DockerHubEmulator#reset()} reproduces the same state and a {@link SeededToken} stays valid.
 * Timestamps are relative to the emulator clock's {@link #now()}.
 *
 * <pre>{@code
 * DockerHubEmulator.builder().seed(s -> {
 *   s.user("mona", "s3cret").plan(Plan.TEAM).twoFactor("123456");
 *   s.org("acme", Plan.BUSINESS).owners("mona").members("hubsdk");
 *   s.repository("acme", "web").description("Front end").tags(500).tag("v1", t -> t.pushedDaysAgo(400));
 *   SeededToken ci = s.personalAccessToken("mona", "ci", "repo:read");
 * }).start();
 * }</pre>
 */
public final class Seeder {

  private final Store store;
  private final Instant now;
  private final Set<TokenSeeder> unfinished = new LinkedHashSet<>();

  Seeder(Store store, Instant now) {
    this.store = store;
    this.now = now;
  }

  /** Fails a seed that started a token and never created it: the test would otherwise miss it silently. */
  void requireFinished() {
    if (!unfinished.isEmpty()) {
      List<String> names = unfinished.stream().map(TokenSeeder::describe).toList();
      unfinished.clear();
      throw new IllegalStateException("personalAccessToken(..) without create(): " + names);
    }
  }

  /**
   * The emulator clock's time when seeding started; seeded timestamps are relative to it.
   *
   * @return the seeding time
   */
  public Instant now() {
    return now;
  }

  /**
   * Adds a user on the {@link Plan#PRO} plan without two-factor authentication.
   *
   * @param name the username (also its namespace)
   * @param password the password
   * @return a handle to refine the user
   * @throws IllegalArgumentException when a user or organization of that name exists
   */
  public UserSeeder user(String name, String password) {
    Objects.requireNonNull(password, "password");
    return new UserSeeder(store.accounts().addUser(name, password, Plan.PRO));
  }

  /**
   * Adds an organization.
   *
   * @param name the organization name (also its namespace)
   * @param plan its plan
   * @return a handle to add owners and members
   * @throws IllegalArgumentException when a user or organization of that name exists
   */
  public OrgSeeder org(String name, Plan plan) {
    return new OrgSeeder(store.accounts().addOrg(name, Objects.requireNonNull(plan, "plan")));
  }

  /**
   * Adds an organization with its owners and members in one call.
   *
   * @param name the organization name
   * @param plan its plan
   * @param owners usernames of its owners (seeded users)
   * @param members usernames of its other members (seeded users)
   * @return a handle to refine the organization
   */
  public OrgSeeder org(String name, Plan plan, List<String> owners, List<String> members) {
    return org(name, plan).owners(owners.toArray(String[]::new)).members(members.toArray(String[]::new));
  }

  /**
   * The administration side of an existing organization: members with roles, e-mail addresses, pending
   * invites, organization access tokens with resources.
   *
   * @param name a seeded organization
   * @return a handle to seed them
   * @throws IllegalArgumentException when no such organization exists
   */
  public OrganizationSeeder org(String name) {
    Accounts.Org org = store.accounts().org(name);
    if (org == null) {
      throw new IllegalArgumentException("no organization " + name + "; add it with org(name, plan) first");
    }
    return new OrganizationSeeder(store, org, now);
  }

  /**
   * The public profile of an existing user or organization (full name, location, company, join date).
   *
   * @param namespace a seeded user or organization
   * @return a handle to set its fields
   * @throws IllegalArgumentException when no such user or organization exists
   */
  public ProfileSeeder profile(String namespace) {
    if (!store.accounts().exists(namespace)) {
      throw new IllegalArgumentException("no user or organization " + namespace + " to give a profile");
    }
    return new ProfileSeeder(store.profiles().of(namespace, now));
  }

  /**
   * Adds (or returns) a group (team) of an existing organization.
   *
   * @param org a seeded organization
   * @param name the group's name, unique in the organization
   * @return a handle to add its description, members and repository permissions
   * @throws IllegalArgumentException when the organization does not exist or has the most groups allowed
   */
  public GroupSeeder group(String org, String name) {
    return GroupSeeder.of(store, org, name);
  }

  /**
   * Single sign-on with SCIM 2.0 provisioning for an organization on the Business plan (as on the live Hub,
   * where SSO is a Business feature): its SCIM token and provisioned users. Calling it again for the same
   * organization returns the same connection.
   *
   * @param org a seeded organization on {@link Plan#BUSINESS}
   * @return a handle to read the token and provision users
   * @throws IllegalArgumentException when there is no such organization, or it is on another plan
   */
  public ScimSeeder scim(String org) {
    Accounts.Org o = store.accounts().org(org);
    if (o == null) {
      throw new IllegalArgumentException("no such organization: " + org);
    }
    if (o.plan != Plan.BUSINESS) {
      throw new IllegalArgumentException("SSO and SCIM need the Business plan; " + org + " is on " + o.plan);
    }
    return new ScimSeeder(store, org, now);
  }

  /**
   * Adds (or returns) a repository of an existing user or organization: public, empty, created now.
   *
   * @param namespace the owning user or organization
   * @param name the repository name (Docker's rules: 2-255 lower-case letters, digits, {@code .}, {@code _},
   *     {@code -})
   * @return a handle to set its metadata and add tags and images
   * @throws IllegalArgumentException when the namespace does not exist or the name breaks Docker's rules
   */
  public RepositorySeeder repository(String namespace, String name) {
    return RepositorySeeder.of(store, namespace, name, now);
  }

  /**
   * Starts a personal access token with named options; {@link TokenSeeder#create()} adds it.
   *
   * <pre>{@code
   * SeededToken stale = s.personalAccessToken("mona", "old-ci").scopes("repo:read")
   *     .createdAt(s.now().minus(Duration.ofDays(200))).lastUsedAt(s.now().minus(Duration.ofDays(120)))
   *     .create();
   * }</pre>
   *
   * @param owner the user who owns it
   * @param label its label (1-100 characters)
   * @return a seeder for its scopes, times and state
   * @throws IllegalArgumentException when the user does not exist or the label is empty or too long
   */
  public TokenSeeder personalAccessToken(String owner, String label) {
    TokenSeeder[] self = new TokenSeeder[1];
    self[0] = new TokenSeeder(store, now, owner, label, () -> unfinished.remove(self[0]));
    unfinished.add(self[0]);
    return self[0];
  }

  /**
   * Adds an active personal access token without expiry, created now and never used: a shortcut for
   * {@code personalAccessToken(owner, label).scopes(scopes).create()}.
   *
   * @param owner the user who owns it
   * @param label its label (1-100 characters)
   * @param scopes its scopes, e.g. {@code repo:read}; at least one
   * @return the token's uuid, owner and secret
   */
  public SeededToken personalAccessToken(String owner, String label, String... scopes) {
    return personalAccessToken(owner, label).scopes(scopes).create();
  }

  /**
   * Adds a personal access token.
   *
   * @param owner the user who owns it
   * @param label its label (1-100 characters)
   * @param expiresAt when it stops working, or null for never
   * @param active whether it can log in
   * @param scopes its scopes, e.g. {@code repo:read}; at least one
   * @return the token's uuid, owner and secret
   * @deprecated positional arguments; use {@link #personalAccessToken(String, String)} with
   *     {@link TokenSeeder#expiresAt(Instant)} and {@link TokenSeeder#inactive()}
   */
  @Deprecated
  public SeededToken personalAccessToken(String owner, String label, Instant expiresAt, boolean active,
      String... scopes) {
    TokenSeeder token = personalAccessToken(owner, label).scopes(scopes);
    if (expiresAt != null) {
      token.expiresAt(expiresAt);
    }
    if (!active) {
      token.inactive();
    }
    return token.create();
  }

  /**
   * Adds an active organization access token that pulls every repository of the organization
   * ({@code <org>/*}, {@code scope-image-pull}); log in with the organization name as identifier. For other
   * resources, dates or an expiry use {@code org(org).accessToken(label)}.
   *
   * @param org the organization that owns it
   * @param label its label
   * @return the token's uuid, owner (the organization) and secret
   */
  public SeededToken organizationAccessToken(String org, String label) {
    return org(org).accessToken(label).repository(org + "/*", "scope-image-pull").seed();
  }

  /**
   * Adds an audit log event as if it had happened.
   *
   * @param account the namespace whose log it belongs to
   * @param action the action, e.g. {@code repo.tag.push}
   * @param name what it is about, e.g. {@code acme/web}
   * @param actor the user who did it
   * @param timestamp when it happened
   * @param data extra string data, e.g. {@code tag} and {@code digest}
   * @return this seeder
   */
  public Seeder auditEvent(String account, String action, String name, String actor, Instant timestamp,
      Map<String, String> data) {
    return auditEvent(account, action, name, actor, timestamp, data, actor + " performed " + action + " on " + name);
  }

  /**
   * Adds an audit log event with its {@code action_description}.
   *
   * @param account the namespace whose log it belongs to
   * @param action the action, e.g. {@code repo.tag.push}
   * @param name what it is about, e.g. {@code acme/web}
   * @param actor the user who did it
   * @param timestamp when it happened
   * @param data extra string data, e.g. {@code tag} and {@code digest}
   * @param description the human-readable {@code action_description}
   * @return this seeder
   */
  public Seeder auditEvent(String account, String action, String name, String actor, Instant timestamp,
      Map<String, String> data, String description) {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(description, "description");
    store.audit().record(account, action, name, actor, data, timestamp, description);
    return this;
  }

  /** Refines a seeded user. */
  public static final class UserSeeder {
    private final Accounts.User user;

    UserSeeder(Accounts.User user) {
      this.user = user;
    }

    /**
     * Turns on two-factor authentication: {@code /v2/users/login} then answers 401 with a
     * {@code login_2fa_token}, completed by {@code /v2/users/2fa-login} with this code.
     *
     * @param code the one code the emulator accepts (the emulator does not compute TOTP)
     * @return this handle
     */
    public UserSeeder twoFactor(String code) {
      user.twoFactorCode = Objects.requireNonNull(code, "code");
      return this;
    }

    /**
     * Sets the user's plan (default {@link Plan#PRO}).
     *
     * @param plan the plan
     * @return this handle
     */
    public UserSeeder plan(Plan plan) {
      user.plan = Objects.requireNonNull(plan, "plan");
      return this;
    }
  }

  /** Refines a seeded organization. */
  public final class OrgSeeder {
    private final Accounts.Org org;

    OrgSeeder(Accounts.Org org) {
      this.org = org;
    }

    /**
     * Adds owners (they may read audit logs, change settings and delete images).
     *
     * @param usernames seeded users
     * @return this handle
     */
    public OrgSeeder owners(String... usernames) {
      for (String u : usernames) {
        requireUser(u);
        org.owners.add(u);
      }
      return this;
    }

    /**
     * Adds members (they may read images; deleting answers per-manifest {@code unauthorized}).
     *
     * @param usernames seeded users
     * @return this handle
     */
    public OrgSeeder members(String... usernames) {
      for (String u : usernames) {
        requireUser(u);
        org.members.add(u);
      }
      return this;
    }

    /**
     * Sets the restricted-images settings (default: disabled, both sources allowed).
     *
     * @param enabled whether restricted images is on
     * @param allowOfficialImages whether official images are allowed
     * @param allowVerifiedPublishers whether verified publishers are allowed
     * @return this handle
     */
    public OrgSeeder restrictedImages(boolean enabled, boolean allowOfficialImages, boolean allowVerifiedPublishers) {
      OrgSettingsState.RestrictedImages settings = store.orgSettings().of(org.name);
      settings.enabled = enabled;
      settings.allowOfficial = allowOfficialImages;
      settings.allowVerified = allowVerifiedPublishers;
      return this;
    }

    /**
     * Adds (or returns) a group (team) of this organization; the same as {@link Seeder#group(String, String)}.
     *
     * @param name the group's name
     * @return a handle to refine the group
     */
    public GroupSeeder group(String name) {
      return Seeder.this.group(org.name, name);
    }

    private void requireUser(String name) {
      if (store.accounts().user(name) == null) {
        throw new IllegalArgumentException("no such user: " + name);
      }
    }
  }
}
