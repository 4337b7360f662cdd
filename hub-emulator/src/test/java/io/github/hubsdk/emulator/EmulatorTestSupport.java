package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/**
 * Starts emulators that validate every response against the spec (the test fails on any mismatch) and
 * talks to them with java.net.http and Jackson.
 */
abstract class EmulatorTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final List<DockerHubEmulator> started = new ArrayList<>();
  private final List<SpecValidator> validators = new ArrayList<>();
  MutableClock clock;
  DockerHubEmulator hub;

  /** A spec-validated emulator on a fixed clock at {@link #T0}, configured further by {@code config}. */
  DockerHubEmulator start(UnaryOperator<DockerHubEmulator.Builder> config) {
    clock = MutableClock.fixed(T0);
    SpecValidator validator = new SpecValidator();
    validators.add(validator);
    hub = config.apply(DockerHubEmulator.builder().clock(clock).exchangeListener(validator)).start();
    started.add(hub);
    return hub;
  }

  DockerHubEmulator start() {
    return start(b -> b);
  }

  @AfterEach
  void closeAndCheckSpec() {
    started.forEach(DockerHubEmulator::close);
    for (SpecValidator v : validators) {
      assertThat(v.failures()).as("responses that do not match spec/docker-hub-api.yaml").isEmpty();
      assertThat(v.validated()).as("responses validated").isPositive();
    }
  }

  /** A response: status, headers and parsed JSON body (MissingNode when empty). */
  record Resp(int status, HttpResponse<String> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  Resp send(String method, String path, String bearer, Object body) {
    return send(method, path, bearer, body, Map.of());
  }

  Resp send(String method, String path, String bearer, Object body, Map<String, String> headers) {
    try {
      HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path)).timeout(Duration.ofSeconds(30));
      String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      req.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
      if (text != null) {
        req.header("Content-Type", "application/json");
      }
      if (bearer != null) {
        req.header("Authorization", "Bearer " + bearer);
      }
      headers.forEach(req::header);
      HttpResponse<String> response = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
      boolean textBody = response.headers().firstValue("Content-Type").orElse("").startsWith("text/");
      JsonNode json = response.body().isEmpty() || textBody ? MissingNode.getInstance() : JSON.readTree(response.body());
      return new Resp(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Resp get(String path, String bearer) {
    return send("GET", path, bearer, null);
  }

  Resp post(String path, String bearer, Object body) {
    return send("POST", path, bearer, body);
  }

  /** Logs in with /v2/auth/token and returns the JWT. */
  String login(String identifier, String secret) {
    Resp r = post("/v2/auth/token", null, Map.of("identifier", identifier, "secret", secret));
    assertThat(r.status()).as("login of %s: %s", identifier, r).isEqualTo(200);
    return r.json().get("access_token").asText();
  }

  String loginDefault() {
    return login(DockerHubEmulator.DEFAULT_USERNAME, DockerHubEmulator.DEFAULT_PASSWORD);
  }

  static JsonNode claims(String jwt) throws IOException {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  static Map<String, Object> tokenRequest(String label, String... scopes) {
    return Map.of("token_label", label, "scopes", List.of(scopes));
  }
}
