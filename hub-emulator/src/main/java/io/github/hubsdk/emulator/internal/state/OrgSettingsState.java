package io.github.hubsdk.emulator.internal.state;

import java.util.HashMap;
import java.util.Map;

/** Organization settings (restricted images) by organization name. Guarded by the {@link Store}'s monitor. */
public final class OrgSettingsState {

  /** One organization's restricted-images settings; the defaults are the live Hub's. */
  public static final class RestrictedImages {
    public boolean enabled;
    public boolean allowOfficial = true;
    public boolean allowVerified = true;
  }

  private final Map<String, RestrictedImages> byOrg = new HashMap<>();

  void clear() {
    byOrg.clear();
  }

  /** The settings of an organization, the defaults until changed. */
  public RestrictedImages of(String org) {
    return byOrg.computeIfAbsent(org, k -> new RestrictedImages());
  }
}
