package io.github.hubsdk.emulator.internal.state;

import java.util.HashMap;
import java.util.Map;

/**
 * The e-mail address of each user, as organization owners see it in member lists and exports. Kept apart
 * from {@link Accounts} because only the organization operations show it. A user without a seeded address
 * gets {@code <username>@users.hub-emulator.test}. Guarded by the {@link Store}'s monitor.
 */
public final class Emails {

  private final Map<String, String> byUser = new HashMap<>();

  void clear() {
    byUser.clear();
  }

  public void set(String user, String email) {
    byUser.put(user, email);
  }

  /** The user's address (seeded or the default one). */
  public String of(String user) {
    String e = byUser.get(user);
    return e != null ? e : user + "@users.hub-emulator.test";
  }

  /** The user whose address this is (case-insensitive), or null. */
  public String userOf(String email) {
    for (Map.Entry<String, String> e : byUser.entrySet()) {
      if (e.getValue().equalsIgnoreCase(email)) {
        return e.getKey();
      }
    }
    return null;
  }
}
