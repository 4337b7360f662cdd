package io.github.hubsdk.emulator.internal.server;

import io.github.hubsdk.openapi.catalog.HubOperation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Routes a request to an operation of the catalogue: a tree compiled from every {@link HubOperation}'s path
 * template and its {@link HubOperation#legacyPaths()} (which lead to the same operation, flagged as legacy),
 * in the manner of stripe-mock. A static segment wins over a parameter at the same place (with
 * backtracking, so {@code /a/{x}/b} still matches when {@code /a/static} leads nowhere). A trailing slash
 * is optional on every path: the reference writes none, older clients add one, and the live Hub serves
 * both. Each segment is percent-decoded on its own, so {@code %2F} stays inside a parameter. Immutable and
 * thread-safe once built. Internal API.
 */
public final class Router {

  /**
   * What a request matched.
   *
   * @param op the operation, or null when none matched
   * @param legacy whether it came in on a legacy path
   * @param params the decoded path parameters by template name
   * @param allowed when no operation matched but the path is known: the methods it serves (a 405); else empty
   */
  public record Match(HubOperation op, boolean legacy, Map<String, String> params, Collection<String> allowed) {
    public boolean found() {
      return op != null;
    }
  }

  /**
   * One path an operation is served on.
   *
   * @param op the operation
   * @param template its path template, e.g. {@code /v2/access-tokens/{uuid}}
   * @param legacy whether it is one of the operation's legacy paths
   */
  public record Route(HubOperation op, String template, boolean legacy) {}

  private record Endpoint(HubOperation op, boolean legacy, List<String> paramNames) {}

  private static final class Node {
    final Map<String, Node> statics = new HashMap<>();
    Node param;
    final Map<String, Endpoint> byMethod = new LinkedHashMap<>();
  }

  private final Node root = new Node();

  /**
   * Compiles the routes of {@code ops}.
   *
   * @throws IllegalStateException when two operations (or legacy paths) claim the same method and path shape
   */
  public Router(Collection<HubOperation> ops) {
    this(routesOf(ops), true);
  }

  private Router(List<Route> routes, boolean unused) {
    for (Route r : routes) {
      add(r.op(), r.template(), r.legacy());
    }
  }

  /** Compiles exactly these routes (tests give legacy paths the catalogue does not have yet). */
  public static Router of(List<Route> routes) {
    return new Router(routes, true);
  }

  /** Every operation's path, then its legacy paths. */
  public static List<Route> routesOf(Collection<HubOperation> ops) {
    List<Route> out = new ArrayList<>();
    for (HubOperation op : ops) {
      out.add(new Route(op, op.path(), false));
      for (String legacy : op.legacyPaths()) {
        out.add(new Route(op, legacy, true));
      }
    }
    return out;
  }

  private void add(HubOperation op, String template, boolean legacy) {
    Node node = root;
    List<String> names = new ArrayList<>();
    for (String segment : segments(template)) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        names.add(segment.substring(1, segment.length() - 1));
        if (node.param == null) {
          node.param = new Node();
        }
        node = node.param;
      } else {
        node = node.statics.computeIfAbsent(segment, k -> new Node());
      }
    }
    Endpoint previous = node.byMethod.putIfAbsent(op.method(), new Endpoint(op, legacy, List.copyOf(names)));
    if (previous != null) {
      throw new IllegalStateException(op.method() + " " + template + " of " + op.operationId()
          + " has the same shape as a path of " + previous.op().operationId());
    }
  }

  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>(List.of(path.split("/", -1)));
    out.remove(0); // before the leading slash
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1); // the optional trailing slash
    }
    return out;
  }

  /**
   * Routes one request.
   *
   * @param method the upper-case method
   * @param rawPath the percent-encoded path
   * @return the match; {@code found()} false with {@code allowed} empty for an unknown path
   * @throws IllegalArgumentException when a segment has a malformed percent-escape
   */
  public Match match(String method, String rawPath) {
    if (!rawPath.startsWith("/")) {
      return new Match(null, false, Map.of(), List.of());
    }
    List<String> decoded = new ArrayList<>();
    for (String raw : segments(rawPath)) {
      String segment = Percent.decode(raw, false);
      if (segment == null) {
        throw new IllegalArgumentException("malformed percent-escape in " + raw);
      }
      if (segment.isEmpty()) {
        return new Match(null, false, Map.of(), List.of()); // "//" is no path of the API
      }
      decoded.add(segment);
    }
    List<String> values = new ArrayList<>();
    Node node = find(root, decoded, 0, values, method);
    if (node != null) {
      Endpoint e = node.byMethod.get(method);
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < e.paramNames().size(); i++) {
        params.put(e.paramNames().get(i), values.get(i));
      }
      return new Match(e.op(), e.legacy(), params, List.of());
    }
    TreeSet<String> allowed = new TreeSet<>();
    collectMethods(root, decoded, 0, allowed);
    return new Match(null, false, Map.of(), List.copyOf(allowed));
  }

  /** The node serving {@code method} at this path (statics first), collecting parameter values. */
  private static Node find(Node node, List<String> segments, int i, List<String> values, String method) {
    if (i == segments.size()) {
      return node.byMethod.containsKey(method) ? node : null;
    }
    Node next = node.statics.get(segments.get(i));
    if (next != null) {
      Node found = find(next, segments, i + 1, values, method);
      if (found != null) {
        return found;
      }
    }
    if (node.param != null) {
      values.add(segments.get(i));
      Node found = find(node.param, segments, i + 1, values, method);
      if (found != null) {
        return found;
      }
      values.remove(values.size() - 1);
    }
    return null;
  }

  /** Every method served by any node this path reaches. */
  private static void collectMethods(Node node, List<String> segments, int i, TreeSet<String> out) {
    if (i == segments.size()) {
      out.addAll(node.byMethod.keySet());
      return;
    }
    Node next = node.statics.get(segments.get(i));
    if (next != null) {
      collectMethods(next, segments, i + 1, out);
    }
    if (node.param != null) {
      collectMethods(node.param, segments, i + 1, out);
    }
  }
}
