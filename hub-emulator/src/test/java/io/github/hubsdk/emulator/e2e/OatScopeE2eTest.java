package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.ForbiddenException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.TokenScopeException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.RepositorySummary;
import org.junit.jupiter.api.Test;

/**
 * An OAT-derived client is held to its token's resources: what they name works (globs included), what they
 * do not is refused with a typed, explained error; audit logs and members need a TYPE_ORG resource.
 */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class OatScopeE2eTest extends SpecCheckedE2e {

  static SeededToken webOnly;
  static SeededToken apiGlobWithOrg;

  DockerHubEmulator hub;

  @EmulatorSeed
  static void org(Seeder s) {
    s.org("acme", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
    s.repository("acme", "web").isPrivate(true).tags(2);
    s.repository("acme", "api-gateway").isPrivate(true).tags(1);
    s.repository("acme", "secret-sauce").isPrivate(true).tags(1);
    s.auditEvent("acme", "repo.create", "acme/web", DockerHubEmulator.DEFAULT_USERNAME, s.now().minusSeconds(60),
        java.util.Map.of());
    webOnly = s.org("acme").accessToken("web-pull").repository("acme/web", "scope-image-pull").seed();
    apiGlobWithOrg = s.org("acme").accessToken("api-push").repository("acme/api-*", "scope-image-push")
        .organization("scope-audit-log-read").seed();
  }

  private DockerHubClient as(SeededToken t) {
    return DockerHubClient.builder().baseUrl(hub.baseUrl()).clock(hub.clock())
        .credentials(Credentials.organizationAccessToken(t.owner(), t.secret())).build();
  }

  @Test
  void aRepositoryOutsideTheResourcesIsRefusedWithAnExplanation() {
    try (DockerHubClient ci = as(webOnly)) {
      assertThat(ci.repository("acme", "web").get().getName()).isEqualTo("web");
      assertThat(ci.repository("acme", "web").tags().list().toList()).hasSize(2);
      assertThatThrownBy(() -> ci.repository("acme", "secret-sauce").get())
          .isInstanceOfSatisfying(TokenScopeException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).contains("acme/secret-sauce").contains("TYPE_REPO acme/web (scope-image-pull)");
          });
      assertThat(ci.repositories("acme").list().stream().map(RepositorySummary::getName))
          .as("a list shows only what the token reaches").containsExactly("web");
      assertThatThrownBy(() -> ci.repository("acme", "web").updateDescription("pushed by CI"))
          .as("changing a repository is for users (its path is a legacy one)").isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> ci.auditLogs("acme").list().toList()).isInstanceOfSatisfying(TokenScopeException.class,
          e -> assertThat(e.getMessage()).contains("TYPE_ORG"));
      assertThatThrownBy(() -> ci.org("acme").members().list().toList()).isInstanceOf(TokenScopeException.class);
      assertThatThrownBy(() -> ci.org("acme").accessTokens().list().toList())
          .as("an OAT never manages OATs").isInstanceOf(ForbiddenException.class);
    }
  }

  @Test
  void globsAndTheOrganizationResourceReachWhatTheyName() {
    try (DockerHubClient ci = as(apiGlobWithOrg)) {
      assertThat(ci.repository("acme", "api-gateway").get().getName()).isEqualTo("api-gateway");
      assertThatThrownBy(() -> ci.repository("acme", "web").get()).isInstanceOf(TokenScopeException.class);
      assertThatThrownBy(() -> ci.repository("other", "web").get()).isInstanceOf(NotFoundException.class);
      assertThat(ci.auditLogs("acme").list().stream().map(e -> e.getAction())).contains("repo.create");
      assertThat(ci.org("acme").members().list().toList()).hasSize(1);
      assertThat(ci.repositories("acme").list().stream().map(RepositorySummary::getName)).containsExactly("api-gateway");
    }
  }
}
