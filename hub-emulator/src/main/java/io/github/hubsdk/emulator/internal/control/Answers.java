package io.github.hubsdk.emulator.internal.control;

import static io.github.hubsdk.emulator.internal.control.ControlApi.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.emulator.internal.http.RawResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON answers. */
final class Answers {
  private Answers() {}

  static ObjectNode errorBody(String code, String message) {
    return JSON.createObjectNode().put("error", code).put("message", message);
  }

  static RawResponse error(int status, String code, String message) {
    return error(status, code, message, Map.of());
  }

  static RawResponse error(int status, String code, String message, Map<String, String> headers) {
    return json(status, errorBody(code, message), headers);
  }

  static RawResponse json(int status, JsonNode body) {
    return json(status, body, Map.of());
  }

  static RawResponse json(int status, JsonNode body, Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Cache-Control", "no-store");
    headers.putAll(extra);
    try {
      return new RawResponse(status, headers, JSON.writeValueAsBytes(body), false);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
