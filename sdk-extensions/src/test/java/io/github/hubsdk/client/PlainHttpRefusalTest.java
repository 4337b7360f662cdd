package io.github.hubsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A password, token or JWT sent over plain {@code http://} can be read by anyone on the path, so the builder
 * refuses credentials for a plain-http base URL unless the server is on this machine or the caller says so.
 * Nothing is sent in either case: {@code build()} only checks.
 */
class PlainHttpRefusalTest {

  private static final Credentials PASSWORD = Credentials.password("mona", "s3cret-password");

  @ParameterizedTest
  @ValueSource(strings = {"http://hub.example.com", "http://10.0.0.7:8080", "http://[2001:db8::1]:8080",
      "http://localhost.example.com", "HTTP://hub.example.com"})
  void credentialsOverPlainHttpToAnotherMachineAreRefused(String url) {
    assertThatThrownBy(() -> DockerHubClient.builder().baseUrl(url).credentials(PASSWORD).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing to send credentials over plain http")
        .hasMessageContaining("allowPlainHttpToRemoteHost()")
        .hasMessageNotContaining("s3cret-password");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.1.2.3", "http://[::1]:8080", "http://localhost:8080",
      "http://emulator.localhost:9000", "https://hub.example.com", "https://hub.docker.com"})
  void loopbackAndHttpsAreAccepted(String url) {
    assertThatCode(() -> DockerHubClient.builder().baseUrl(url).credentials(PASSWORD).build().close())
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://hub.example.com", "http://10.0.0.7:8080"})
  void theCallerCanOptInForATestServerOnAnotherMachine(String url) {
    assertThatCode(() -> DockerHubClient.builder().baseUrl(url).credentials(PASSWORD)
        .allowPlainHttpToRemoteHost().build().close()).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://hub.example.com", "http://10.0.0.7:8080"})
  void anAnonymousClientHasNothingToLeak(String url) {
    DockerHubClient hub = DockerHubClient.builder().baseUrl(url).build();
    assertThat(hub).isNotNull();
    hub.close();
  }
}
