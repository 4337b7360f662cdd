package io.github.hubsdk.emulator;

import java.util.Objects;

/**
 * A username and its password, e.g. the emulator's {@linkplain DockerHubEmulator#defaultUser() default
 * user}. {@link #toString()} does not reveal the password.
 *
 * @param username the account name
 * @param password the account password
 */
public record Credentials(String username, String password) {

  /**
   * Checks both parts are present.
   *
   * @param username the account name
   * @param password the account password
   */
  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=***]";
  }
}
