package io.github.hubsdk.emulator.internal.control;

import static io.github.hubsdk.emulator.internal.control.ControlApi.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Expectation;
import io.github.hubsdk.emulator.internal.http.RawResponse;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /_emulator/expectations}: the fault-injection rules over HTTP, made with the same
 * {@link Expectation} builder as Java tests use. Expectations made in Java show up too, with an id of their
 * own. Bounded: at most {@value #MAX} at a time, 409 beyond.
 */
final class ExpectationsControl {

  static final int MAX = 1_000;
  private static final Set<String> FIELDS = Set.of("method", "path", "operationId", "status", "body", "headers",
      "delayMs", "drop", "times");

  private final DockerHubEmulator hub;
  private final Map<Expectation, String> ids = new IdentityHashMap<>();
  private long next = 1;

  ExpectationsControl(DockerHubEmulator hub) {
    this.hub = hub;
  }

  RawResponse handle(Route r) {
    if (r.path.equals("/expectations")) {
      return switch (r.method) {
        case "GET" -> Answers.json(200, list());
        case "POST" -> Answers.json(201, create(r.body()));
        case "DELETE" -> {
          hub.clearExpectations();
          yield Answers.json(200, list());
        }
        default -> throw ControlError.methodNotAllowed("GET, POST, DELETE");
      };
    }
    String id = r.path.substring("/expectations/".length());
    Expectation e = byId(id);
    return switch (r.method) {
      case "GET" -> Answers.json(200, describe(id, e));
      case "DELETE" -> {
        hub.removeExpectation(e);
        synchronized (this) {
          ids.remove(e);
        }
        yield Answers.json(200, JSON.createObjectNode().put("deleted", id));
      }
      default -> throw ControlError.methodNotAllowed("GET, DELETE");
    };
  }

  private synchronized Expectation byId(String id) {
    sync();
    for (Map.Entry<Expectation, String> e : ids.entrySet()) {
      if (e.getValue().equals(id)) {
        return e.getKey();
      }
    }
    throw new ControlError(404, "not_found", "no expectation " + id);
  }

  /** Ids for expectations made in Java, none for those that are gone (cleared, reset). */
  private synchronized List<Expectation> sync() {
    List<Expectation> current = hub.expectations();
    Set<Expectation> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    live.addAll(current);
    for (Iterator<Expectation> it = ids.keySet().iterator(); it.hasNext(); ) {
      if (!live.contains(it.next())) {
        it.remove();
      }
    }
    for (Expectation e : current) {
      ids.computeIfAbsent(e, k -> "e" + next++);
    }
    return current;
  }

  private synchronized ObjectNode list() {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode items = out.putArray("expectations");
    for (Expectation e : sync()) {
      items.add(describe(ids.get(e), e));
    }
    return out;
  }

  private ObjectNode create(JsonNode body) {
    body.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        throw ControlError.badRequest("unknown field '" + f + "'; an expectation has " + new java.util.TreeSet<>(FIELDS));
      }
    });
    String operationId = text(body, "operationId");
    String path = text(body, "path");
    String method = text(body, "method");
    if ((operationId == null) == (path == null)) {
      throw ControlError.badRequest("give either 'path' (a glob such as /v2/access-tokens*, with an optional"
          + " 'method') or 'operationId'");
    }
    if (operationId != null && method != null) {
      throw ControlError.badRequest("'method' goes with 'path'; an operationId already has its method");
    }
    if (operationId != null && HubOperation.byId(operationId) == null) {
      throw ControlError.badRequest("the spec has no operation '" + operationId + "'");
    }
    Integer status = body.hasNonNull("status") ? integer(body, "status", 100, 599) : null;
    long delayMs = body.hasNonNull("delayMs") ? integer(body, "delayMs", 0, 60_000) : 0;
    boolean drop = body.path("drop").asBoolean(false);
    if (body.has("drop") && !body.get("drop").isBoolean()) {
      throw ControlError.badRequest("drop must be true or false");
    }
    Integer times = body.hasNonNull("times") ? integer(body, "times", 1, Integer.MAX_VALUE) : null;
    if (status == null && delayMs == 0 && !drop) {
      throw ControlError.badRequest("an expectation needs a 'status' (canned answer), a 'delayMs' or 'drop': true");
    }
    if (status != null && drop) {
      throw ControlError.badRequest("'status' and 'drop' exclude each other");
    }
    if (status == null && (body.has("body") || body.has("headers"))) {
      throw ControlError.badRequest("'body' and 'headers' need a 'status'");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (body.has("headers")) {
      if (!body.get("headers").isObject()) {
        throw ControlError.badRequest("headers must be an object of strings");
      }
      body.get("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    }
    String cannedBody = null;
    if (body.hasNonNull("body")) {
      JsonNode b = body.get("body");
      cannedBody = b.isTextual() ? b.asText() : b.toString();
    }
    synchronized (this) {
      if (hub.expectations().size() >= MAX) {
        throw new ControlError(409, "too_many_expectations", "there are already " + MAX
            + " expectations; DELETE some (or all: DELETE /_emulator/expectations) first");
      }
      Expectation.Builder b = hub.expect();
      Expectation e = operationId != null ? b.operation(operationId)
          : method == null ? b.any(path) : b.request(method, path);
      // The limit first: from its first and... call the expectation is live.
      if (times != null) {
        e.times(times);
      }
      if (delayMs > 0) {
        e.andDelay(Duration.ofMillis(delayMs));
      }
      if (drop) {
        e.andDropConnection();
      } else if (status != null) {
        e.andReturn(status, cannedBody, headers);
      }
      if (times == null) {
        e.always();
      }
      String id = "e" + next++;
      ids.put(e, id);
      return describe(id, e);
    }
  }

  private static ObjectNode describe(String id, Expectation e) {
    Expectation.Description d = e.describe();
    ObjectNode out = JSON.createObjectNode();
    out.put("id", id);
    if (d.operationId() != null) {
      out.put("operationId", d.operationId());
    } else {
      out.put("method", d.method() == null ? "*" : d.method());
      out.put("path", d.pathGlob());
    }
    if (d.status() != null) {
      out.put("status", d.status());
      out.put("body", d.body());
      ObjectNode headers = out.putObject("headers");
      d.headers().forEach(headers::put);
    }
    out.put("delayMs", d.delay().toMillis());
    out.put("drop", d.drop());
    if (d.times() == null) {
      out.putNull("times");
    } else {
      out.put("times", d.times());
    }
    out.put("hits", d.hits());
    out.put("active", d.active());
    return out;
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw ControlError.badRequest(field + " must be a non-blank string");
    }
    return n.asText();
  }

  private static int integer(JsonNode body, String field, int min, int max) {
    JsonNode n = body.get(field);
    if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
      throw ControlError.badRequest(field + " must be a whole number from " + min + " to " + max);
    }
    return n.asInt();
  }
}
