package io.github.hubsdk.emulator.junit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorConfigurer;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A fresh emulator for every test; instance seed and configurer methods are allowed in this mode. */
@EnableDockerHubEmulator(perTest = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerTestExampleTest {

  private static final List<DockerHubEmulator> SEEN = new ArrayList<>();

  DockerHubEmulator hub;
  DockerHubClient client;
  private int seeded;

  @EmulatorConfigurer
  void configure(DockerHubEmulator.Builder builder) {
    builder.tokenTtl(Duration.ofMinutes(2));
  }

  @EmulatorSeed
  void seed(Seeder s) {
    seeded++;
    s.repository(DockerHubEmulator.DEFAULT_USERNAME, "per-test").images(3);
  }

  @Test
  @Order(1)
  void first() {
    SEEN.add(hub);
    assertThat(seeded).isEqualTo(1);
    client.accessTokens().create("only-in-the-first-test", List.of(AccessTokenScope.REPO_READ));
    assertThat(client.images(DockerHubEmulator.DEFAULT_USERNAME, "per-test").list().toList()).hasSize(3);
  }

  @Test
  @Order(2)
  void second() throws IOException {
    SEEN.add(hub);
    assertThat(hub).isNotSameAs(SEEN.get(0));
    assertThat(client.accessTokens().list().toList()).isEmpty();
    // the first test's emulator was closed when that test ended
    int oldPort = SEEN.get(0).port();
    assertThatThrownBy(() -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", oldPort), 2000);
      }
    }).isInstanceOf(ConnectException.class);
  }
}
