package io.github.hubsdk.emulator.junit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parameters of test and lifecycle methods are injected; the demo seed and user are configured. */
@EnableDockerHubEmulator(seedDemo = true, username = "demo", password = "demo-password")
class ParameterInjectionExampleTest {

  private static DockerHubEmulator fromBeforeAll;
  private DockerHubClient fromBeforeEach;

  @BeforeAll
  static void beforeAll(DockerHubEmulator hub) {
    fromBeforeAll = hub;
  }

  @BeforeEach
  void beforeEach(DockerHubEmulator hub, DockerHubClient client) {
    assertThat(hub).isSameAs(fromBeforeAll);
    fromBeforeEach = client;
  }

  @Test
  void theSameClientThroughoutATest(DockerHubClient client, DockerHubEmulator hub) {
    assertThat(client).isSameAs(fromBeforeEach);
    assertThat(client.baseUrl()).hasToString(hub.baseUrl());
  }

  @Test
  void logsInAsTheConfiguredUser(DockerHubClient client) {
    // demo's seeded tokens: demo-ci and demo-old-laptop
    assertThat(client.accessTokens().list().toList()).hasSize(2);
    client.accessTokens().create("from-a-test", List.of(AccessTokenScope.REPO_READ));
    assertThat(client.org("demo-org").settings().getRestrictedImages().getEnabled()).isFalse();
  }

  @AfterEach
  void afterEach(DockerHubEmulator hub) {
    assertThat(hub).isSameAs(fromBeforeAll);
  }

  @AfterAll
  static void afterAll(DockerHubEmulator hub, DockerHubClient client) {
    assertThat(hub).isSameAs(fromBeforeAll);
    assertThat(client.accessTokens().list().toList()).hasSizeGreaterThanOrEqualTo(2);
  }
}
