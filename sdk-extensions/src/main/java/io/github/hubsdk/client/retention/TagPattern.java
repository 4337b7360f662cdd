package io.github.hubsdk.client.retention;

import io.github.hubsdk.client.error.InvalidRequestException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pattern over whole tag names, written as a policy (or the CLI) takes it:
 * <ul>
 *   <li>a glob: {@code *} any run of characters, {@code ?} one character, everything else literal
 *       ({@code latest}, {@code sha-*}, {@code pr-?*});</li>
 *   <li>{@code re:} followed by a Java regular expression that must match the whole name
 *       ({@code re:v?[0-9]+\.[0-9]+});</li>
 *   <li>{@code semver}: {@code MAJOR.MINOR.PATCH} with an optional {@code v} in front and an optional
 *       {@code -pre.release} after ({@code 1.4.2}, {@code v2.0.0-rc.1}).</li>
 * </ul>
 *
 * <p>A value: equal when written the same.
 */
public final class TagPattern {

  /** The regular expression {@code semver} stands for. */
  public static final String SEMVER_REGEX = "v?(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?";
  private static final int MAX_LENGTH = 256;

  private final String text;
  private final Pattern compiled;

  private TagPattern(String text) {
    this.text = text;
    this.compiled = compile(text);
  }

  /**
   * Parses a pattern.
   *
   * @param text a glob, {@code re:<regex>} or {@code semver}
   * @return the pattern
   * @throws InvalidRequestException when blank, too long or not a valid regular expression
   */
  public static TagPattern of(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      throw new InvalidRequestException("a tag pattern must be 1 to " + MAX_LENGTH + " characters");
    }
    return new TagPattern(text);
  }

  /**
   * The pattern as written.
   *
   * @return e.g. {@code sha-*}
   */
  public String text() {
    return text;
  }

  /**
   * Whether a tag's whole name matches.
   *
   * @param tag the name
   * @return true on a match
   */
  public boolean matches(String tag) {
    return compiled.matcher(tag).matches();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TagPattern p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static Pattern compile(String text) {
    if (text.equals("semver")) {
      return Pattern.compile(SEMVER_REGEX);
    }
    if (text.startsWith("re:")) {
      try {
        return Pattern.compile(text.substring(3));
      } catch (PatternSyntaxException e) {
        throw new InvalidRequestException("tag pattern " + text + " is not a regular expression: "
            + e.getDescription());
      }
    }
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          re.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        re.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      re.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(re.toString());
  }
}
