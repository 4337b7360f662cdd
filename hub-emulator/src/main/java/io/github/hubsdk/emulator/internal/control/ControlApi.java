package io.github.hubsdk.emulator.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.InvalidSeedException;
import io.github.hubsdk.emulator.SeedDocument;
import io.github.hubsdk.emulator.internal.ControlPlane;
import io.github.hubsdk.emulator.internal.Recorder;
import io.github.hubsdk.emulator.internal.http.RawRequest;
import io.github.hubsdk.emulator.internal.http.RawResponse;
import io.github.hubsdk.emulator.internal.rate.RateLimiter;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The control API under {@code /_emulator/}: reset, seed documents, expectations, clock, rate limiting,
 * recorded requests, health and the Pact provider-state endpoint, JSON in and out, errors as
 * {@code {"error": <code>, "message": <text>}}. With an admin token every request must present it. Internal
 * API; documented for users in the module README.
 */
public final class ControlApi implements ControlPlane {

  static final ObjectMapper JSON = new ObjectMapper();

  private final DockerHubEmulator hub;
  private final RateLimiter rate;
  private final byte[] adminToken;
  private final Instant started;
  private final ExpectationsControl expectations;
  private final RequestsControl requests;
  private final ProviderStatesEndpoint states;

  public ControlApi(DockerHubEmulator hub, RateLimiter rate, Recorder recorder, String adminToken) {
    this.hub = hub;
    this.rate = rate;
    this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    this.started = Instant.now();
    this.expectations = new ExpectationsControl(hub);
    this.requests = new RequestsControl(recorder);
    this.states = new ProviderStatesEndpoint(hub);
  }

  @Override
  public void apiRequestSeen() {
    states.apiRequestSeen();
  }

  @Override
  public RawResponse handle(RawRequest raw) {
    Route route = new Route(raw);
    try {
      if (!authorized(raw)) {
        return Answers.error(401, "unauthorized", "the control API needs the admin token given at start:"
            + " 'Authorization: Bearer <token>', 'X-Emulator-Token: <token>' or '?token=<token>'",
            Map.of("WWW-Authenticate", "Bearer realm=\"hub-emulator control\""));
      }
      if (raw.bodyTooLarge()) {
        return Answers.error(413, "too_large", "the body is larger than the emulator accepts (maxRequestBodyBytes,"
            + " 1 MiB by default); split the seed document");
      }
      return route(route);
    } catch (ControlError e) {
      return Answers.error(e.status, e.code, e.getMessage(), e.headers);
    } catch (InvalidSeedException e) {
      ObjectNode body = Answers.errorBody("invalid_seed", e.getMessage());
      body.put("path", e.pointer());
      if (e.line() > 0) {
        body.put("line", e.line());
        body.put("column", e.column());
      }
      return Answers.json(400, body);
    } catch (RuntimeException e) {
      return Answers.error(500, "internal", "the control API failed: " + e);
    }
  }

  private RawResponse route(Route r) {
    String path = r.path;
    if (path.isEmpty() || path.equals("/")) {
      return r.only("GET", this::index);
    }
    if (path.equals("/health")) {
      return r.only("GET", this::health);
    }
    if (path.equals("/reset")) {
      return r.only("POST", () -> {
        hub.reset();
        states.resetDone();
        return Answers.json(200, JSON.createObjectNode().put("reset", true));
      });
    }
    if (path.equals("/seed")) {
      return r.only("POST", () -> seed(r));
    }
    if (path.equals("/expectations") || path.startsWith("/expectations/")) {
      return expectations.handle(r);
    }
    if (path.equals("/clock")) {
      return switch (r.method) {
        case "GET" -> clock();
        case "PUT", "POST" -> {
          String now = r.body().path("now").asText(null);
          if (now == null) {
            throw ControlError.badRequest("send {\"now\": \"<RFC 3339 instant>\"}");
          }
          hub.clock().set(instant(now, "now"));
          yield clock();
        }
        default -> throw ControlError.methodNotAllowed("GET, PUT, POST");
      };
    }
    if (path.equals("/clock/advance")) {
      return r.only("POST", () -> {
        hub.clock().advance(duration(r.body()));
        return clock();
      });
    }
    if (path.equals("/rate-limit")) {
      return switch (r.method) {
        case "GET" -> rateLimit();
        case "PUT", "POST" -> {
          JsonNode body = r.body();
          boolean enabled = body.path("enabled").asBoolean(true);
          int limit = enabled ? positive(body, "limit") : 0;
          long window = body.has("windowSeconds") ? positive(body, "windowSeconds") : 60;
          rate.configure(limit, Duration.ofSeconds(window));
          yield rateLimit();
        }
        case "DELETE" -> {
          rate.configure(0, rate.settings().window());
          yield rateLimit();
        }
        default -> throw ControlError.methodNotAllowed("GET, PUT, POST, DELETE");
      };
    }
    if (path.equals("/requests")) {
      return requests.handle(r);
    }
    if (path.equals("/pact/provider-states")) {
      return r.only("POST", () -> states.handle(stateChange(r)));
    }
    throw new ControlError(404, "not_found", "no control endpoint " + r.method + " " + ControlPlane.PREFIX + path
        + "; GET " + ControlPlane.PREFIX + "/ lists them");
  }

