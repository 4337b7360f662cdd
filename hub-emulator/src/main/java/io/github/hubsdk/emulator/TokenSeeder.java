package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.ApiRules;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.emulator.internal.state.Tokens;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Seeds one personal access token with everything a test may want to pin: scopes, a known secret, when it
 * was created and last used, expiry, whether it is active. Obtained from
 * {@link Seeder#accessToken(String, String)}; {@link #create()} adds it. (Organization access tokens, with
 * their resources: {@code s.org(name).accessToken(label)}.)
 *
 * <pre>{@code
 * SeededToken ci = s.accessToken("mona", "ci").scopes("repo:write").secret("dckr_pat_known-for-tests")
 *     .createdAt(s.now().minus(Duration.ofDays(30))).lastUsed(s.now().minus(Duration.ofHours(2))).create();
 * }</pre>
 */
public final class TokenSeeder {

  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{8,200}");

  private final Store store;
  private final Instant now;
  private final String owner;
  private final boolean organization;
  private final String label;
  private List<String> scopes;
  private String secret;
  private Instant createdAt;
  private Instant lastUsed;
  private Instant expiresAt;
  private boolean active = true;

  TokenSeeder(Store store, Instant now, String owner, boolean organization, String label) {
    this.store = store;
    this.now = now;
    this.owner = owner;
    this.organization = organization;
    this.label = label;
    this.scopes = organization ? List.of("repo:read") : List.of();
    if (organization ? store.accounts().org(owner) == null : store.accounts().user(owner) == null) {
      throw new IllegalArgumentException(organization ? "no such organization: " + owner : "no such user: " + owner);
    }
    if (label == null || label.isEmpty() || label.length() > 100) {
      throw new IllegalArgumentException("label must have 1-100 characters");
    }
  }

  private String prefix() {
    return organization ? "dckr_oat_" : "dckr_pat_";
  }

  /**
   * The token's scopes (a personal token needs at least one).
   *
   * @param tokenScopes e.g. {@code repo:read}
   * @return this seeder
   */
  public TokenSeeder scopes(String... tokenScopes) {
    for (String scope : tokenScopes) {
      if (!ApiRules.SCOPES.contains(scope)) {
        throw new IllegalArgumentException("unknown scope: " + scope);
      }
    }
    this.scopes = List.copyOf(Arrays.asList(tokenScopes));
    return this;
  }

  /**
   * A known secret instead of the derived one, e.g. for a test fixture shared with another language.
   *
   * @param knownSecret {@code dckr_pat_} (or {@code dckr_oat_}) and 8-200 letters, digits, {@code _} or {@code -}
   * @return this seeder
   */
  public TokenSeeder secret(String knownSecret) {
    Objects.requireNonNull(knownSecret, "knownSecret");
    if (!knownSecret.startsWith(prefix()) || !SECRET.matcher(knownSecret.substring(prefix().length())).matches()) {
      throw new IllegalArgumentException("the secret must be " + prefix() + " and 8-200 letters, digits, _ or -");
    }
    this.secret = knownSecret;
    return this;
  }

  /**
   * When it was created (default: the seeding time).
   *
   * @param at the time
   * @return this seeder
   */
  public TokenSeeder createdAt(Instant at) {
    this.createdAt = Objects.requireNonNull(at, "at");
    return this;
  }

  /**
   * When it was last used (default: never).
   *
   * @param at the time, or null for never
   * @return this seeder
   */
  public TokenSeeder lastUsed(Instant at) {
    this.lastUsed = at;
    return this;
  }

  /**
   * When it stops working (default: never).
   *
   * @param at the time, or null for never
   * @return this seeder
   */
  public TokenSeeder expiresAt(Instant at) {
    this.expiresAt = at;
    return this;
  }

  /**
   * Whether it can log in (default: true).
   *
   * @param isActive false for a deactivated token
   * @return this seeder
   */
  public TokenSeeder active(boolean isActive) {
    this.active = isActive;
    return this;
  }

  /**
   * Adds the token. Its uuid derives from owner and label (and its secret too, unless given), so a reset
   * reproduces it.
   *
   * @return the token's uuid, owner and secret
   * @throws IllegalArgumentException for a personal token without scopes, or a secret another token has
   */
  public SeededToken create() {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a personal access token needs at least one scope");
    }
    int n = 0;
    UUID uuid;
    do {
      uuid = Store.deterministicUuid(prefix() + owner + "\n" + label + "\n" + n++);
    } while (store.tokens().contains(uuid));
    String tokenSecret = secret != null ? secret : prefix() + Store.sha256Hex("secret\n" + uuid).substring(0, 27);
    if (store.tokens().bySecret(tokenSecret) != null) {
      throw new IllegalArgumentException("another seeded token has this secret");
    }
    Tokens.Token t = store.tokens().add(uuid, owner, organization, label, scopes, tokenSecret,
        createdAt != null ? createdAt : now, expiresAt, active, "127.0.0.1", "hub-emulator seed", "manual");
    t.lastUsed = lastUsed;
    return new SeededToken(uuid, owner, tokenSecret);
  }
}
