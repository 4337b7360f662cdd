package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.state.Profiles;
import java.time.Instant;
import java.util.Objects;

/**
 * Refines the public profile of a seeded user or organization, as {@code GET /v2/user},
 * {@code GET /v2/users/{username}} and {@code GET /v2/orgs/{org}} show it. Obtained from
 * {@link Seeder#profile(String)}.
 */
public final class ProfileSeeder {

  private final Profiles.Profile profile;

  ProfileSeeder(Profiles.Profile profile) {
    this.profile = profile;
  }

  /**
   * The display name.
   *
   * @param name e.g. {@code Mona Lisa Octo}
   * @return this seeder
   */
  public ProfileSeeder fullName(String name) {
    profile.fullName = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * Where the account says it is.
   *
   * @param location e.g. {@code Lisbon}
   * @return this seeder
   */
  public ProfileSeeder location(String location) {
    profile.location = Objects.requireNonNull(location, "location");
    return this;
  }

  /**
   * The company the account names.
   *
   * @param company e.g. {@code Acme Corp}
   * @return this seeder
   */
  public ProfileSeeder company(String company) {
    profile.company = Objects.requireNonNull(company, "company");
    return this;
  }

  /**
   * When the account joined Docker Hub (default: when it was first seeded or shown).
   *
   * @param at the time
   * @return this seeder
   */
  public ProfileSeeder joined(Instant at) {
    profile.joined = Objects.requireNonNull(at, "at");
    return this;
  }
}
