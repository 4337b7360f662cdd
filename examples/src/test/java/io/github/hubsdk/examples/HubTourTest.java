package io.github.hubsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Main;
import io.github.hubsdk.emulator.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the tour's logic against an emulator and checks what it printed and what it did. */
class HubTourTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> secretsSent = ConcurrentHashMap.newKeySet();
  private DockerHubEmulator emulator;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  @BeforeEach
  void start() {
    // Every secret the emulator hands out (JWTs, the created token's secret) is collected to search the output.
    emulator = DockerHubEmulator.builder().seed(Main::demoSeed).exchangeListener(exchange -> {
      String body = exchange.responseBody();
      if (body == null || !body.startsWith("{")) {
        return;
      }
      try {
        JsonNode json = JSON.readTree(body);
        for (String field : List.of("access_token", "token")) {
          if (json.hasNonNull(field) && !json.get(field).asText().isEmpty()) {
            secretsSent.add(json.get(field).asText());
          }
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String output() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  private TourSettings demo() {
    return TourSettings.embedded(Main.DEMO_USERNAME, Main.DEMO_PASSWORD, Main.DEMO_ORG, Main.DEMO_REPOSITORY,
        Main.DEMO_ORG).withBaseUrl(emulator.baseUrl());
  }

  private void tour(TourSettings settings) {
    try (DockerHubClient client = HubTour.client(settings, emulator.clock())) {
      new HubTour(client, settings, out, emulator.clock()).tour();
    }
  }

  private List<RecordedRequest> requests(String method, String pathPrefix) {
    return emulator.requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
        .toList();
  }

  @Test
  void embeddedTourPrintsEverySectionAndCleansUpItsToken() {
    tour(demo());

    String text = output();
    assertThat(text).contains("-- 1. Log in", "-- 2. Personal access tokens", "-- 3. Images of demo-org/demo-app",
        "-- 4. Clean-up preview (dry run)", "-- 5. Audit log", "-- 6. Organization settings");
    assertThat(text).contains("you have 2 tokens", "created   " + HubTour.TOKEN_PREFIX, "renamed", "disabled  is_active=false",
        "enabled   is_active=true", "gone      GET answers 404; you have 2 tokens again");
    assertThat(text).contains("summary: 300 images", "paged through 300 images in 3 requests of up to 100");
    assertThat(text).containsPattern("dry run: would delete \\d+ manifests");
    assertThat(text).contains("refused (400)", "current_tag [latest", "is_active", "nothing was deleted: 300 images before, 300 after");
    assertThat(text).contains("pat.create", "pat.update", "pat.delete", "demo-org: restricted images off");
    assertThat(text).contains("-- 7. Repositories and tags of demo-org", "1 repository, most recently pushed first:",
        "demo-app                 public  pulls 48211    pushed ", "The demo application", "demo-org/demo-app has 151 tags; the newest 5");
    assertThat(text).containsPattern("\\n  latest +sha256:8000e379e4fa  pushed ");

    // token created then deleted, exactly once each; every image is still there
    assertThat(requests("POST", "/v2/access-tokens")).hasSize(1);
    assertThat(requests("DELETE", "/v2/access-tokens/")).hasSize(1);
    assertThat(emulator.requests()).filteredOn(r -> r.path().endsWith("/delete-images"))
        .allMatch(r -> r.body().contains("\"dry_run\":true")).hasSize(2);
    try (DockerHubClient demo = HubTour.client(demo(), emulator.clock())) {
      assertThat(demo.accessTokens().list().toList()).extracting(t -> t.getTokenLabel())
          .containsExactlyInAnyOrder("demo-ci", "demo-old-laptop");
      assertThat(demo.images(Main.DEMO_ORG, Main.DEMO_REPOSITORY).summary().getStatistics().getTotal()).isEqualTo(300);
    }
    // no secret printed: neither the password nor anything the server issued
    assertThat(secretsSent).anyMatch(s -> s.startsWith("dckr_pat_")).anyMatch(s -> s.startsWith("ey"));
    assertThat(text).doesNotContain(Main.DEMO_PASSWORD);
    for (String secret : secretsSent) {
      assertThat(text).doesNotContain(secret);
    }
  }

  @Test
  void theTokenIsDeletedEvenWhenTheTourFails() {
    emulator.expect().patch("/v2/access-tokens/*").andReturn(500, "{\"detail\":\"boom\"}").always();

    assertThatThrownBy(() -> tour(demo())).isInstanceOf(ServerErrorException.class);

    assertThat(output()).contains("deleted   ");
    assertThat(requests("DELETE", "/v2/access-tokens/")).hasSize(1);
    try (DockerHubClient demo = HubTour.client(demo(), emulator.clock())) {
      assertThat(demo.accessTokens().list().toList()).hasSize(2);
    }
  }

  @Test
  void liveModeSkipsTheRetiredEndpointsAndDeletesNothingElse() {
    TourSettings live = TourSettings.fromEnv(Map.of(
        TourSettings.USERNAME, Main.DEMO_USERNAME,
        TourSettings.PASSWORD, Main.DEMO_PASSWORD,
        TourSettings.ORG, Main.DEMO_ORG,
        TourSettings.REPOSITORY, Main.DEMO_REPOSITORY,
        TourSettings.BASE_URL, emulator.baseUrl()));

    tour(live);

    assertThat(output()).contains("skipped: Docker retired the image-management endpoints", "demo/demo-app",
        "gone      GET answers 404", "demo-org: restricted images off", ". Repositories and tags of demo\n",
        "0 repositories", "demo/demo-app are not available");
    assertThat(emulator.requests()).noneMatch(r -> r.path().contains("/images") || r.path().endsWith("/delete-images"));
    assertThat(emulator.requests()).filteredOn(r -> r.method().equals("DELETE"))
        .allMatch(r -> r.path().startsWith("/v2/access-tokens/")).hasSize(1);
  }

  @Test
  void aTokenLoginSkipsTokenManagement() {
    var seeded = new String[1];
    emulator.seed(s -> seeded[0] = s.personalAccessToken("demo", "tour-test", "repo:read").secret());
    TourSettings live = TourSettings.fromEnv(Map.of(TourSettings.USERNAME, "demo", TourSettings.TOKEN, seeded[0],
        TourSettings.BASE_URL, emulator.baseUrl()));

    tour(live);

    assertThat(output()).contains("with a personal access token",
        "skipped: Docker Hub lets only a password login manage tokens", "skipped: no organization given")
        .doesNotContain(seeded[0]);
    assertThat(requests("POST", "/v2/access-tokens")).isEmpty();
  }

  @Test
  void runStartsItsOwnEmulator() {
    HubTour.run(TourSettings.fromEnv(Map.of()), out);

    assertThat(output()).startsWith("== hubsdk tour against an embedded Docker Hub emulator at http://127.0.0.1:")
        .contains("-- 6. Organization settings").containsPattern("== done: the emulator answered \\d+ requests ==");
  }
}
