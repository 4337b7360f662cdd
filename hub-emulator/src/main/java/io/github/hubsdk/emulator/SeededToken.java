package io.github.hubsdk.emulator;

import java.util.Objects;
import java.util.UUID;

/**
 * A personal or organization access token created by a {@link Seeder}. Seeded tokens are derived
 * deterministically from the owner and label, so they stay the same after {@link DockerHubEmulator#reset()}.
 * {@link #toString()} does not reveal the secret.
 *
 * @param uuid the token's id, as used in {@code /v2/access-tokens/{uuid}}
 * @param owner the user (PAT) or organization (OAT) that owns it; the {@code identifier} to log in with
 * @param secret the secret to send as {@code secret} to {@code /v2/auth/token}
 */
public record SeededToken(UUID uuid, String owner, String secret) {

  /**
   * Checks every part is present.
   *
   * @param uuid the token's id
   * @param owner the owner
   * @param secret the secret
   */
  public SeededToken {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "SeededToken[uuid=" + uuid + ", owner=" + owner + ", secret=***]";
  }
}
