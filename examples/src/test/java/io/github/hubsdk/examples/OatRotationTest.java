package io.github.hubsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.OatResource;
import io.github.hubsdk.client.error.LoginFailedException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import io.github.hubsdk.openapi.model.OrgAccessToken;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAT rotation against an emulator: the order of the steps, the hand-over, no secret printed. */
class OatRotationTest {

  private DockerHubEmulator hub;
  private DockerHubClient owner;
  private SeededToken old;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  @BeforeEach
  void start() {
    SeededToken[] t = new SeededToken[1];
    hub = DockerHubEmulator.builder().seed(s -> {
      s.org("acme", Plan.TEAM).owners(DockerHubEmulator.DEFAULT_USERNAME);
      t[0] = s.org("acme").accessToken("ci-release").description("release pipeline")
          .repository("acme/*", OatResource.PULL, OatResource.PUSH).createdDaysAgo(85).seed();
    }).start();
    old = t[0];
    owner = DockerHubClient.builder().baseUrl(hub.baseUrl())
        .credentials(Credentials.password(DockerHubEmulator.DEFAULT_USERNAME, DockerHubEmulator.DEFAULT_PASSWORD)).build();
  }

  @AfterEach
  void stop() {
    owner.close();
    hub.close();
  }

  private DockerHubClient ci(String secret) {
    return DockerHubClient.builder().baseUrl(hub.baseUrl()).credentials(Credentials.organizationAccessToken("acme", secret))
        .build();
  }

  @Test
  void rotatesWithoutAGapAndPrintsNoSecret() {
    AtomicReference<String> vault = new AtomicReference<>();
    OatRotation.Result r = new OatRotation(owner, hub.baseUrl(), out).rotate("acme", old.uuid(), secret -> {
      // At hand-over the old token still works: CI is never without a token.
      try (DockerHubClient stillOld = ci(old.secret())) {
        assertThat(stillOld.account().getUsername()).isEqualTo("acme");
      }
      vault.set(secret);
    });
    assertThat(vault.get()).startsWith("dckr_oat_");
    try (DockerHubClient fresh = ci(vault.get())) {
      assertThat(fresh.account().getUsername()).isEqualTo("acme");
    }
    try (DockerHubClient stale = ci(old.secret())) {
      assertThatThrownBy(stale::account).isInstanceOf(LoginFailedException.class);
    }
    assertThatThrownBy(() -> owner.org("acme").accessTokens().get(old.uuid())).isInstanceOf(NotFoundException.class);
    OrgAccessToken now = owner.org("acme").accessTokens().get(r.newId());
    assertThat(now.getResources()).extracting(OatResource::of)
        .containsExactly(OatResource.repository("acme/*", OatResource.PULL, OatResource.PUSH));
    assertThat(now.getDescription()).isEqualTo("release pipeline");
    assertThat(now.getLabel()).startsWith("ci-release-20");
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("1. created", "2. handed", "3. the new token logs in", "4. deactivated", "5. deleted");
    assertThat(printed).doesNotContain(vault.get()).doesNotContain(old.secret());
    List<String> actions = owner.auditLogs("acme").list().stream().map(e -> e.getAction()).toList();
    assertThat(actions).containsExactly("org.access_token.delete", "org.access_token.update", "org.access_token.create");
  }

  @Test
  void aFailedHandOverDeletesTheNewTokenAndLeavesTheOldOne() {
    assertThatThrownBy(() -> new OatRotation(owner, hub.baseUrl(), out).rotate("acme", old.uuid(), secret -> {
      throw new IllegalStateException("the secret store is down");
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("secret store");
    assertThat(owner.org("acme").accessTokens().list().stream().map(OrgAccessToken::getLabel)).containsExactly("ci-release");
    try (DockerHubClient stillOld = ci(old.secret())) {
      assertThat(stillOld.account().getUsername()).isEqualTo("acme");
    }
  }

  @Test
  void theMainMethodRunsAgainstAnEmbeddedEmulator() {
    PrintStream before = System.out;
    System.setOut(out);
    try {
      OatRotation.main(new String[0]);
    } finally {
      System.setOut(before);
    }
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("5. deleted the old token", "CI now uses ci-release-");
  }
}
