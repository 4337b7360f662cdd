package io.github.hubsdk.emulator;

import java.util.Objects;

/**
 * A user the emulator was seeded with and its password, e.g. the emulator's
 * {@linkplain DockerHubEmulator#defaultUser() default user}: pass them on with
 * {@code io.github.hubsdk.client.Credentials.password(user.username(), user.password())}. Named apart from
 * the SDK's {@code Credentials} (this was {@code io.github.hubsdk.emulator.Credentials}), so that star imports
 * of both packages compile. {@link #toString()} does not reveal the password.
 *
 * @param username the account name
 * @param password the account password
 */
public record SeededUser(String username, String password) {

  /**
   * Checks both parts are present.
   *
   * @param username the account name
   * @param password the account password
   */
  public SeededUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "SeededUser[username=" + username + ", password=***]";
  }
}
