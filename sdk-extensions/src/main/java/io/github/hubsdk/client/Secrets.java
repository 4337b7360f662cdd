package io.github.hubsdk.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every secret one client holds or has been given: its credentials' password or token, the JWTs issued to
 * it, 2FA codes and 2FA login tokens. Whatever the client shows (exception messages, body excerpts, the
 * wire log) passes through {@link #redact}, so a secret the server echoes back never reaches a log or a
 * stack trace. Bounded: the JWTs of a long-running client are renewed every few minutes, and only the
 * newest {@value #MAX_ISSUED} of them are kept (older ones have expired).
 */
final class Secrets {

  static final String MASK = "****";
  static final int MAX_ISSUED = 32;
  /** Shorter values are not masked: replacing every "a" would make messages unreadable, and reveal nothing. */
  static final int MIN_LENGTH = 4;

  private final Set<String> fixed = new LinkedHashSet<>();
  private final LinkedHashSet<String> issued = new LinkedHashSet<>();
  private volatile List<String> all = List.of();

  /** A secret the client was configured with (password, PAT, OAT); kept for the client's life. */
  synchronized void addFixed(String secret) {
    if (usable(secret) && fixed.add(secret)) {
      rebuild();
    }
  }

  /** A secret the server or a supplier handed out (JWT, 2FA code or login token); the oldest are dropped. */
  synchronized void addIssued(String secret) {
    if (!usable(secret) || fixed.contains(secret)) {
      return;
    }
    issued.remove(secret);
    issued.add(secret);
    while (issued.size() > MAX_ISSUED) {
      issued.remove(issued.iterator().next());
    }
    rebuild();
  }

  /**
   * The text with every known secret replaced by {@value #MASK}, also in its JSON-escaped form.
   *
   * @param text any text, or null
   * @return the masked text (null stays null)
   */
  String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : all) {
      if (out.contains(s)) {
        out = out.replace(s, MASK);
      }
    }
    return out;
  }

  private static boolean usable(String s) {
    return s != null && s.length() >= MIN_LENGTH;
  }

  private void rebuild() {
    List<String> list = new ArrayList<>();
    for (String s : fixed) {
      addForms(list, s);
    }
    for (String s : issued) {
      addForms(list, s);
    }
    // Longest first, so a secret that contains another is masked whole.
    list.sort(Comparator.comparingInt(String::length).reversed());
    all = List.copyOf(list);
  }

  private static void addForms(List<String> list, String s) {
    list.add(s);
    String json = jsonEscaped(s);
    if (!json.equals(s)) {
      list.add(json);
    }
  }

  static String jsonEscaped(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '/' -> sb.append(c);
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
