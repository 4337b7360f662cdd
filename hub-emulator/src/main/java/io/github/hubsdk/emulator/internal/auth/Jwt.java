package io.github.hubsdk.emulator.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JSON Web Tokens signed with a per-emulator key, so a token from one emulator (or a forged one)
 * is refused by another. Internal API.
 */
public final class Jwt {

  /** The verified claims the emulator relies on. */
  public record Claims(String username, String authMethod, String patUuid) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();
  private static final String HEADER = ENC.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
      .getBytes(StandardCharsets.UTF_8));

  /** How many verified tokens are remembered; past it the memory starts over. */
  static final int MAX_REMEMBERED = 4096;

  private record Verified(Claims claims, long exp) {}

  private final byte[] key;
  // A client sends the same JWT on every call: checking its signature (a Mac per call) and parsing its
  // claims again each time was most of the work of authenticating a request. Bounded; concurrent, since
  // read-only requests authenticate side by side.
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  public Jwt(byte[] key) {
    this.key = key.clone();
  }

  /** Issues a token for {@code username} valid from {@code now} for {@code ttlSeconds}. */
  public String issue(String username, String authMethod, String patUuid, Instant now, long ttlSeconds) {
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", "hub-emulator");
    claims.put("sub", username);
    claims.put("username", username);
    claims.put("auth_method", authMethod);
    if (patUuid != null) {
      claims.put("pat_uuid", patUuid);
    }
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.getEpochSecond() + ttlSeconds);
    claims.put("jti", UUID.randomUUID().toString());
    String payload = ENC.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    String signingInput = HEADER + "." + payload;
    return signingInput + "." + ENC.encodeToString(sign(signingInput));
  }

  /** The claims of a well-signed, unexpired token; null otherwise. */
  public Claims verify(String token, Instant now) {
    if (token == null) {
      return null;
    }
    Verified known = verified.get(token);
    if (known != null) {
      return now.getEpochSecond() >= known.exp() ? null : known.claims();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      byte[] expected = sign(parts[0] + "." + parts[1]);
      if (!MessageDigest.isEqual(expected, DEC.decode(parts[2]))) {
        return null;
      }
      JsonNode claims = JSON.readTree(DEC.decode(parts[1]));
      long exp = claims.path("exp").asLong(0);
      if (now.getEpochSecond() >= exp) {
        return null;
      }
      String patUuid = claims.hasNonNull("pat_uuid") ? claims.get("pat_uuid").asText() : null;
      Claims out = new Claims(claims.path("username").asText(), claims.path("auth_method").asText(), patUuid);
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
      verified.put(token, new Verified(out, exp));
      return out;
    } catch (IllegalArgumentException | java.io.IOException e) {
      return null;
    }
  }

  /** How many verified tokens are remembered now, for tests of the bound. */
  int remembered() {
    return verified.size();
  }

  private byte[] sign(String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JRE", e);
    }
  }
}
