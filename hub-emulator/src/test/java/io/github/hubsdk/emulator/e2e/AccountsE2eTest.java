package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AccountType;
import io.github.hubsdk.openapi.model.OrganizationProfile;
import org.junit.jupiter.api.Test;

/** Who am I and which organizations, through DockerHubClient: what docker/hub-tool's account commands ask. */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class AccountsE2eTest extends SpecCheckedE2e {

  static SeededToken oat;

  DockerHubEmulator hub;
  DockerHubClient client;

  @EmulatorSeed
  static void accounts(Seeder s) {
    s.profile(DockerHubEmulator.DEFAULT_USERNAME).fullName("Hub SDK").company("hubsdk");
    s.org("acme", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
    s.profile("acme").fullName("Acme Corp").location("Berlin");
    s.org("smallco", Plan.TEAM).members(DockerHubEmulator.DEFAULT_USERNAME);
    oat = s.organizationAccessToken("acme", "ci");
  }

  @Test
  void theAccountAndItsOrganizations() {
    assertThat(client.account().getUsername()).isEqualTo(DockerHubEmulator.DEFAULT_USERNAME);
    assertThat(client.account().getFullName()).isEqualTo("Hub SDK");
    assertThat(client.account().getType()).isEqualTo(AccountType.USER);
    assertThat(client.organizations().stream().map(OrganizationProfile::getOrgname)).containsExactly("acme", "smallco");
    assertThat(client.organization("acme").profile().getLocation()).isEqualTo("Berlin");
    assertThat(client.user(DockerHubEmulator.DEFAULT_USERNAME).getCompany()).isEqualTo("hubsdk");
    assertThatThrownBy(() -> client.user("nobody")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.org("nobody").profile()).isInstanceOf(NotFoundException.class);
  }

  @Test
  void anOrganizationAccessTokenIsTheOrganization() {
    try (DockerHubClient ci = DockerHubClient.builder().baseUrl(hub.baseUrl()).clock(hub.clock())
        .credentials(Credentials.organizationAccessToken("acme", oat.secret())).build()) {
      assertThat(ci.account().getUsername()).isEqualTo("acme");
      assertThat(ci.account().getType()).isEqualTo(AccountType.ORG);
    }
  }
}
