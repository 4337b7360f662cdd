package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control API in-process: what the standalone tests cannot reach cheaply (bounds, isolation without teardown). */
class ControlApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private DockerHubEmulator hub;

  @BeforeEach
  void start() {
    hub = DockerHubEmulator.builder().start();
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode state(String name) throws Exception {
    HttpResponse<String> r = send("POST", "/_emulator/pact/provider-states", "{\"state\": \"" + name + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void interactionsAreIsolatedWithoutTeardownCalls() throws Exception {
    // Interaction 1: two states build on each other (the second is not a reset).
    JsonNode user = state("user 'hubsdk' exists with password login");
    state("user 'hubsdk' has exhausted the rate limit");
    assertThat(hub.expectations()).hasSize(1);
    HttpResponse<String> limited = HTTP.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/v2/access-tokens"))
        .header("Authorization", "Bearer " + user.get("bearer").asText()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(limited.statusCode()).isEqualTo(429);
    // Interaction 2 (no teardown came): its first setup resets the emulator, the expectation of interaction 1
    // is gone.
    JsonNode org = state("organization 'hubsdk-org' on the Business plan is owned by user 'hubsdk'");
    assertThat(hub.expectations()).isEmpty();
    assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/v2/orgs/hubsdk-org/settings"))
        .header("Authorization", "Bearer " + org.get("bearer").asText()).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(200);
    // Interaction 3 seeds the same organization again: possible only because its first setup reset.
    state("organization 'hubsdk-org' owned by user 'hubsdk' has audit log events");
    // A reset replays the seeds but not what states set up.
    hub.reset();
    assertThat(state("organization 'hubsdk-org' on the Business plan is owned by user 'hubsdk'").get("org").asText())
        .isEqualTo("hubsdk-org");
  }

  @Test
  void theQueryVariantOfTheStateChangeProtocol() throws Exception {
    HttpResponse<String> r = send("POST", "/_emulator/pact/provider-states?state="
        + java.net.URLEncoder.encode("personal access token 'ci-token' exists", java.nio.charset.StandardCharsets.UTF_8)
        + "&action=setup", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("uuid").asText()).hasSize(36);
  }

  @Test
  void expectationsAreBounded() throws Exception {
    for (int i = 0; i < 1_000; i++) {
      hub.expect().get("/v2/never-" + i).andReturn(500, "{}");
    }
    HttpResponse<String> full = send("POST", "/_emulator/expectations", "{\"path\": \"/v2/x\", \"status\": 500}");
    assertThat(full.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(full.body()).get("error").asText()).isEqualTo("too_many_expectations");
    JsonNode listed = JSON.readTree(send("GET", "/_emulator/expectations", null).body());
    assertThat(listed.get("expectations").size()).isEqualTo(1_000);
    assertThat(listed.at("/expectations/0/method").asText()).isEqualTo("GET");
  }

  @Test
  void controlRequestsAreNotDockerHubTraffic() throws Exception {
    send("GET", "/_emulator/health", null);
    send("POST", "/_emulator/expectations", "{\"path\": \"*\", \"status\": 503}");
    send("GET", "/_emulator/clock", null);
    assertThat(hub.requestCount()).isZero();
    // The catch-all expectation does not swallow the control API.
    assertThat(send("GET", "/_emulator/expectations", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/v2/user", null).statusCode()).isEqualTo(503);
    assertThat(hub.requestCount()).isEqualTo(1);
  }
}
