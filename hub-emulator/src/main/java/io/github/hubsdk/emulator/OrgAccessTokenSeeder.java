package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.ApiRules;
import io.github.hubsdk.emulator.internal.OatRules;
import io.github.hubsdk.emulator.internal.state.Accounts;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.emulator.internal.state.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds one organization access token for seeding; {@link #seed()} adds it. Obtained from
 * {@link OrganizationSeeder#accessToken(String)}. Defaults: active, created now by the organization's first
 * owner, never used, no expiry, no resources (such a token logs in but reaches nothing).
 */
public final class OrgAccessTokenSeeder {

  private final Store store;
  private final Accounts.Org org;
  private final String label;
  private final Instant now;
  private final List<Tokens.Resource> resources = new ArrayList<>();
  private String description = "";
  private String createdBy;
  private Instant createdAt;
  private Instant lastUsed;
  private Instant expiresAt;
  private boolean active = true;
  private String secret;

  OrgAccessTokenSeeder(Store store, Accounts.Org org, String label, Instant now) {
    TokenSeeder.checkLabel(label);
    this.store = store;
    this.org = org;
    this.label = label;
    this.now = now;
    this.createdAt = now;
    this.createdBy = org.owners.isEmpty() ? "" : org.owners.iterator().next();
  }

  /**
   * Repositories it may reach: {@code acme/web}, a glob such as {@code acme/*}, or {@code *}{@code /*}{@code /public}.
   *
   * @param path the repository path or glob
   * @param scopes {@code scope-image-pull} and/or {@code scope-image-push}
   * @return this seeder
   */
  public OrgAccessTokenSeeder repository(String path, String... scopes) {
    return resource(OatRules.TYPE_REPO, path, scopes);
  }

  /**
   * The organization itself (members, audit logs).
   *
   * @param scopes scope names, e.g. {@code scope-audit-log-read}
   * @return this seeder
   */
  public OrgAccessTokenSeeder organization(String... scopes) {
    return resource(OatRules.TYPE_ORG, org.name, scopes);
  }

  private OrgAccessTokenSeeder resource(String type, String path, String... scopes) {
    String problem = OatRules.problem(org.name, type, path, List.of(scopes));
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (resources.size() >= OatRules.MAX_RESOURCES) {
      throw new IllegalArgumentException("at most " + OatRules.MAX_RESOURCES + " resources");
    }
    resources.add(new Tokens.Resource(type, path, List.of(scopes)));
    return this;
  }

  /**
   * @param text the description
   * @return this seeder
   */
  public OrgAccessTokenSeeder description(String text) {
    this.description = Objects.requireNonNull(text, "text");
    return this;
  }

  /**
   * @param owner the owner shown as {@code created_by}
   * @return this seeder
   */
  public OrgAccessTokenSeeder createdBy(String owner) {
    if (!org.owners.contains(owner)) {
      throw new IllegalArgumentException(owner + " is not an owner of " + org.name);
    }
    this.createdBy = owner;
    return this;
  }

  /**
   * A known secret instead of the derived one (seed documents, fixtures shared with other languages).
   *
   * @param knownSecret {@code dckr_oat_} and 8-200 letters, digits, {@code _} or {@code -}
   * @return this seeder
   */
  public OrgAccessTokenSeeder secret(String knownSecret) {
    Objects.requireNonNull(knownSecret, "knownSecret");
    if (!ApiRules.knownSecret("dckr_oat_", knownSecret)) {
      throw new IllegalArgumentException("the secret must be " + ApiRules.knownSecretRule("dckr_oat_"));
    }
    this.secret = knownSecret;
    return this;
  }

  /**
   * @param at when it was created
   * @return this seeder
   */
  public OrgAccessTokenSeeder createdAt(Instant at) {
    this.createdAt = Objects.requireNonNull(at, "at");
    return this;
  }

  /**
   * @param at when it last logged in, or null for never
   * @return this seeder
   */
  public OrgAccessTokenSeeder lastUsedAt(Instant at) {
    this.lastUsed = at;
    return this;
  }

  /**
   * @param days how many days before {@link Seeder#now()} it was created
   * @return this seeder
   */
  public OrgAccessTokenSeeder createdDaysAgo(int days) {
    this.createdAt = now.minus(Duration.ofDays(days));
    return this;
  }

  /**
   * @param days how many days before {@link Seeder#now()} it last logged in
   * @return this seeder
   */
  public OrgAccessTokenSeeder lastUsedDaysAgo(int days) {
    this.lastUsed = now.minus(Duration.ofDays(days));
    return this;
  }

  /**
   * @param at when it stops working (null: never)
   * @return this seeder
   */
  public OrgAccessTokenSeeder expiresAt(Instant at) {
    this.expiresAt = at;
    return this;
  }

  /**
   * @param isActive whether it can log in
   * @return this seeder
   */
  public OrgAccessTokenSeeder active(boolean isActive) {
    this.active = isActive;
    return this;
  }

  /**
   * Adds the token. Its uuid and secret derive from the organization and label, so a reset reproduces them.
   *
   * @return the token's uuid, owner (the organization) and secret
   * @throws IllegalStateException when the organization already has the maximum number of tokens
   */
  public SeededToken seed() {
    if (store.tokens().organizationOf(org.name).size() >= OatRules.MAX_TOKENS_PER_ORG) {
      throw new IllegalStateException(org.name + " has " + OatRules.MAX_TOKENS_PER_ORG + " access tokens");
    }
    Tokens.Token t = TokenSeeder.add(store, org.name, true, label, List.of(), createdAt, expiresAt, active,
        "dckr_oat_", secret);
    t.lastUsed = lastUsed;
    t.description = description;
    t.createdBy = createdBy;
    t.resources = List.copyOf(resources);
    return new SeededToken(t.uuid, org.name, t.secret);
  }
}
