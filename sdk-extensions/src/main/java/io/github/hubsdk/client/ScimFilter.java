package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import java.util.Objects;

/**
 * A SCIM filter for {@link Scim#users(ScimFilter)}, built from typed parts so that no caller concatenates
 * strings: every value is written as a JSON string (RFC 7644 section 3.4.2.2), {@code "} and {@code \} and
 * control characters escaped, so a value can never end the string early and add a condition of its own.
 * Immutable; {@link #toString()} is the expression sent.
 *
 * <pre>{@code
 * ScimFilter.userName().eq("jane.doe@example.com")            // userName eq "jane.doe@example.com"
 * ScimFilter.familyName().sw("Do").and(ScimFilter.active(true))
 * ScimFilter.not(ScimFilter.userName().co("contractor"))     // not (userName co "contractor")
 * }</pre>
 *
 * <p>The attributes and operators are those Docker Hub documents ({@code eq ne co sw and or not}); attribute
 * names and string comparisons are case-insensitive on the server.
 */
public final class ScimFilter {

  private enum Kind { COMPARISON, AND, OR, NOT }

  private final Kind kind;
  private final String expression;

  private ScimFilter(Kind kind, String expression) {
    this.kind = kind;
    this.expression = expression;
  }

  /**
   * {@code userName}: the user's e-mail address.
   *
   * @return the attribute, to compare
   */
  public static Attribute userName() {
    return new Attribute("userName");
  }

  /**
   * {@code displayName}: the user's Docker ID.
   *
   * @return the attribute, to compare
   */
  public static Attribute displayName() {
    return new Attribute("displayName");
  }

  /**
   * {@code name.givenName}.
   *
   * @return the attribute, to compare
   */
  public static Attribute givenName() {
    return new Attribute("name.givenName");
  }

  /**
   * {@code name.familyName}.
   *
   * @return the attribute, to compare
   */
  public static Attribute familyName() {
    return new Attribute("name.familyName");
  }

  /**
   * {@code emails.value}: any of the user's e-mail addresses.
   *
   * @return the attribute, to compare
   */
  public static Attribute email() {
    return new Attribute("emails.value");
  }

  /**
   * {@code active eq true|false}: whether the user holds a seat.
   *
   * @param active the value
   * @return the filter
   */
  public static ScimFilter active(boolean active) {
    return new ScimFilter(Kind.COMPARISON, "active eq " + active);
  }

  /**
   * {@code not (filter)}.
   *
   * @param filter what must not hold
   * @return the filter
   */
  public static ScimFilter not(ScimFilter filter) {
    Checks.notNull("filter", filter);
    return new ScimFilter(Kind.NOT, "not (" + filter.expression + ")");
  }

  /**
   * Both this and {@code other}; an {@code or} on either side is put in parentheses ({@code and} binds tighter).
   *
   * @param other the other condition
   * @return the filter
   */
  public ScimFilter and(ScimFilter other) {
    Checks.notNull("filter", other);
    return new ScimFilter(Kind.AND, operand(this, Kind.OR) + " and " + operand(other, Kind.OR));
  }

  /**
   * This or {@code other}.
   *
   * @param other the other condition
   * @return the filter
   */
  public ScimFilter or(ScimFilter other) {
    Checks.notNull("filter", other);
    return new ScimFilter(Kind.OR, expression + " or " + other.expression);
  }

  private static String operand(ScimFilter f, Kind wrapped) {
    return f.kind == wrapped ? "(" + f.expression + ")" : f.expression;
  }

  /**
   * The expression as sent in the {@code filter} parameter.
   *
   * @return e.g. {@code userName eq "jane.doe@example.com"}
   */
  public String expression() {
    return expression;
  }

  @Override
  public String toString() {
    return expression;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScimFilter f && f.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expression);
  }

  /**
   * {@code value} as a JSON string literal, quotes included: {@code "} and {@code \} are escaped and control
   * characters written as {@code \}{@code uXXXX}, so the literal ends exactly where the value does.
   */
  static String literal(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** A string attribute of the SCIM User, waiting for its comparison. */
  public static final class Attribute {
    private final String path;

    private Attribute(String path) {
      this.path = path;
    }

    /**
     * Equal to {@code value} (case-insensitive on the server).
     *
     * @param value any text; quotes and backslashes are escaped
     * @return the filter
     * @throws InvalidRequestException when the value is null
     */
    public ScimFilter eq(String value) {
      return compare("eq", value);
    }

    /**
     * Not equal to {@code value}.
     *
     * @param value any text
     * @return the filter
     */
    public ScimFilter ne(String value) {
      return compare("ne", value);
    }

    /**
     * Contains {@code value}.
     *
     * @param value any text
     * @return the filter
     */
    public ScimFilter co(String value) {
      return compare("co", value);
    }

    /**
     * Starts with {@code value}.
     *
     * @param value any text
     * @return the filter
     */
    public ScimFilter sw(String value) {
      return compare("sw", value);
    }

    private ScimFilter compare(String op, String value) {
      if (value == null) {
        throw new InvalidRequestException("a SCIM filter value must not be null (" + path + " " + op + ")");
      }
      return new ScimFilter(Kind.COMPARISON, path + " " + op + " " + literal(value));
    }

    @Override
    public String toString() {
      return path;
    }
  }
}
