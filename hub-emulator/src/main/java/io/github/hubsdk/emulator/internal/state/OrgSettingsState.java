package io.github.hubsdk.emulator.internal.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Organization settings (restricted images) by organization name. The defaults are created on first read,
 * also by the read-only {@code getOrgSettings}, so the map is concurrent; the settings' fields change only
 * under the {@link Store}'s write lock.
 */
public final class OrgSettingsState {

  /** One organization's restricted-images settings; the defaults are the live Hub's. */
  public static final class RestrictedImages {
    public boolean enabled;
    public boolean allowOfficial = true;
    public boolean allowVerified = true;
  }

  private final Map<String, RestrictedImages> byOrg = new ConcurrentHashMap<>();

  void clear() {
    byOrg.clear();
  }

  /** The settings of an organization, the defaults until changed. */
  public RestrictedImages of(String org) {
    return byOrg.computeIfAbsent(org, k -> new RestrictedImages());
  }
}
