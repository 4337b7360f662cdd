package io.github.hubsdk.emulator.internal.control;

import static io.github.hubsdk.emulator.internal.control.ControlApi.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.emulator.RecordedRequest;
import io.github.hubsdk.emulator.internal.Recorder;
import io.github.hubsdk.emulator.internal.http.RawResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /_emulator/requests}: the recorded Docker Hub requests (never the control API's own), newest last.
 * Secrets are redacted unless asked for with {@code ?reveal=secrets}: the {@code Authorization} header and
 * the JSON body fields that carry passwords, codes and tokens, so a listing pasted into a bug report or a CI
 * log leaks nothing.
 */
final class RequestsControl {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;
  static final String REDACTED = "[REDACTED]";
  private static final Set<String> SECRET_FIELDS = Set.of("password", "secret", "code", "token", "login_2fa_token",
      "access_token", "refresh_token", "token_value", "client_secret");

  private final Recorder recorder;

  RequestsControl(Recorder recorder) {
    this.recorder = recorder;
  }

  RawResponse handle(Route r) {
    switch (r.method) {
      case "GET" -> {
        String limitText = r.query("limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
          try {
            limit = Integer.parseInt(limitText);
          } catch (NumberFormatException e) {
            limit = -1;
          }
          if (limit < 1 || limit > MAX_LIMIT) {
            throw ControlError.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
          }
        }
        boolean reveal = "secrets".equals(r.query("reveal"));
        List<RecordedRequest> all = recorder.snapshot();
        ObjectNode out = JSON.createObjectNode();
        out.put("count", recorder.count());
        out.put("kept", all.size());
        out.put("redacted", !reveal);
        ArrayNode items = out.putArray("requests");
        for (RecordedRequest q : all.subList(Math.max(0, all.size() - limit), all.size())) {
          items.add(describe(q, reveal));
        }
        return Answers.json(200, out);
      }
      case "DELETE" -> {
        recorder.clear();
        return Answers.json(200, JSON.createObjectNode().put("cleared", true));
      }
      default -> throw ControlError.methodNotAllowed("GET, DELETE");
    }
  }

  private static ObjectNode describe(RecordedRequest q, boolean reveal) {
    ObjectNode out = JSON.createObjectNode();
    out.put("method", q.method());
    out.put("path", q.path());
    if (q.query() == null) {
      out.putNull("query");
    } else {
      out.put("query", q.query());
    }
    ObjectNode headers = out.putObject("headers");
    for (Map.Entry<String, List<String>> h : q.headers().entrySet()) {
      ArrayNode values = headers.putArray(h.getKey());
      boolean secret = !reveal && (h.getKey().equalsIgnoreCase("Authorization") || h.getKey().equalsIgnoreCase("Cookie"));
      h.getValue().forEach(v -> values.add(secret ? scheme(v) + REDACTED : v));
    }
    out.put("body", reveal ? q.body() : redactBody(q.body()));
    out.put("bodyTruncated", q.bodyTruncated());
    out.put("receivedAt", q.receivedAt().toString());
    return out;
  }

  /** Keeps {@code Bearer } so a reader still sees which scheme was used. */
  private static String scheme(String value) {
    int space = value.indexOf(' ');
    return space > 0 && space < 16 ? value.substring(0, space + 1) : "";
  }

  /** A JSON body with its secret fields replaced; any other non-empty body whole, as it cannot be parsed. */
  static String redactBody(String body) {
    if (body.isBlank()) {
      return body;
    }
    try {
      JsonNode tree = JSON.readTree(body);
      redact(tree);
      return JSON.writeValueAsString(tree);
    } catch (IOException notJson) {
      // A cut (truncated) or non-JSON body may still hold a secret: show only its size.
      return REDACTED + " (" + body.length() + " characters, not JSON)";
    }
  }

  private static void redact(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (SECRET_FIELDS.contains(f.getKey().toLowerCase(Locale.ROOT)) && f.getValue().isValueNode()) {
          f.setValue(JSON.getNodeFactory().textNode(REDACTED));
        } else {
          redact(f.getValue());
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(RequestsControl::redact);
    }
  }
}
