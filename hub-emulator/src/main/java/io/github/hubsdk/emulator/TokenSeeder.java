package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.ApiRules;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.emulator.internal.state.Tokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Seeds one personal access token with named options, so a test can say how old it is and when it was last
 * used without positional arguments. Obtained from {@link Seeder#personalAccessToken(String, String)};
 * nothing is added until {@link #create()}, and a seed that leaves a token seeder without {@code create()}
 * fails when it returns (a forgotten {@code create()} would otherwise pass silently).
 *
 * <pre>{@code
 * SeededToken stale = s.personalAccessToken("mona", "old-ci").scopes("repo:read")
 *     .createdAt(s.now().minus(Duration.ofDays(200))).lastUsedAt(s.now().minus(Duration.ofDays(120)))
 *     .create();
 * }</pre>
 *
 * <p>Defaults: scope {@code repo:read}, created at the seeding time ({@link Seeder#now()}), never used,
 * no expiry, active.
 */
public final class TokenSeeder {

  private final Store store;
  private final Runnable onCreate;
  private final String owner;
  private final String label;
  private final List<String> scopes = new ArrayList<>();
  private Instant createdAt;
  private Instant lastUsedAt;
  private Instant expiresAt;
  private boolean active = true;
  private String secret;
  private boolean created;

  TokenSeeder(Store store, Instant now, String owner, String label, Runnable onCreate) {
    this.store = store;
    this.createdAt = now;
    this.onCreate = onCreate;
    this.owner = Objects.requireNonNull(owner, "owner");
    this.label = checkLabel(label);
    if (store.accounts().user(owner) == null) {
      throw new IllegalArgumentException("no such user: " + owner);
    }
  }

  /**
   * Its scopes (replacing the default {@code repo:read}).
   *
   * @param scopes one or more of {@code repo:read}, {@code repo:write}, {@code repo:admin},
   *     {@code repo:public_read}
   * @return this seeder
   * @throws IllegalArgumentException when none is given or one is unknown
   */
  public TokenSeeder scopes(String... scopes) {
    if (scopes.length == 0) {
      throw new IllegalArgumentException("a personal access token needs at least one scope");
    }
    for (String scope : scopes) {
      if (!ApiRules.SCOPES.contains(scope)) {
        throw new IllegalArgumentException("unknown scope: " + scope);
      }
    }
    this.scopes.clear();
    this.scopes.addAll(List.of(scopes));
    return this;
  }

  /**
   * When it was created ({@code created_at}; default {@link Seeder#now()}). Listings are newest first by it.
   *
   * @param at the time
   * @return this seeder
   */
  public TokenSeeder createdAt(Instant at) {
    this.createdAt = Objects.requireNonNull(at, "at");
    return this;
  }

  /**
   * When it last logged in ({@code last_used}; default never, which the API shows as {@code null}).
   *
   * @param at the time, not before {@link #createdAt(Instant)}
   * @return this seeder
   */
  public TokenSeeder lastUsedAt(Instant at) {
    this.lastUsedAt = Objects.requireNonNull(at, "at");
    return this;
  }

  /**
   * When it stops working ({@code expires_at}; default never).
   *
   * @param at the time, after {@link #createdAt(Instant)}
   * @return this seeder
   */
  public TokenSeeder expiresAt(Instant at) {
    this.expiresAt = Objects.requireNonNull(at, "at");
    return this;
  }

  /**
   * A known secret instead of the one derived from owner and label, e.g. for a fixture shared with a test
   * written in another language.
   *
   * @param knownSecret {@code dckr_pat_} and 8-200 letters, digits, {@code _} or {@code -}
   * @return this seeder
   * @throws IllegalArgumentException when it has another form
   */
  public TokenSeeder secret(String knownSecret) {
    Objects.requireNonNull(knownSecret, "knownSecret");
    if (!ApiRules.knownSecret("dckr_pat_", knownSecret)) {
      throw new IllegalArgumentException("the secret must be " + ApiRules.knownSecretRule("dckr_pat_"));
    }
    this.secret = knownSecret;
    return this;
  }

  /**
   * Whether it can log in (default: true); {@code active(false)} is {@link #inactive()}.
   *
   * @param isActive false for a deactivated token
   * @return this seeder
   */
  public TokenSeeder active(boolean isActive) {
    this.active = isActive;
    return this;
  }

  /**
   * Makes it inactive ({@code is_active=false}): it cannot log in until a {@code PATCH} activates it.
   *
   * @return this seeder
   */
  public TokenSeeder inactive() {
    this.active = false;
    return this;
  }

  /**
   * Adds the token.
   *
   * @return its uuid, owner and secret (the same after every {@link DockerHubEmulator#reset()})
   * @throws IllegalArgumentException when {@code last_used} is before {@code created_at} or the expiry is not after it
   * @throws IllegalStateException when called twice
   */
  public SeededToken create() {
    if (created) {
      throw new IllegalStateException("token " + owner + "/" + label + " was created already");
    }
    if (lastUsedAt != null && lastUsedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException("lastUsedAt " + lastUsedAt + " is before createdAt " + createdAt);
    }
    if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("expiresAt " + expiresAt + " is not after createdAt " + createdAt);
    }
    Tokens.Token token = add(store, owner, false, label, scopes.isEmpty() ? List.of("repo:read") : scopes,
        createdAt, expiresAt, active, "dckr_pat_", secret);
    token.lastUsed = lastUsedAt;
    created = true;
    onCreate.run();
    return new SeededToken(token.uuid, owner, token.secret);
  }

  String describe() {
    return owner + "/" + label;
  }

  static String checkLabel(String label) {
    if (label == null || label.isEmpty() || label.length() > 100) {
      throw new IllegalArgumentException("label must have 1-100 characters");
    }
    return label;
  }

  /**
   * The one place seeded tokens, personal and organization ones, are made: the uuid derives from kind, owner
   * and label, and so does the secret unless a known one is given, so a reset repeats them.
   *
   * @throws IllegalArgumentException for a bad label, or a known secret another token has
   */
  static Tokens.Token add(Store store, String owner, boolean organization, String label, List<String> scopes,
      Instant createdAt, Instant expiresAt, boolean active, String prefix, String knownSecret) {
    checkLabel(label);
    if (knownSecret != null && store.tokens().bySecret(knownSecret) != null) {
      throw new IllegalArgumentException("another seeded token has this secret");
    }
    int n = 0;
    UUID uuid;
    do {
      uuid = Store.deterministicUuid(prefix + owner + "\n" + label + "\n" + n++);
    } while (store.tokens().contains(uuid));
    String secret = knownSecret != null ? knownSecret : prefix + Store.sha256Hex("secret\n" + uuid).substring(0, 27);
    return store.tokens().add(uuid, owner, organization, label, scopes, secret, createdAt, expiresAt, active,
        "127.0.0.1", "hub-emulator seed", "manual");
  }
}
