package io.github.hubsdk.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableDockerHubEmulator // one emulator for the class, reset to the seed before each test
class MyDockerHubTest {

  DockerHubClient client; // injected, logged in as hubsdk / hubsdk-password

  @EmulatorSeed
  static void seed(Seeder s) {
    s.personalAccessToken("hubsdk", "laptop").scopes("repo:read").create();
  }

  @Test
  void createsATokenNextToTheSeededOne() {
    AccessToken ci = client.accessTokens().create("ci", List.of(AccessTokenScope.REPO_WRITE));

    assertThat(ci.getToken()).startsWith("dckr_pat_"); // the secret, shown once
    assertThat(client.accessTokens().list().toList())
        .extracting(AccessToken::getTokenLabel).containsExactlyInAnyOrder("laptop", "ci");
  }
}
