package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Argument checks that run before any request, so that a bad argument never costs a call. */
final class Checks {

  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
  // Docker's rules: a repository name is 2-255 lower-case letters and digits separated by single . _ -;
  // a tag is a word character then up to 127 word characters, dots and dashes.
  private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  static final int MAX_DESCRIPTION = 100;
  static final int MAX_FULL_DESCRIPTION = 25_000;
  static final int MAX_LABEL = 100;

  private Checks() {
  }

  /**
   * A value that becomes one path segment. Feign percent-encodes {@code /}, so {@code a/b} stays one
   * segment; but {@code .} and {@code ..} are not encoded and OkHttp would resolve them as dot segments,
   * moving the request to another path, so they are refused here.
   */
  static String segment(String name, String value) {
    notBlank(name, value);
    if (value.equals(".") || value.equals("..")) {
      throw new InvalidRequestException(name + " must not be '.' or '..'");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidRequestException(name + " must not contain control characters");
      }
    }
    return value;
  }

  static String notBlank(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(name + " must not be blank");
    }
    return value;
  }

  static <T> T notNull(String name, T value) {
    if (value == null) {
      throw new InvalidRequestException(name + " must not be null");
    }
    return value;
  }

  static String label(String value) {
    notBlank("token label", value);
    int length = value.codePointCount(0, value.length());
    if (length > MAX_LABEL) {
      throw new InvalidRequestException("token label must be 1 to " + MAX_LABEL + " characters, was " + length);
    }
    return value;
  }

  static String digest(String value) {
    notBlank("digest", value);
    if (!DIGEST.matcher(value).matches()) {
      throw new InvalidRequestException("digest must be sha256: followed by 64 lowercase hex digits");
    }
    return value;
  }

  static UUID uuid(String value) {
    notBlank("uuid", value);
    try {
      UUID parsed = UUID.fromString(value.trim());
      // UUID.fromString accepts short groups like 1-1-1-1-1; the API only knows the canonical form.
      if (!parsed.toString().equalsIgnoreCase(value.trim())) {
        throw new IllegalArgumentException();
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("uuid must be a UUID like b30bbf97-506c-4ecd-aabc-842f3cb484fb");
    }
  }

  static String repositoryName(String value) {
    notBlank("repository", value);
    if (value.length() < 2 || value.length() > 255 || !REPOSITORY.matcher(value).matches()) {
      throw new InvalidRequestException("repository must be 2 to 255 lower-case letters and digits separated by "
          + "single '.', '_' or '-', was '" + value + "'");
    }
    return value;
  }

  static String tag(String value) {
    notBlank("tag", value);
    if (!TAG.matcher(value).matches()) {
      throw new InvalidRequestException("tag must be 1 to 128 letters, digits, '_', '.' or '-', not starting with "
          + "'.' or '-', was '" + value + "'");
    }
    return value;
  }

  /** A text of at most {@code max} characters (code points); null passes (not sent). */
  static String maxLength(String name, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw new InvalidRequestException(name + " must be at most " + max + " characters, was "
          + value.codePointCount(0, value.length()));
    }
    return value;
  }
}
