package io.github.hubsdk.contracts.provider;

import static io.github.hubsdk.contracts.Contract.*;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junitsupport.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Provider states on a fresh hub-emulator per interaction: they seed it through its {@code Seeder} and hand
 * the ids they created to the requests. Subclasses choose where the pacts come from.
 */
public abstract class EmulatorStates extends ProviderVerification {

  /** The password of the 2FA user the provider states seed (no pact may contain it). */
  public static final String TWO_FACTOR_PASSWORD = "emulator-2fa-password";
  /** The second factor code the provider states accept (no pact may contain it). */
  public static final String TWO_FACTOR_CODE = "246810";
  static final String TAGGED_DIGEST = "sha256:" + "ab".repeat(32);
  static final String OLD_DIGEST = "sha256:" + "cd".repeat(32);
  static final String BUSY_DIGEST = "sha256:" + "ef".repeat(32);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private DockerHubEmulator hub;

  @BeforeEach
  void freshEmulator(PactVerificationContext context) {
    if (hub != null) {
      hub.close();
    }
    hub = DockerHubEmulator.builder().threads(2).start();
    bearer = null;
    context.setTarget(target(hub.baseUrl()));
  }

  @AfterAll
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  private String password() {
    return hub.accessTokenFor(DockerHubEmulator.DEFAULT_USERNAME);
  }

  @State(USER)
  Map<String, Object> user() {
    bearer = password();
    return values("username", DockerHubEmulator.DEFAULT_USERNAME, "password", DockerHubEmulator.DEFAULT_PASSWORD,
        "label", "hubsdk-contract-emulator");
  }

  @State(USER_2FA)
  Map<String, Object> twoFactorUser() {
    hub.seed(s -> s.user("hubsdk-2fa", TWO_FACTOR_PASSWORD).twoFactor(TWO_FACTOR_CODE));
    return values("username", "hubsdk-2fa", "password", TWO_FACTOR_PASSWORD);
  }

  @State(PENDING_2FA)
  Map<String, Object> pendingTwoFactorLogin() throws IOException, InterruptedException {
    twoFactorUser();
    JsonNode answer = post("/v2/users/login",
        "{\"username\":\"hubsdk-2fa\",\"password\":\"" + TWO_FACTOR_PASSWORD + "\"}", 401);
    String login2faToken = answer.path("login_2fa_token").asText();
    if (login2faToken.isBlank()) {
      // An empty token would be injected into the login2fa request and fail there, far from the cause.
      throw new IllegalStateException("the emulator's 2FA challenge carried no login_2fa_token: " + answer);
    }
    return values("login2faToken", login2faToken, "code", TWO_FACTOR_CODE);
  }

  @State(PAT)
  Map<String, Object> pat() {
    SeededToken[] token = new SeededToken[1];
    hub.seed(s -> token[0] = s.personalAccessToken("hubsdk", "ci-token", "repo:read"));
    bearer = password();
    return values("uuid", token[0].uuid().toString());
  }

  @State(PAT_JWT)
  Map<String, Object> patJwt() throws IOException, InterruptedException {
    SeededToken[] token = new SeededToken[1];
    hub.seed(s -> token[0] = s.personalAccessToken("hubsdk", "ci-token", "repo:read"));
    bearer = post("/v2/auth/token", "{\"identifier\":\"hubsdk\",\"secret\":\"" + token[0].secret() + "\"}", 200)
        .path("access_token").asText();
    return values();
  }

  @State(INVALID_JWT)
  Map<String, Object> invalidJwt() {
    bearer = BAD_SIGNATURE_JWT;
    return values();
  }

  @State(RATE_LIMITED)
  Map<String, Object> rateLimited() {
    hub.expect().get("/v2/access-tokens")
        .andReturn(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}", Map.of("Retry-After", "30"))
        .once();
    bearer = password();
    return values();
  }

  @State(IMAGES)
  Map<String, Object> images() {
    Instant now = hub.clock().instant();
    hub.seed(s -> s.repository("hubsdk", "example").image(TAGGED_DIGEST, now.minus(Duration.ofDays(1)), null,
        "latest", "1.4"));
    bearer = password();
    return values("namespace", "hubsdk", "repository", "example", "digest", TAGGED_DIGEST);
  }

  @State(IMAGE_DELETABLE)
  Map<String, Object> deletableImage() {
    Instant now = hub.clock().instant();
    hub.seed(s -> s.repository("hubsdk", "example").image(OLD_DIGEST, now.minus(Duration.ofDays(90)), null));
    bearer = password();
    return values("namespace", "hubsdk", "repository", "example", "digest", OLD_DIGEST);
  }

  @State(IMAGE_BUSY)
  Map<String, Object> busyImage() {
    Instant now = hub.clock().instant();
    hub.seed(s -> s.repository("hubsdk", "example").image(BUSY_DIGEST, now.minus(Duration.ofHours(1)), null, "edge"));
    bearer = password();
    return values("namespace", "hubsdk", "repository", "example", "digest", BUSY_DIGEST);
  }

  @State(FREE_PLAN)
  Map<String, Object> freePlan() {
    hub.seed(s -> {
      s.user("hubsdk-free", "free-password").plan(Plan.FREE);
      s.repository("hubsdk-free", "app").images(1);
    });
    bearer = hub.accessTokenFor("hubsdk-free");
    return values("namespace", "hubsdk-free", "repository", "app");
  }

  @State(AUDIT)
  Map<String, Object> auditEvents() {
    Instant now = hub.clock().instant();
    hub.seed(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners("hubsdk");
      s.auditEvent("hubsdk-org", "repo.tag.push", "hubsdk-org/web", "hubsdk", now.minus(Duration.ofHours(2)),
          Map.of("tag", "latest", "digest", TAGGED_DIGEST));
    });
    bearer = password();
    return values("account", "hubsdk-org");
  }

  @State(ORG_BUSINESS)
  Map<String, Object> businessOrg() {
    hub.seed(s -> s.org("hubsdk-org", Plan.BUSINESS).owners("hubsdk"));
    bearer = password();
    return values("org", "hubsdk-org");
  }

  @State(ORG_TEAM)
  Map<String, Object> teamOrg() {
    hub.seed(s -> s.org("hubsdk-team", Plan.TEAM).owners("hubsdk"));
    bearer = password();
    return values("org", "hubsdk-team");
  }

  private JsonNode post(String path, String json, int expectedStatus) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expectedStatus) {
      throw new IllegalStateException("state setup: POST " + path + " answered " + r.statusCode() + ", expected "
          + expectedStatus);
    }
    return JSON.readTree(r.body());
  }
}
