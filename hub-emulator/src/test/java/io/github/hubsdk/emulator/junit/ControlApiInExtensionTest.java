package io.github.hubsdk.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.emulator.DockerHubEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The JUnit extension serves the control API only when asked to. */
class ControlApiInExtensionTest {

  static int healthStatus(DockerHubEmulator hub) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/_emulator/health"))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Nested
  @EnableDockerHubEmulator
  class ByDefault {
    DockerHubEmulator hub;

    @Test
    void offAndAnUnknownPath() throws Exception {
      assertThat(hub.controlApiEnabled()).isFalse();
      assertThat(healthStatus(hub)).isEqualTo(404);
    }
  }

  @Nested
  @EnableDockerHubEmulator(controlApi = true)
  class AskedFor {
    DockerHubEmulator hub;

    @Test
    void on() throws Exception {
      assertThat(hub.controlApiEnabled()).isTrue();
      assertThat(healthStatus(hub)).isEqualTo(200);
    }
  }
}
