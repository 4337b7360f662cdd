package io.github.hubsdk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads a JWT's {@code exp} claim. The signature is deliberately not verified: the client only needs to
 * know when to renew the token, and the server verifies it on every call anyway.
 */
final class Jwt {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Jwt() {
  }

  static Optional<Instant> expiry(String jwt) {
    if (jwt == null) {
      return Optional.empty();
    }
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(pad(parts[1])), StandardCharsets.UTF_8));
      JsonNode exp = claims == null ? null : claims.get("exp");
      return exp != null && exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
    } catch (Exception notAJwt) {
      // Opaque token: the caller falls back to a conservative lifetime; the exception would only echo it.
      return Optional.empty();
    }
  }

  private static String pad(String s) {
    String trimmed = s.replace("=", "");
    return trimmed + "===".substring(0, (4 - trimmed.length() % 4) % 4);
  }
}
