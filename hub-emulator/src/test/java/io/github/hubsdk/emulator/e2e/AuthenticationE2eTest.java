package io.github.hubsdk.emulator.e2e;

import static io.github.hubsdk.emulator.e2e.E2eSupport.client;
import static io.github.hubsdk.emulator.e2e.E2eSupport.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.LoginFailedException;
import io.github.hubsdk.client.error.PasswordLoginRequiredException;
import io.github.hubsdk.client.error.TwoFactorRequiredException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way of logging in, through DockerHubClient, against the emulator; every exchange checked against the spec. */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class AuthenticationE2eTest extends SpecCheckedE2e {

  static SeededToken pat;
  static SeededToken oat;

  DockerHubEmulator hub;
  DockerHubClient client;

  @EmulatorSeed
  static void seed(Seeder s) {
    s.user("mona", "mona-password").twoFactor("123456");
    s.org("acme", Plan.BUSINESS).owners("mona");
    s.repository("acme", "web").images(5);
    pat = s.personalAccessToken(DockerHubEmulator.DEFAULT_USERNAME, "ci", "repo:admin");
    oat = s.organizationAccessToken("acme", "acme-ci");
  }

  @Test
  void passwordLoginHappensOnceOnFirstUse() {
    client.login();
    client.accessTokens().list().toList();
    client.images(DockerHubEmulator.DEFAULT_USERNAME, DockerHubEmulator.DEFAULT_REPOSITORY).summary();

    assertThat(requests(hub, "POST", "/v2/auth/token")).hasSize(1);
    assertThat(hub.requests()).filteredOn(r -> !r.path().equals("/v2/auth/token"))
        .allMatch(r -> r.header("Authorization").startsWith("Bearer ey"));
  }

  @Test
  void personalAccessTokenLoginWorksForImagesButCannotManageTokens() {
    try (DockerHubClient withPat = client(hub, Credentials.personalAccessToken(pat.owner(), pat.secret()))) {
      assertThat(withPat.images(DockerHubEmulator.DEFAULT_USERNAME, DockerHubEmulator.DEFAULT_REPOSITORY)
          .list().toList()).hasSize(DockerHubEmulator.DEFAULT_IMAGES);

      assertThatThrownBy(() -> withPat.accessTokens().list().toList())
          .isInstanceOf(PasswordLoginRequiredException.class).hasMessageContaining("Credentials.password");
      assertThatThrownBy(() -> withPat.accessTokens().create("x", List.of(AccessTokenScope.REPO_READ)))
          .isInstanceOf(PasswordLoginRequiredException.class);
    }
    // the PAT's last_used was set by its login
    assertThat(client.accessTokens().get(pat.uuid()).getLastUsed()).isNotNull();
  }

  @Test
  void organizationAccessTokenLogsInWithTheOrganizationName() {
    try (DockerHubClient withOat = client(hub, Credentials.organizationAccessToken(oat.owner(), oat.secret()))) {
      withOat.login();
      assertThat(withOat.images("acme", "web").list().toList()).hasSize(5);
    }
  }

  @Test
  void legacyLoginCompletesTwoFactorAuthentication() {
    int[] codesAsked = {0};
    try (DockerHubClient mona = client(hub, Credentials.legacyLogin("mona", "mona-password", () -> {
      codesAsked[0]++;
      return "123456";
    }))) {
      assertThat(mona.org("acme").settings().getRestrictedImages()).isNotNull();
    }
    assertThat(codesAsked[0]).isEqualTo(1);
    assertThat(hub.requests()).extracting(r -> r.method() + " " + r.path())
        .startsWith("POST /v2/users/login", "POST /v2/users/2fa-login", "GET /v2/orgs/acme/settings");
  }

  @Test
  void legacyLoginWithoutOrWithAWrongCodeFails() {
    try (DockerHubClient noCode = client(hub, Credentials.legacyLogin("mona", "mona-password", null))) {
      assertThatThrownBy(noCode::login).isInstanceOf(TwoFactorRequiredException.class);
    }
    try (DockerHubClient wrong = client(hub, Credentials.legacyLogin("mona", "mona-password", () -> "000000"))) {
      assertThatThrownBy(wrong::login).isInstanceOf(LoginFailedException.class);
    }
  }

  @Test
  void aRejectedLoginIsNeverRetried() {
    try (DockerHubClient bad = client(hub, Credentials.password(DockerHubEmulator.DEFAULT_USERNAME, "wrong"))) {
      assertThatThrownBy(() -> bad.accessTokens().list().toList()).isInstanceOf(LoginFailedException.class);
      assertThatThrownBy(() -> bad.accessTokens().list().toList()).isInstanceOf(LoginFailedException.class)
          .hasMessageContaining("not trying again");
    }
    assertThat(requests(hub, "POST", "/v2/auth/token")).hasSize(1);
  }

  @Test
  void anExpiringJwtIsRenewedBeforeItExpires() {
    client.accessTokens().list().toList();
    hub.clock().advance(Duration.ofMinutes(9).plusSeconds(30)); // within the client's 60 s refresh margin
    client.accessTokens().list().toList();
    hub.clock().advance(Duration.ofHours(5));
    client.accessTokens().list().toList();

    assertThat(requests(hub, "POST", "/v2/auth/token")).hasSize(3);
    assertThat(requests(hub, "GET", "/v2/access-tokens")).hasSize(3); // no 401 and no retry
  }

  @Test
  void aJwtTheServerNoLongerAcceptsIsRenewedAfterA401() {
    // The client's clock does not move, so it believes its token is fresh; the server's does.
    try (DockerHubClient staleClock = DockerHubClient.builder().baseUrl(hub.baseUrl())
        .credentials(E2eSupport.defaultUser()).clock(java.time.Clock.fixed(java.time.Instant.parse(E2eSupport.T0),
            java.time.ZoneOffset.UTC)).build()) {
      staleClock.accessTokens().list().toList();
      hub.clock().advance(Duration.ofMinutes(11));
      assertThat(staleClock.accessTokens().list().toList()).hasSize(1); // the seeded PAT
    }
    assertThat(requests(hub, "POST", "/v2/auth/token")).hasSize(2);
    assertThat(requests(hub, "GET", "/v2/access-tokens")).hasSize(3); // the refused one, then the retry
  }
}
