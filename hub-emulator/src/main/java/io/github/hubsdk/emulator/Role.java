package io.github.hubsdk.emulator;

import java.util.Objects;

/**
 * A member's role in an organization: one of the built-in {@link #OWNER}, {@link #EDITOR} and
 * {@link #MEMBER}, or a custom role by name ({@link #custom(String)}; the live Hub has custom roles since
 * 2026-09-01, on the Business plan).
 *
 * @param name the role's name as the API shows it, e.g. {@code Editor} or {@code Release Manager}
 */
public record Role(String name) {

  /** May administer the organization: members, invites, access tokens, settings, audit logs. */
  public static final Role OWNER = new Role("Owner");
  /** May manage repositories of the organization; no administration. */
  public static final Role EDITOR = new Role("Editor");
  /** The default role: may use what their groups give them. */
  public static final Role MEMBER = new Role("Member");

  /**
   * @param name 1 to 100 characters, not {@code Invitee} (the listings' word for a pending invite)
   */
  public Role {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > 100 || name.equalsIgnoreCase("Invitee")) {
      throw new IllegalArgumentException("a role name has 1-100 characters and is not Invitee: " + name);
    }
  }

  /**
   * A custom role.
   *
   * @param name its name, e.g. {@code Release Manager}
   * @return the role
   */
  public static Role custom(String name) {
    return new Role(name);
  }

  /** Whether this is one of the three built-in roles. */
  public boolean builtIn() {
    return equals(OWNER) || equals(EDITOR) || equals(MEMBER);
  }
}
