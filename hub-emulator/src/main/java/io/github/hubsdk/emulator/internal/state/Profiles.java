package io.github.hubsdk.emulator.internal.state;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public side of each user and organization: full name, location, company, when it joined. Kept apart
 * from {@link Accounts} (credentials, plans, roles) because only the account operations read it. A
 * namespace without a seeded profile gets an empty one the first time it is asked for, also by a read-only
 * operation: the map is concurrent so that readers may create it side by side (the first one wins, all see
 * the same profile). The profiles' fields change only under the {@link Store}'s write lock.
 */
public final class Profiles {

  /** One profile; empty strings where nothing was seeded, as the live Hub answers. */
  public static final class Profile {
    public final String id;
    public String fullName = "";
    public String location = "";
    public String company = "";
    public Instant joined;

    Profile(String namespace, Instant joined) {
      // The live Hub's ids are UUIDs without dashes; a digest of the name keeps them stable across resets.
      this.id = Store.sha256Hex("profile:" + namespace).substring(0, 32);
      this.joined = joined;
    }
  }

  private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

  void clear() {
    profiles.clear();
  }

  /**
   * The profile of a namespace, created on first use.
   *
   * @param namespace a user or organization that exists
   * @param now when it joined, if it is created now
   * @return the profile
   */
  public Profile of(String namespace, Instant now) {
    return profiles.computeIfAbsent(namespace, n -> new Profile(n, now));
  }
}
