package io.github.hubsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live-mode switch reads the environment it is given. */
class TourSettingsTest {

  @Test
  void noUsernameMeansTheEmbeddedEmulator() {
    TourSettings s = TourSettings.fromEnv(Map.of(TourSettings.PASSWORD, "ignored-without-a-username"));

    assertThat(s.live()).isFalse();
    assertThat(s.username()).isEqualTo("demo");
    assertThat(s.namespace()).isEqualTo("demo-org");
    assertThat(s.repository()).isEqualTo("demo-app");
  }

  @Test
  void usernameAndPasswordMeanTheLiveHub() {
    TourSettings s = TourSettings.fromEnv(Map.of(TourSettings.USERNAME, "mona", TourSettings.PASSWORD, "pw-123",
        TourSettings.TOKEN, "dckr_pat_ignored", TourSettings.ORG, "acme"));

    assertThat(s.live()).isTrue();
    assertThat(s.baseUrl()).isEqualTo("https://hub.docker.com");
    assertThat(s.namespace()).as("defaults to the username").isEqualTo("mona");
    assertThat(s.org()).isEqualTo("acme");
    assertThat(s.repository()).isNull();
    assertThat(s.canManageTokens()).as("a password is preferred over a token").isTrue();
    assertThat(s.credentials().toString()).contains("password(mona").doesNotContain("pw-123");
    assertThat(s.toString()).doesNotContain("pw-123");
  }

  @Test
  void aTokenAloneLogsInWithIt() {
    TourSettings s = TourSettings.fromEnv(Map.of(TourSettings.USERNAME, "mona", TourSettings.TOKEN, "dckr_pat_abc",
        TourSettings.NAMESPACE, "acme", TourSettings.REPOSITORY, "web", TourSettings.BASE_URL, "http://127.0.0.1:5555"));

    assertThat(s.canManageTokens()).isFalse();
    assertThat(s.credentials().toString()).contains("personalAccessToken(mona").doesNotContain("dckr_pat_abc");
    assertThat(s.namespace()).isEqualTo("acme");
    assertThat(s.repository()).isEqualTo("web");
    assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:5555");
  }

  @Test
  void aUsernameWithoutSecretIsRefused() {
    assertThatThrownBy(() -> TourSettings.fromEnv(Map.of(TourSettings.USERNAME, "mona", TourSettings.PASSWORD, " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCKERHUB_PASSWORD");
  }

  @Test
  void masksSecrets() {
    assertThat(HubTour.mask("dckr_pat_abcdef")).isEqualTo("dckr_pat_****");
    assertThat(HubTour.mask("plain")).isEqualTo("****");
  }
}
