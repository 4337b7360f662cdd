package io.github.hubsdk.emulator.junit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code @Nested} classes share the enclosing class's emulator unless they carry the annotation themselves. */
@EnableDockerHubEmulator
class NestedExampleTest {

  DockerHubEmulator outerHub;
  DockerHubClient outerClient;

  @BeforeEach
  void createAToken(DockerHubClient client) {
    client.accessTokens().create("outer", List.of(AccessTokenScope.REPO_READ));
  }

  @Test
  void outerTest() {
    assertThat(outerClient.accessTokens().list().toList()).hasSize(1);
  }

  @Nested
  class SharingTheOuterEmulator {
    DockerHubEmulator hub;
    DockerHubClient client;

    @Test
    void sameEmulatorAndClientAsTheEnclosingInstance() {
      assertThat(hub).isSameAs(outerHub);
      assertThat(client).isSameAs(outerClient);
      assertThat(client.accessTokens().list().toList()).hasSize(1);
    }

    @Test
    void resetBeforeEachNestedTestToo(DockerHubClient c) {
      c.accessTokens().create("nested", List.of(AccessTokenScope.REPO_READ));
      assertThat(c.accessTokens().list().toList()).hasSize(2);
    }
  }

  @Nested
  @EnableDockerHubEmulator(seedDemo = true, defaultSeed = false, username = "demo", password = "demo-password")
  class WithItsOwnEmulator {
    DockerHubEmulator hub;
    DockerHubClient client;

    @Test
    void ownEmulatorOwnConfiguration() {
      assertThat(hub).isNotSameAs(outerHub);
      assertThat(client.accessTokens().list().toList()).extracting(t -> t.getTokenLabel())
          .containsExactlyInAnyOrder("demo-ci", "demo-old-laptop");
      // the enclosing instance still has its own emulator, where @BeforeEach made its token
      assertThat(outerClient.accessTokens().list().toList()).hasSize(1);
    }
  }
}
