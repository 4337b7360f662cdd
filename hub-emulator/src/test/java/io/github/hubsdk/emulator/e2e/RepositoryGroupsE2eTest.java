package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.RepositoryGroups;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.ForbiddenException;
import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.Group;
import io.github.hubsdk.openapi.model.RepositoryGroup;
import io.github.hubsdk.openapi.model.RepositoryGroupPermission;
import org.junit.jupiter.api.Test;

/** Team permissions on a repository through DockerHubClient, as the Terraform provider manages them. */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class RepositoryGroupsE2eTest extends SpecCheckedE2e {

  DockerHubEmulator hub;
  DockerHubClient client;

  @EmulatorSeed
  static void teams(Seeder s) {
    s.user("alice", "a-pass");
    s.org("acme", Plan.TEAM).owners(DockerHubEmulator.DEFAULT_USERNAME).members("alice");
    s.repository("acme", "web");
    s.group("acme", "devs").members("alice");
    s.group("acme", "ops").permission("web", "admin");
  }

  @Test
  void grantReadChangeRevoke() {
    Group devs = client.org("acme").group("devs").get();
    RepositoryGroups web = client.repository("acme", "web").groups();
    RepositoryGroup granted = web.grant(devs, RepositoryGroupPermission.WRITE);
    assertThat(granted.getGroupName()).isEqualTo("devs");
    assertThat(granted.getPermission()).isEqualTo(RepositoryGroupPermission.WRITE);
    assertThat(web.get(devs.getId()).getPermission()).isEqualTo(RepositoryGroupPermission.WRITE);
    assertThat(web.change(devs.getId(), RepositoryGroupPermission.READ).getPermission())
        .isEqualTo(RepositoryGroupPermission.READ);
    web.revoke(devs.getId());
    assertThat(web.find(devs.getId())).isEmpty();
    assertThatThrownBy(() -> web.revoke(devs.getId())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> web.change(devs.getId(), RepositoryGroupPermission.ADMIN))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingTheGroupRevokesItsPermissions() {
    long ops = client.org("acme").group("ops").get().getId();
    assertThat(client.repository("acme", "web").groups().find(ops)).get()
        .extracting(RepositoryGroup::getPermission).isEqualTo(RepositoryGroupPermission.ADMIN);
    client.org("acme").group("ops").delete();
    assertThat(client.repository("acme", "web").groups().find(ops)).isEmpty();
  }

  @Test
  void refusalsAreTypedAndBadInputIsRefusedBeforeSending() {
    RepositoryGroups web = client.repository("acme", "web").groups();
    assertThatThrownBy(() -> web.grant(987_654L, RepositoryGroupPermission.READ)).isInstanceOfSatisfying(
        BadRequestException.class, e -> assertThat(e.fieldErrors()).containsKey("group_id"));
    assertThatThrownBy(() -> client.repository("acme", "nope").groups().get(1)).isInstanceOf(NotFoundException.class);
    long devs = client.org("acme").group("devs").get().getId();
    try (DockerHubClient alice = E2eSupport.client(hub, Credentials.password("alice", "a-pass"))) {
      assertThatThrownBy(() -> alice.repository("acme", "web").groups().grant(devs, RepositoryGroupPermission.ADMIN))
          .isInstanceOf(ForbiddenException.class);
    }
    int before = hub.requests().size();
    assertThatThrownBy(() -> web.grant(0, RepositoryGroupPermission.READ)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> web.grant(devs, null)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> web.grant(devs, RepositoryGroupPermission.UNKNOWN_DEFAULT_OPEN_API))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> web.grant(new Group().name("devs"), RepositoryGroupPermission.READ))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.repository("acme", "..").groups()).isInstanceOf(InvalidRequestException.class);
    assertThat(hub.requests()).hasSize(before);
  }
}
