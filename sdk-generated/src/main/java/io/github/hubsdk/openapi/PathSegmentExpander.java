package io.github.hubsdk.openapi;

import feign.Param;
import java.nio.charset.StandardCharsets;

/**
 * Expands a path parameter into exactly one path segment that the server decodes back into the caller's
 * string: every byte outside RFC 3986's unreserved set ({@code A-Z a-z 0-9 - . _ ~}) is percent-encoded,
 * {@code %} and {@code /} included. Feign leaves percent-triplets alone, so a value such as
 * {@code %2e%2e} would otherwise reach the server as a dot segment, and {@code a%2Fb} as two segments.
 * A value that is itself {@code .} or {@code ..} cannot be made safe by encoding (servers decode and then
 * normalise {@code %2E}); the SDK refuses those before calling.
 */
public final class PathSegmentExpander implements Param.Expander {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public String expand(Object value) {
    return encode(String.valueOf(value));
  }

  /**
   * Percent-encodes everything but RFC 3986's unreserved characters, as UTF-8.
   *
   * @param value the raw segment
   * @return the encoded segment
   */
  public static String encode(String value) {
    StringBuilder sb = null;
    byte[] bytes = null;
    for (int i = 0; i < value.length(); i++) {
      if (!unreserved(value.charAt(i))) {
        bytes = value.getBytes(StandardCharsets.UTF_8);
        break;
      }
    }
    if (bytes == null) {
      return value;
    }
    sb = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (unreserved((char) c)) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
