package io.github.hubsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The filter builder writes exactly one comparison per value, whatever the value holds. */
class ScimFilterTest {

  @Test
  void writesTheScimSyntax() {
    assertThat(ScimFilter.userName().eq("jane.doe@example.com")).hasToString("userName eq \"jane.doe@example.com\"");
    assertThat(ScimFilter.familyName().sw("Do").and(ScimFilter.active(true)).expression())
        .isEqualTo("name.familyName sw \"Do\" and active eq true");
    assertThat(ScimFilter.not(ScimFilter.email().co("contractor")).expression())
        .isEqualTo("not (emails.value co \"contractor\")");
    assertThat(ScimFilter.displayName().ne("a").or(ScimFilter.givenName().eq("b")).expression())
        .isEqualTo("displayName ne \"a\" or name.givenName eq \"b\"");
  }

  @Test
  void anOrInsideAnAndKeepsItsParentheses() {
    ScimFilter either = ScimFilter.userName().eq("a").or(ScimFilter.userName().eq("b"));
    assertThat(either.and(ScimFilter.active(true)).expression())
        .isEqualTo("(userName eq \"a\" or userName eq \"b\") and active eq true");
    assertThat(ScimFilter.active(false).and(either).expression())
        .isEqualTo("active eq false and (userName eq \"a\" or userName eq \"b\")");
    assertThat(ScimFilter.active(true).and(ScimFilter.active(false)).or(ScimFilter.active(true)).expression())
        .isEqualTo("active eq true and active eq false or active eq true");
  }

  /** The test: quotes and backslashes in a value cannot end it or add a condition. */
  @Test
  void quotesAndBackslashesCannotChangeTheFilter() {
    assertThat(ScimFilter.userName().eq("a\"b").expression()).isEqualTo("userName eq \"a\\\"b\"");
    assertThat(ScimFilter.userName().eq("x\" or userName ne \"").expression())
        .isEqualTo("userName eq \"x\\\" or userName ne \\\"\"");
    assertThat(ScimFilter.userName().eq("ends with \\").expression()).isEqualTo("userName eq \"ends with \\\\\"");
    assertThat(ScimFilter.userName().eq("\\\"").expression()).isEqualTo("userName eq \"\\\\\\\"\"");
    assertThat(ScimFilter.userName().eq("line\nbreak\u0000").expression())
        .isEqualTo("userName eq \"line\\u000abreak\\u0000\"");
    // Read back as a JSON string, every literal is exactly the value it was made from.
    for (String value : new String[] {"a\"b", "\\", "\\\"", "x\" or userName ne \"", "tab\there", "unicode é ✓"}) {
      String expression = ScimFilter.userName().eq(value).expression();
      String literal = expression.substring("userName eq ".length());
      assertThat(unquote(literal)).isEqualTo(value);
    }
  }

  /** A strict JSON string reader: fails on an unescaped quote inside. */
  private static String unquote(String literal) {
    assertThat(literal).startsWith("\"").endsWith("\"");
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      assertThat(c).as("an unescaped quote inside %s", literal).isNotEqualTo('"');
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = literal.charAt(++i);
      switch (e) {
        case '"', '\\' -> out.append(e);
        case 'u' -> {
          out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new AssertionError("unexpected escape \\" + e);
      }
    }
    return out.toString();
  }

  @Test
  void nullsAreRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> ScimFilter.userName().eq(null)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ScimFilter.not(null)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ScimFilter.active(true).and(null)).isInstanceOf(InvalidRequestException.class);
    assertThat(ScimFilter.userName().eq("a")).isEqualTo(ScimFilter.userName().eq("a"))
        .hasSameHashCodeAs(ScimFilter.userName().eq("a"));
  }
}
