package io.github.hubsdk.emulator.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Remembering verified tokens changes no answer: expiry, forgery and other keys are still refused. */
class JwtTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void aRememberedTokenStillExpires() {
    Jwt jwt = new Jwt(new byte[32]);
    String token = jwt.issue("mona", "password", null, T0, 600);
    assertThat(jwt.verify(token, T0.plusSeconds(1))).isEqualTo(new Jwt.Claims("mona", "password", null));
    assertThat(jwt.verify(token, T0.plusSeconds(2))).isEqualTo(new Jwt.Claims("mona", "password", null));
    assertThat(jwt.verify(token, T0.plusSeconds(600))).isNull();
  }

  @Test
  void forgedAndForeignTokensAreRefusedAlsoAfterTheRealOneWasVerified() {
    Jwt jwt = new Jwt(new byte[32]);
    Jwt other = new Jwt(new byte[] {1, 2, 3});
    String token = jwt.issue("mona", "pat", "0b7e2a2e-8f1d-4d5e-9d33-6f1b1c2d3e4f", T0, 600);
    assertThat(jwt.verify(token, T0)).isNotNull();
    assertThat(other.verify(token, T0)).isNull();
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2) + "AA";
    assertThat(jwt.verify(tampered, T0)).isNull();
  }

  @Test
  void theMemoryIsBounded() {
    Jwt jwt = new Jwt(new byte[32]);
    String first = jwt.issue("u0", "password", null, T0, 600);
    assertThat(jwt.verify(first, T0)).isNotNull();
    for (int i = 1; i <= Jwt.MAX_REMEMBERED + 10; i++) {
      assertThat(jwt.verify(jwt.issue("u" + i, "password", null, T0, 600), T0)).isNotNull();
      assertThat(jwt.remembered()).isLessThanOrEqualTo(Jwt.MAX_REMEMBERED);
    }
    // Forgotten or not, it verifies the same.
    assertThat(jwt.verify(first, T0)).isEqualTo(new Jwt.Claims("u0", "password", null));
  }
}
