package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.OrgGroup;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.ForbiddenException;
import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.RecordedRequest;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.Group;
import io.github.hubsdk.openapi.model.GroupMember;
import io.github.hubsdk.openapi.model.UpdateGroupRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Teams through DockerHubClient: what a sync from an identity provider does (create, fill, rename, prune). */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class GroupsE2eTest extends SpecCheckedE2e {

  DockerHubEmulator hub;
  DockerHubClient client;

  @EmulatorSeed
  static void teams(Seeder s) {
    s.user("alice", "a-pass");
    s.user("bob", "b-pass");
    s.user("eve", "e-pass");
    s.org("acme", Plan.TEAM).owners(DockerHubEmulator.DEFAULT_USERNAME).members("alice", "bob");
    s.profile("bob").fullName("Bob Builder");
    for (int i = 0; i < 23; i++) {
      s.group("acme", String.format("team-%02d", i)).members("alice");
    }
    s.group("acme", "devs").description("Builds acme/web").members("alice", "bob");
  }

  @Test
  void listsLazilyAcrossPagesAndFilters() {
    assertThat(client.org("acme").groups().list().stream().map(Group::getName)).hasSize(24).startsWith("team-00")
        .endsWith("devs");
    assertThat(client.org("acme").groups().list().firstPage().totalCount()).hasValue(24L);
    assertThat(client.org("acme").groups().search("DEV").stream().map(Group::getName)).containsExactly("devs");
    assertThat(client.org("acme").groups().ofMember("bob").stream().map(Group::getName)).containsExactly("devs");
    List<RecordedRequest> pages = E2eSupport.requests(hub, "GET", "/v2/orgs/acme/groups");
    assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void createFillRenameAndDelete() {
    Group created = client.org("acme").groups().create("web", "Ships acme/web");
    assertThat(created.getId()).isPositive();
    assertThat(created.getMemberCount()).isZero();
    OrgGroup web = client.org("acme").group("web");
    web.addMember("alice");
    web.addMember("bob");
    web.addMember("bob");
    assertThat(web.members().stream().map(GroupMember::getUsername)).containsExactly("alice", "bob");
    assertThat(web.members("builder").stream().map(GroupMember::getUsername)).containsExactly("bob");
    web.removeMember("alice");
    assertThat(web.get().getMemberCount()).isEqualTo(1);

    Group described = web.describe("Ships acme/web and acme/api");
    assertThat(described.getDescription()).isEqualTo("Ships acme/web and acme/api");
    Group renamed = web.rename("web-platform");
    assertThat(renamed.getId()).isEqualTo(created.getId());
    assertThatThrownBy(web::get).isInstanceOf(NotFoundException.class);
    OrgGroup platform = client.org("acme").group("web-platform");
    assertThat(platform.members().stream().map(GroupMember::getUsername)).containsExactly("bob");
    Group replaced = platform.replace("web-platform", null);
    assertThat(replaced.getDescription()).isEmpty();
    assertThat(platform.update(new UpdateGroupRequest().role("Editor")).getName()).isEqualTo("web-platform");

    platform.delete();
    assertThatThrownBy(platform::get).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(platform::delete).isInstanceOf(NotFoundException.class);
  }

  @Test
  void refusalsAreTyped() {
    assertThatThrownBy(() -> client.org("acme").groups().create("devs")).isInstanceOfSatisfying(
        BadRequestException.class, e -> assertThat(e.fieldErrors()).containsKey("name"));
    assertThatThrownBy(() -> client.org("acme").group("devs").addMember("eve")).isInstanceOfSatisfying(
        BadRequestException.class, e -> assertThat(e.fieldErrors()).containsKey("member"));
    assertThatThrownBy(() -> client.org("acme").group("devs").rename("team-01"))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> client.org("acme").group("nope").get()).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.org("nowhere").groups().create("x")).isInstanceOf(NotFoundException.class);
    try (DockerHubClient alice = E2eSupport.client(hub, Credentials.password("alice", "a-pass"))) {
      assertThat(alice.org("acme").group("devs").get().getMemberCount()).isEqualTo(2);
      assertThatThrownBy(() -> alice.org("acme").groups().create("mine")).isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> alice.org("acme").group("devs").removeMember("bob"))
          .isInstanceOf(ForbiddenException.class);
    }
    try (DockerHubClient eve = E2eSupport.client(hub, Credentials.password("eve", "e-pass"))) {
      assertThatThrownBy(() -> eve.org("acme").groups().list().firstPage()).isInstanceOf(ForbiddenException.class);
    }
  }

  @Test
  void badInputNeverReachesTheServer() {
    int before = hub.requests().size();
    assertThatThrownBy(() -> client.org("acme").group(" ")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.org("acme").group("..")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.org("acme").groups().create("")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.org("acme").group("devs").update(new UpdateGroupRequest()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.org("acme").group("devs").addMember(" "))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.org("acme").group("devs").removeMember(".."))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.org("acme").groups().ofMember("")).isInstanceOf(InvalidRequestException.class);
    assertThat(hub.requests()).hasSize(before);
  }

  @Test
  void aNameThatLooksLikeAPathStaysOneSegment() {
    assertThatThrownBy(() -> client.org("acme").group("devs/members").get()).isInstanceOf(NotFoundException.class);
    RecordedRequest last = hub.requests().get(hub.requests().size() - 1);
    assertThat(last.path()).isEqualTo("/v2/orgs/acme/groups/devs%2Fmembers");
  }
}
