package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.MemberRecord;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.Role;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.Group;
import io.github.hubsdk.openapi.model.GroupMember;
import org.junit.jupiter.api.Test;

/** Off-boarding through DockerHubClient: removing a member from the organization removes them from every group. */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class GroupsOffboardingE2eTest extends SpecCheckedE2e {

  DockerHubEmulator hub;
  DockerHubClient client;

  @EmulatorSeed
  static void org(Seeder s) {
    s.user("alice", "a-pass");
    s.user("bob", "b-pass");
    s.org("acme", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
    s.org("acme").member("alice", Role.MEMBER).member("bob", Role.MEMBER).email("alice", "alice@acme.test");
    s.org("acme").group("devs").members("alice", "bob");
    s.org("acme").group("ops").members("alice");
    s.org("other", Plan.TEAM).owners(DockerHubEmulator.DEFAULT_USERNAME).members("alice");
    s.org("other").group("devs").members("alice");
  }

  @Test
  void removingAMemberRemovesThemFromEveryGroupOfThatOrganization() {
    assertThat(client.org("acme").groups().ofMember("alice").stream().map(Group::getName)).containsExactly("devs", "ops");
    assertThat(client.org("acme").members().export().filter(r -> r.username().equals("alice"))
        .map(MemberRecord::teams).toList()).containsExactly(java.util.List.of("devs", "ops"));

    client.org("acme").members().remove("alice");

    assertThat(client.org("acme").groups().ofMember("alice").stream()).isEmpty();
    assertThat(client.org("acme").group("devs").members().stream().map(GroupMember::getUsername)).containsExactly("bob");
    assertThat(client.org("acme").group("ops").get().getMemberCount()).isZero();
    assertThat(client.org("other").group("devs").members().stream().map(GroupMember::getUsername))
        .as("another organization's groups keep them").containsExactly("alice");
  }

  @Test
  void onlyOwnersSeeAndSearchMemberEmails() {
    assertThat(client.org("acme").group("devs").members("acme.test").stream().map(GroupMember::getUsername))
        .containsExactly("alice");
    GroupMember alice = client.org("acme").group("devs").members().stream()
        .filter(m -> m.getUsername().equals("alice")).findFirst().orElseThrow();
    assertThat(alice.getEmail()).isEqualTo("alice@acme.test");
    try (DockerHubClient bob = E2eSupport.client(hub, io.github.hubsdk.client.Credentials.password("bob", "b-pass"))) {
      assertThat(bob.org("acme").group("devs").members().stream().map(GroupMember::getEmail)).containsOnlyNulls();
      assertThat(bob.org("acme").group("devs").members("acme.test").stream()).isEmpty();
    }
  }
}
