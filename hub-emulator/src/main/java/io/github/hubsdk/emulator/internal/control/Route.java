package io.github.hubsdk.emulator.internal.control;

import static io.github.hubsdk.emulator.internal.control.ControlApi.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hubsdk.emulator.internal.ControlPlane;
import io.github.hubsdk.emulator.internal.http.RawRequest;
import io.github.hubsdk.emulator.internal.http.RawResponse;
import java.nio.charset.StandardCharsets;

/** A request as the control API sees it: method, the path below the prefix, query and body. */
final class Route {
  final String method;
  final String path;
  final RawRequest raw;

  Route(RawRequest raw) {
    this.raw = raw;
    this.method = raw.method().toUpperCase(java.util.Locale.ROOT);
    String p = raw.rawPath().substring(ControlPlane.PREFIX.length());
    this.path = p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  RawResponse only(String allowed, java.util.function.Supplier<RawResponse> action) {
    if (!method.equals(allowed)) {
      throw ControlError.methodNotAllowed(allowed);
    }
    return action.get();
  }

  String bodyText() {
    return new String(raw.body(), StandardCharsets.UTF_8);
  }

  /** The body as a JSON object; an empty body is an empty object. */
  JsonNode body() {
    String text = bodyText();
    if (text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw ControlError.badRequest("the body must be one JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ControlError.badRequest("the body is not JSON: " + e.getOriginalMessage());
    }
  }

  String query(String name) {
    return queryParam(raw.rawQuery(), name);
  }

  static String queryParam(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
