package io.github.hubsdk.openapi.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsing of the generated table's compact strings, and the id index; kept out of the template. */
final class Catalog {

  static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  private Catalog() {
  }

  /** Built on first use: the enum's constructor calls into this class while the enum is still initialising. */
  private static final class Index {
    static final Map<String, HubOperation> BY_ID = build();

    private static Map<String, HubOperation> build() {
      Map<String, HubOperation> m = new HashMap<>();
      for (HubOperation op : HubOperation.values()) {
        m.put(op.operationId(), op);
      }
      return Map.copyOf(m);
    }
  }

  static HubOperation byId(String id) {
    return id == null ? null : Index.BY_ID.get(id);
  }

  static List<String> words(String s, char separator) {
    List<String> out = new ArrayList<>();
    for (String w : s.split(java.util.regex.Pattern.quote(String.valueOf(separator)))) {
      if (!w.isBlank()) {
        out.add(w.trim());
      }
    }
    return List.copyOf(out);
  }

  /** {@code "200=AccessTokenPage 401=DetailError 403=TxnError/PasswordLoginRequired 204=- 0=RpcStatus"}. */
  static List<Outcome> outcomes(String s) {
    List<Outcome> out = new ArrayList<>();
    for (String w : words(s, ' ')) {
      int eq = w.indexOf('=');
      String code = w.substring(0, eq);
      String rest = w.substring(eq + 1);
      int slash = rest.indexOf('/');
      String schema = slash < 0 ? rest : rest.substring(0, slash);
      String exception = slash < 0 ? null : rest.substring(slash + 1);
      int status = code.equals("0") || code.equalsIgnoreCase("default") ? 0 : Integer.parseInt(code);
      out.add(new Outcome(status, schema.equals("-") ? null : schema, exception));
    }
    return List.copyOf(out);
  }

  static int success(List<Outcome> outcomes) {
    for (Outcome o : outcomes) {
      if (o.success()) {
        return o.status();
      }
    }
    return 200;
  }

  static Outcome outcome(List<Outcome> outcomes, int status) {
    Outcome fallback = null;
    for (Outcome o : outcomes) {
      if (o.status() == status) {
        return o;
      }
      if (o.status() == 0) {
        fallback = o;
      }
    }
    return fallback;
  }
}
