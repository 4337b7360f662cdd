package io.github.hubsdk.emulator.junit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Testing a clean-up job that disables access tokens nobody has used for 90 days. */
@EnableDockerHubEmulator(clock = "2026-11-26T10:00:00Z")
class UnusedTokenSweeperExampleTest {

  DockerHubClient client; // logged in as hubsdk / hubsdk-password

  @EmulatorSeed
  static void seed(Seeder s) {
    String user = DockerHubEmulator.DEFAULT_USERNAME;
    s.personalAccessToken(user, "laptop").scopes("repo:read")
        .createdAt(s.now().minus(Duration.ofDays(400))).lastUsedAt(s.now().minus(Duration.ofDays(120)))
        .create();
    s.personalAccessToken(user, "never-used").scopes("repo:write")
        .createdAt(s.now().minus(Duration.ofDays(95)))
        .create();
    s.personalAccessToken(user, "ci").scopes("repo:write")
        .createdAt(s.now().minus(Duration.ofDays(300))).lastUsedAt(s.now().minus(Duration.ofDays(2)))
        .create();
    s.personalAccessToken(user, "new").scopes("repo:read")
        .createdAt(s.now().minus(Duration.ofDays(10)))
        .create();
  }

  /** The code under test: what your own automation would do. */
  static List<String> disableUnused(DockerHubClient hub, Clock clock, Duration maxIdle) {
    OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(maxIdle);
    List<AccessToken> stale = hub.accessTokens().list().stream()
        .filter(t -> Boolean.TRUE.equals(t.getIsActive()))
        .filter(t -> (t.getLastUsed() != null ? t.getLastUsed() : t.getCreatedAt()).isBefore(cutoff))
        .toList();
    stale.forEach(t -> hub.accessTokens().deactivate(t.getUuid()));
    return stale.stream().map(AccessToken::getTokenLabel).toList();
  }

  @Test
  void disablesTokensUnusedFor90Days(DockerHubEmulator hub) {
    List<String> disabled = disableUnused(client, hub.clock(), Duration.ofDays(90));

    assertThat(disabled).containsExactlyInAnyOrder("laptop", "never-used");
    assertThat(client.accessTokens().list().toList())
        .extracting(AccessToken::getTokenLabel, AccessToken::getIsActive)
        .containsExactlyInAnyOrder(tuple("laptop", false), tuple("never-used", false), tuple("ci", true),
            tuple("new", true));
  }

  @Test
  void aTokenCrossesTheLineWhenTimePasses(DockerHubEmulator hub) {
    hub.clock().advance(Duration.ofDays(81)); // "new" is now 91 days old and never used; "ci" idle 83 days

    assertThat(disableUnused(client, hub.clock(), Duration.ofDays(90)))
        .containsExactlyInAnyOrder("laptop", "never-used", "new");
  }
}
