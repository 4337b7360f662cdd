package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Token seeding with named options: every option reaches the API, bad combinations fail at seeding time. */
class TokenSeederTest {

  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void everyOptionShowsInTheTokensJson() throws Exception {
    SeededToken[] t = new SeededToken[1];
    try (DockerHubEmulator hub = DockerHubEmulator.builder().clock(MutableClock.fixed(T0))
        .seed(s -> t[0] = s.personalAccessToken("hubsdk", "old").scopes("repo:write", "repo:read")
            .createdAt(T0.minus(Duration.ofDays(200))).lastUsedAt(T0.minus(Duration.ofDays(100)))
            .expiresAt(T0.plus(Duration.ofDays(30))).inactive().create())
        .start()) {
      JsonNode token = get(hub, "/v2/access-tokens/" + t[0].uuid());

      assertThat(token.get("token_label").asText()).isEqualTo("old");
      assertThat(token.get("scopes")).extracting(JsonNode::asText).containsExactly("repo:write", "repo:read");
      assertThat(token.get("created_at").asText()).isEqualTo("2026-05-10T10:00:00Z");
      assertThat(token.get("last_used").asText()).isEqualTo("2026-08-18T10:00:00Z");
      assertThat(token.get("expires_at").asText()).isEqualTo("2026-12-26T10:00:00Z");
      assertThat(token.get("is_active").asBoolean()).isFalse();
    }
  }

  @Test
  void defaultsAreReadScopeCreatedNowNeverUsedActive() throws Exception {
    SeededToken[] t = new SeededToken[1];
    try (DockerHubEmulator hub = DockerHubEmulator.builder().clock(MutableClock.fixed(T0))
        .seed(s -> t[0] = s.personalAccessToken("hubsdk", "plain").create()).start()) {
      JsonNode token = get(hub, "/v2/access-tokens/" + t[0].uuid());

      assertThat(token.get("scopes")).extracting(JsonNode::asText).containsExactly("repo:read");
      assertThat(token.get("created_at").asText()).isEqualTo("2026-11-26T10:00:00Z");
      assertThat(token.get("last_used").isNull()).isTrue();
      assertThat(token.get("expires_at").isNull()).isTrue();
      assertThat(token.get("is_active").asBoolean()).isTrue();
    }
  }

  @Test
  void theSameTokenAfterResetAndTheSameAsTheShortcut() {
    SeededToken[] t = new SeededToken[2];
    try (DockerHubEmulator hub = DockerHubEmulator.builder()
        .seed(s -> t[0] = s.personalAccessToken("hubsdk", "ci").scopes("repo:read").create()).start();
        DockerHubEmulator other = DockerHubEmulator.builder()
            .seed(s -> t[1] = s.personalAccessToken("hubsdk", "ci", "repo:read")).start()) {
      SeededToken first = t[0];
      hub.reset();

      assertThat(t[0]).isEqualTo(first).isEqualTo(t[1]);
      assertThat(t[0].toString()).doesNotContain(t[0].secret());
    }
  }

  @Test
  void aForgottenCreateFailsTheSeed() {
    assertThatThrownBy(() -> DockerHubEmulator.builder()
        .seed(s -> s.personalAccessToken("hubsdk", "ci").scopes("repo:read")).start())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("without create()").hasMessageContaining("hubsdk/ci");
  }

  @Test
  void badOptionsFailAtSeedingTime() {
    Instant at = T0;
    assertThatThrownBy(() -> seed(s -> s.personalAccessToken("nobody", "ci")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such user");
    assertThatThrownBy(() -> seed(s -> s.personalAccessToken("hubsdk", "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
    assertThatThrownBy(() -> seed(s -> s.personalAccessToken("hubsdk", "ci").scopes("repo:everything")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown scope");
    assertThatThrownBy(() -> seed(s -> s.personalAccessToken("hubsdk", "ci").scopes()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one scope");
    assertThatThrownBy(() -> seed(s -> s.personalAccessToken("hubsdk", "ci").createdAt(at)
        .lastUsedAt(at.minusSeconds(1)).create()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before createdAt");
    assertThatThrownBy(() -> seed(s -> s.personalAccessToken("hubsdk", "ci").createdAt(at).expiresAt(at).create()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after createdAt");
    assertThatThrownBy(() -> seed(s -> {
      TokenSeeder ci = s.personalAccessToken("hubsdk", "ci");
      ci.create();
      ci.create();
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("created already");
  }

  private static void seed(java.util.function.Consumer<Seeder> seed) {
    DockerHubEmulator.builder().seed(seed).start().close();
  }

  private static JsonNode get(DockerHubEmulator hub, String path) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
        .header("Authorization", "Bearer " + hub.accessTokenFor("hubsdk")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(answer.body());
  }
}