  private boolean authorized(RawRequest raw) {
    if (adminToken == null) {
      return true;
    }
    String presented = null;
    for (Map.Entry<String, List<String>> h : raw.headers().entrySet()) {
      String name = h.getKey();
      String value = h.getValue().isEmpty() ? null : h.getValue().get(0);
      if (name.equalsIgnoreCase("X-Emulator-Token")) {
        presented = value;
      } else if (name.equalsIgnoreCase("Authorization") && value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        presented = value.substring(7).trim();
      }
    }
    if (presented == null) {
      presented = Route.queryParam(raw.rawQuery(), "token");
    }
    // Constant time: the comparison must not tell an attacker how much of a guess was right.
    return presented != null && MessageDigest.isEqual(adminToken, presented.getBytes(StandardCharsets.UTF_8));
  }

  private RawResponse index() {
    ObjectNode out = JSON.createObjectNode();
    ObjectNode endpoints = out.putObject("endpoints");
    endpoints.put("GET /_emulator/health", "liveness, version of the catalogue, uptime");
    endpoints.put("POST /_emulator/reset", "back to the seeded state (seeds replayed; expectations, requests, lock-outs,"
        + " rate windows forgotten)");
    endpoints.put("POST /_emulator/seed", "adds a seed document (additive; replayed by reset)");
    endpoints.put("GET|POST|DELETE /_emulator/expectations", "fault injection: list, create, delete all");
    endpoints.put("GET|DELETE /_emulator/expectations/{id}", "one expectation");
    endpoints.put("GET|PUT /_emulator/clock", "the emulator's time: {\"now\": ...}");
    endpoints.put("POST /_emulator/clock/advance", "{\"by\": \"PT10M\"} or {\"seconds\": 600}");
    endpoints.put("GET|PUT|DELETE /_emulator/rate-limit", "{\"limit\": 10, \"windowSeconds\": 60}; DELETE turns it off");
    endpoints.put("GET|DELETE /_emulator/requests", "recorded Docker Hub requests (?limit=N, ?reveal=secrets)");
    endpoints.put("POST /_emulator/pact/provider-states", "Pact state change: {\"state\", \"params\", \"action\"}");
    return Answers.json(200, out);
  }

  private RawResponse health() {
    ObjectNode out = JSON.createObjectNode();
    out.put("status", "ok");
    out.put("baseUrl", hub.baseUrl());
    out.put("operations", HubOperation.values().length);
    out.put("now", hub.clock().instant().toString());
    out.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
    out.put("providerStates", hub.providerStates().names().size());
    return Answers.json(200, out);
  }

  /** The state change as JSON body, or (Pact's non-body variant) as the query {@code ?state=..&action=..&param=..}. */
  private static JsonNode stateChange(Route r) {
    if (!r.bodyText().isBlank() || r.raw.rawQuery() == null) {
      return r.body();
    }
    ObjectNode out = JSON.createObjectNode();
    ObjectNode params = out.putObject("params");
    for (String pair : r.raw.rawQuery().split("&")) {
      int eq = pair.indexOf('=');
      String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      switch (key) {
        case "state", "action" -> out.put(key, value);
        case "token" -> { }
        default -> params.put(key, value);
      }
    }
    return out;
  }

  private RawResponse seed(Route r) {
    SeedDocument doc = SeedDocument.parse(r.bodyText(), "request body");
    SeedDocument.Result result = hub.seed(doc);
    return Answers.json(201, JSON.valueToTree(result.summary()));
  }

  private RawResponse clock() {
    return Answers.json(200, JSON.createObjectNode().put("now", hub.clock().instant().toString()));
  }

  private RawResponse rateLimit() {
    RateLimiter.Settings s = rate.settings();
    ObjectNode out = JSON.createObjectNode();
    out.put("enabled", s.limit() > 0);
    out.put("limit", s.limit());
    out.put("windowSeconds", s.window().toSeconds());
    return Answers.json(200, out);
  }

  static Instant instant(String text, String field) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ControlError.badRequest(field + " must be an RFC 3339 date-time such as 2026-11-26T10:00:00Z: " + text);
    }
  }

  private static Duration duration(JsonNode body) {
    if (body.hasNonNull("by")) {
      try {
        return Duration.parse(body.get("by").asText());
      } catch (DateTimeParseException e) {
        throw ControlError.badRequest("by must be an ISO-8601 duration such as PT10M or P1D: " + body.get("by").asText());
      }
    }
    if (body.path("seconds").canConvertToLong()) {
      return Duration.ofSeconds(body.get("seconds").asLong());
    }
    throw ControlError.badRequest("send {\"by\": \"PT10M\"} or {\"seconds\": 600}");
  }

  private static int positive(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.canConvertToInt() || n.asInt() < 1) {
      throw ControlError.badRequest(field + " must be a whole number of at least 1");
    }
    return n.asInt();
  }
}
