package io.github.hubsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsFromEnvironmentTest {

  @Test
  void aTokenIsPreferredAndItsKindFollowsItsPrefix() {
    assertThat(Credentials.fromEnvironment(Map.of("DOCKERHUB_USERNAME", "mona", "DOCKERHUB_TOKEN", "dckr_pat_x1",
        "DOCKERHUB_PASSWORD", "pw")).toString()).isEqualTo("Credentials.personalAccessToken(mona, ****)");
    assertThat(Credentials.fromEnvironment(Map.of("DOCKERHUB_USERNAME", "acme", "DOCKERHUB_TOKEN", "dckr_oat_y2"))
        .toString()).isEqualTo("Credentials.organizationAccessToken(acme, ****)");
    assertThat(Credentials.fromEnvironment(Map.of("DOCKERHUB_USERNAME", "mona", "DOCKERHUB_PASSWORD", "s3cret")))
        .hasToString("Credentials.password(mona, ****)");
  }

  @Test
  void missingVariablesAreNamedAndNoValueIsShown() {
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("DOCKERHUB_TOKEN", "dckr_pat_secret")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("DOCKERHUB_USERNAME is not set")
        .hasMessageNotContaining("dckr_pat_secret");
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("DOCKERHUB_USERNAME", "mona", "DOCKERHUB_TOKEN", " ")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("neither DOCKERHUB_TOKEN nor DOCKERHUB_PASSWORD");
  }
}
