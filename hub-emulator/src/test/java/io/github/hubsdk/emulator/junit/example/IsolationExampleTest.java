package io.github.hubsdk.emulator.junit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Proof that tests sharing a per-class emulator do not see each other's changes. */
@EnableDockerHubEmulator(clock = IsolationExampleTest.START)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationExampleTest {

  static final String START = "2026-11-26T10:00:00Z";

  static DockerHubEmulator hub;
  DockerHubClient client;

  // Typed Object: every non-final field of type DockerHubEmulator or DockerHubClient is injected.
  private static Object firstEmulator;
  private static Object firstClient;

  @Test
  @Order(1)
  void changesEverything() {
    firstEmulator = hub;
    firstClient = client;
    client.accessTokens().create("left-behind", List.of(AccessTokenScope.REPO_WRITE));
    hub.seed(s -> s.user("seeded-in-a-test", "pw"));
    hub.expect().any("/v2/*").andReturn(500, "{\"detail\":\"broken\"}");
    hub.clock().advance(Duration.ofDays(3));
    assertThat(hub.requestCount()).isPositive();
  }

  @Test
  @Order(2)
  void seesNoneOfIt() {
    assertThat(hub).as("one emulator per class").isSameAs(firstEmulator);
    assertThat(client).as("a new client per test").isNotSameAs(firstClient);
    assertThat(hub.clock().instant()).isEqualTo(Instant.parse(START));
    assertThat(hub.requestCount()).isZero();
    // no expectation answers 500 any more, and the token is gone
    assertThat(client.accessTokens().list().toList()).isEmpty();
    // seeds made with hub.seed(...) are kept: they are part of the seeded state
    assertThat(hub.accessTokenFor("seeded-in-a-test")).isNotBlank();
  }
}
