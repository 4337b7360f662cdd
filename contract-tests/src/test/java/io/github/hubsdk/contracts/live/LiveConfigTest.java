package io.github.hubsdk.contracts.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without credentials the live profile fails at once, naming what is missing. */
class LiveConfigTest {

  @Test
  void missingVariablesAreNamed() {
    assertThatThrownBy(() -> LiveConfig.fromEnvironment(Map.of("DOCKERHUB_USERNAME", "mona"), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DOCKERHUB_NAMESPACE, DOCKERHUB_REPOSITORY, DOCKERHUB_ORG, DOCKERHUB_PASSWORD or DOCKERHUB_TOKEN")
        .hasMessageNotContaining("DOCKERHUB_USERNAME,");
  }

  @Test
  void defaultsToTheLiveHubAndNeverPrintsTheSecret() {
    LiveConfig c = LiveConfig.fromEnvironment(Map.of("DOCKERHUB_USERNAME", "mona", "DOCKERHUB_TOKEN", "dckr_pat_x1",
        "DOCKERHUB_NAMESPACE", "mona", "DOCKERHUB_REPOSITORY", "web", "DOCKERHUB_ORG", "acme", "GITHUB_RUN_ID", "42"), null);
    assertThat(c.baseUrl()).isEqualTo("https://hub.docker.com");
    assertThat(c.secretIsPassword()).isFalse();
    assertThat(c.labelPrefix()).isEqualTo("hubsdk-contract-42");
    assertThat(c.toString()).doesNotContain("dckr_pat_x1");
  }
}
