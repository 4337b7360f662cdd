package io.github.hubsdk.emulator.junit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.ImageFilter;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a user tests their own Docker Hub automation: fields injected, state seeded once, reset per test. */
@EnableDockerHubEmulator(clock = "2026-11-26T10:00:00Z")
class FieldInjectionExampleTest {

  static DockerHubEmulator hub;   // one emulator for the class, reset before each test
  DockerHubClient client;         // logged in as hubsdk / hubsdk-password, new for each test

  @EmulatorSeed
  static void seed(Seeder s) {
    s.org("acme", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
    s.repository("acme", "web").images(250);
  }

  @Test
  void createsAndListsTokens() {
    AccessToken created = client.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ));

    assertThat(created.getToken()).startsWith("dckr_pat_");
    assertThat(client.accessTokens().list().toList())
        .extracting(AccessToken::getTokenLabel).containsExactly("ci");
  }

  @Test
  void startsEveryTestFromTheSeed() {
    assertThat(client.accessTokens().list().toList()).isEmpty();
    assertThat(client.images("acme", "web").list().toList()).hasSize(250);
  }

  @Test
  void pagesThroughUntaggedImages() {
    long untagged = client.images("acme", "web")
        .list(ImageFilter.builder().currentlyTagged(false).build()).stream().count();

    assertThat(untagged).isEqualTo(125); // seeded images i % 4 == 1 (old tag only) and 2 (no tag)
  }

  @Test
  void faultsAndTimeAreUnderTheTestsControl() {
    hub.expect().get("/v2/access-tokens*").andReturn(503, "{\"detail\":\"maintenance\"}").once();
    hub.clock().advance(Duration.ofMinutes(30)); // the client's JWT expires: it logs in again by itself

    assertThat(client.accessTokens().list().toList()).isEmpty(); // the 503 was retried
    assertThat(hub.requests()).filteredOn(r -> r.path().equals("/v2/access-tokens")).hasSize(2);
  }
}
