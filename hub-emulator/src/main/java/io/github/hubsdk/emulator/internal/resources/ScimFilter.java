package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.Texts.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The SCIM filter of {@code GET /Users} (RFC 7644 section 3.4.2.2), parsed into a predicate over a user: the
 * operators Docker Hub documents ({@code eq ne co sw}, {@code and or not}, parentheses) on the attributes it
 * serves. Anything else (another operator, an unknown attribute, a value filter {@code emails[...]}, a value
 * of the wrong type, broken syntax) is refused with the SCIM error {@code invalidFilter}, never ignored.
 * Attribute names and operators are case-insensitive; string values compare without case, as the schema's
 * {@code caseExact: false} says, except {@code id}. String values are JSON strings, so {@code \"} and
 * {@code \\} inside them are data, which is what keeps a quoted value from ending early.
 */
final class ScimFilter {

  /** Longer filters are refused: no identity provider sends one, and parsing stays bounded. */
  static final int MAX_LENGTH = 1_000;
  /** Deeper nesting is refused, so a hostile filter cannot exhaust the stack. */
  static final int MAX_DEPTH = 16;

  /** What a filter can look at of one user. */
  record Subject(String id, String userName, String displayName, String givenName, String familyName,
      boolean active) {}

  private enum Type { STRING, BOOLEAN }

  private record Attribute(String name, Type type, boolean caseExact,
      java.util.function.Function<Subject, Object> get) {}

  private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:user:";
  private static final Map<String, Attribute> ATTRIBUTES = Map.of(
      "id", new Attribute("id", Type.STRING, true, Subject::id),
      "username", new Attribute("userName", Type.STRING, false, Subject::userName),
      "emails.value", new Attribute("emails.value", Type.STRING, false, Subject::userName),
      "displayname", new Attribute("displayName", Type.STRING, false, Subject::displayName),
      "name.givenname", new Attribute("name.givenName", Type.STRING, false, Subject::givenName),
      "name.familyname", new Attribute("name.familyName", Type.STRING, false, Subject::familyName),
      "active", new Attribute("active", Type.BOOLEAN, true, Subject::active));
  private static final List<String> SUPPORTED = List.of("eq", "ne", "co", "sw");
  private static final List<String> UNSUPPORTED = List.of("ew", "gt", "ge", "lt", "le", "pr");

  private final String text;
  private final List<String> tokens;
  private int pos;
  private int depth;

  private ScimFilter(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  /**
   * Parses a filter.
   *
   * @param filter the {@code filter} parameter as decoded
   * @return the predicate
   * @throws HubError 400 {@code invalidFilter} when the filter is not one Docker Hub serves
   */
  static Predicate<Subject> parse(String filter) {
    if (filter.length() > MAX_LENGTH) {
      throw invalid("longer than " + MAX_LENGTH + " characters");
    }
    ScimFilter p = new ScimFilter(filter);
    if (p.tokens.isEmpty()) {
      throw invalid("empty");
    }
    Predicate<Subject> out = p.or();
    if (p.pos < p.tokens.size()) {
      throw invalid("unexpected \"" + p.tokens.get(p.pos) + "\"");
    }
    return out;
  }

  static HubError invalid(String why) {
    return HubError.badRequest(Text.of("filter: " + why)).withScimType("invalidFilter");
  }

  private Predicate<Subject> or() {
    Predicate<Subject> left = and();
    while (peekWord("or")) {
      pos++;
      left = left.or(and());
    }
    return left;
  }

  private Predicate<Subject> and() {
    Predicate<Subject> left = unary();
    while (peekWord("and")) {
      pos++;
      left = left.and(unary());
    }
    return left;
  }

  private Predicate<Subject> unary() {
    if (peekWord("not")) {
      pos++;
      if (!"(".equals(peek())) {
        throw invalid("not must be followed by (");
      }
      return group().negate();
    }
    if ("(".equals(peek())) {
      return group();
    }
    return comparison();
  }

  private Predicate<Subject> group() {
    if (++depth > MAX_DEPTH) {
      throw invalid("nested deeper than " + MAX_DEPTH);
    }
    pos++; // (
    Predicate<Subject> inner = or();
    if (!")".equals(peek())) {
      throw invalid("missing )");
    }
    pos++;
    depth--;
    return inner;
  }

  private Predicate<Subject> comparison() {
    String path = next("an attribute");
    if (path.startsWith("\"") || path.equals(")")) {
      throw invalid("expected an attribute, found " + path);
    }
    if (path.contains("[")) {
      throw invalid("value filters such as " + path + " are not supported");
    }
    String lower = path.toLowerCase(Locale.ROOT);
    Attribute attr = ATTRIBUTES.get(lower.startsWith(CORE) ? lower.substring(CORE.length()) : lower);
    if (attr == null) {
      throw invalid("unknown attribute \"" + path + "\"");
    }
    String op = next("an operator after " + path).toLowerCase(Locale.ROOT);
    if (UNSUPPORTED.contains(op)) {
      throw invalid("operator " + op + " is not supported (eq, ne, co, sw are)");
    }
    if (!SUPPORTED.contains(op)) {
      throw invalid("unknown operator \"" + op + "\" after " + path);
    }
    String raw = next("a value after " + path + " " + op);
    Object value = value(raw);
    if (attr.type() == Type.BOOLEAN) {
      if (!(value instanceof Boolean) || !(op.equals("eq") || op.equals("ne"))) {
        throw invalid(attr.name() + " is a boolean: use eq or ne with true or false");
      }
    } else if (value instanceof Boolean) {
      throw invalid(attr.name() + " is a string: compare it with a quoted value");
    } else if (value == null && !(op.equals("eq") || op.equals("ne"))) {
      throw invalid(op + " needs a string value");
    }
    return compare(attr, op, value);
  }

  private static Predicate<Subject> compare(Attribute attr, String op, Object value) {
    Predicate<Subject> matches = s -> {
      Object actual = attr.get().apply(s);
      if (value == null || actual == null) {
        return value == actual;
      }
      if (value instanceof Boolean) {
        return value.equals(actual);
      }
      String a = attr.caseExact() ? (String) actual : ((String) actual).toLowerCase(Locale.ROOT);
      String v = attr.caseExact() ? (String) value : ((String) value).toLowerCase(Locale.ROOT);
      return switch (op) {
        case "co" -> a.contains(v);
        case "sw" -> a.startsWith(v);
        default -> a.equals(v);
      };
    };
    return op.equals("ne") ? matches.negate() : matches;
  }

  /** A JSON string, {@code true}, {@code false} or {@code null}; numbers match no attribute served here. */
  private static Object value(String raw) {
    switch (raw.toLowerCase(Locale.ROOT)) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "null":
        return null;
      default:
        if (!raw.startsWith("\"")) {
          throw invalid("a value must be a quoted string, true, false or null, found " + raw);
        }
        return raw.substring(1); // the tokenizer stores a string's decoded content after its opening quote
    }
  }

  private boolean peekWord(String word) {
    String t = peek();
    return t != null && !t.startsWith("\"") && t.equalsIgnoreCase(word);
  }

  private String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String next(String what) {
    if (pos >= tokens.size()) {
      throw invalid("expected " + what + " at the end");
    }
    return tokens.get(pos++);
  }

  /**
   * Words, parentheses and JSON strings; a string token is {@code "} followed by its decoded content, so it
   * can never be mistaken for a keyword or parenthesis however its content reads.
   */
  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        StringBuilder value = new StringBuilder("\"");
        i = string(s, i + 1, value);
        out.add(value.toString());
      } else {
        int start = i;
        while (i < s.length() && " \t()\"".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  /** Reads a JSON string's content from {@code i} (after the opening quote); returns the index after it. */
  private static int string(String s, int i, StringBuilder out) {
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return i;
      }
      if (c < 0x20) {
        throw invalid("control character in a string value");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) {
        break;
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          String hex = i + 4 > s.length() ? "" : s.substring(i, i + 4);
          if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw invalid("broken \\u escape in a string value");
          }
          out.append((char) Integer.parseInt(hex, 16));
          i += 4;
        }
        default -> throw invalid("unknown escape \\" + e + " in a string value");
      }
    }
    throw invalid("a string value is not closed");
  }

  @Override
  public String toString() {
    return "ScimFilter[" + text + "]";
  }
}
