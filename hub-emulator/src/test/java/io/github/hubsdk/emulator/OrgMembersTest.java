package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Members: list with filters and invitees, CSV export with quoting, role changes, removal and its hooks. */
class OrgMembersTest extends EmulatorTestSupport {

  final List<String> removed = new ArrayList<>();

  void startWithMembers() {
    start(b -> b.seed(s -> {
      s.user("alice", "pw");
      s.user("bob", "pw");
      s.user("carol", "pw");
      s.org("acme", Plan.BUSINESS).owners("hubsdk");
      s.org("acme").member("alice", Role.EDITOR).member("bob", Role.MEMBER).member("carol", Role.custom("Release Manager"))
          .email("alice", "alice@acme.test").joinedDaysAgo("alice", 30).invite("jane@example.com", "hubsdk");
      s.profile("alice").fullName("Smith, Alice \"Al\"");
      s.org("teamco", Plan.TEAM).owners("hubsdk").members("bob");
    }));
  }

  @Test
  void listsFilterBySearchRoleAndType() {
    startWithMembers();
    String jwt = login("bob", "pw");
    JsonNode all = get("/v2/orgs/acme/members", jwt).json();
    assertThat(all.get("count").asInt()).isEqualTo(4);
    assertThat(all.get("results").findValuesAsText("username")).containsExactly("alice", "bob", "carol", "hubsdk");
    assertThat(all.get("results").findValuesAsText("role")).containsExactly("Editor", "Member", "Release Manager", "Owner");
    assertThat(all.get("next").isNull()).isTrue();
    assertThat(get("/v2/orgs/acme/members?search=SMITH", jwt).json().get("results").findValuesAsText("username"))
        .containsExactly("alice");
    assertThat(get("/v2/orgs/acme/members?role=owner", jwt).json().get("results").findValuesAsText("username"))
        .containsExactly("hubsdk");
    JsonNode invitees = get("/v2/orgs/acme/members?type=invitee", jwt).json().get("results");
    assertThat(invitees).hasSize(1);
    assertThat(invitees.get(0).get("email").asText()).isEqualTo("jane@example.com");
    assertThat(invitees.get(0).get("role").asText()).isEqualTo("Invitee");
    assertThat(get("/v2/orgs/acme/members?invites=true", jwt).json().get("count").asInt()).isEqualTo(5);
    assertThat(get("/v2/orgs/acme/members?type=everyone", jwt).status()).isEqualTo(400);
    assertThat(get("/v2/orgs/acme/members?page_size=2&page=3", jwt).status()).isEqualTo(404);
    assertThat(get("/v2/orgs/acme/members", login("hubsdk", DockerHubEmulator.DEFAULT_PASSWORD)).status()).isEqualTo(200);
    assertThat(get("/v2/orgs/teamco/members", login("alice", "pw")).status()).as("not a member").isEqualTo(403);
    assertThat(get("/v2/orgs/nobody/members", jwt).status()).isEqualTo(404);
  }

  @Test
  void anOrganizationAccessTokenReadsMembersOnlyWithAnOrgResource() {
    startWithMembers();
    SeededToken[] t = new SeededToken[2];
    hub.seed(s -> {
      t[0] = s.org("acme").accessToken("reader-2").organization("scope-member-read").seed();
      t[1] = s.org("acme").accessToken("repos-2").repository("acme/web", "scope-image-pull").seed();
    });
    assertThat(get("/v2/orgs/acme/members", login("acme", t[0].secret())).status()).isEqualTo(200);
    assertThat(get("/v2/orgs/acme/members/export", login("acme", t[0].secret())).status()).isEqualTo(200);
    Resp refused = get("/v2/orgs/acme/members", login("acme", t[1].secret()));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("detail").asText()).contains("TYPE_ORG");
  }

  @Test
  void theExportIsCsvWithQuotedFields() {
    startWithMembers();
    Resp csv = get("/v2/orgs/acme/members/export", login("bob", "pw"));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).isEqualTo("attachment;filename=\"acme-members-" + T0.getEpochSecond() + ".csv\"");
    List<String> lines = csv.raw().body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Name,Username,Email,Type,Permission,Teams,Date Joined");
    assertThat(lines.get(1)).isEqualTo("\"Smith, Alice \"\"Al\"\"\",alice,alice@acme.test,User,Editor,,"
        + "2026-10-27 10:00:00 +0000 UTC");
    assertThat(lines.get(3)).startsWith(",carol,carol@users.hub-emulator.test,User,Release Manager,,");
    assertThat(lines.get(5)).isEqualTo(",,jane@example.com,Invitee,Member,,2026-11-26 10:00:00 +0000 UTC");
    assertThat(lines).hasSize(6);
  }

  @Test
  void ownersChangeRolesButNotTheLastOwnersAndCustomRolesNeedBusiness() {
    startWithMembers();
    String owner = loginDefault();
    Resp editor = send("PUT", "/v2/orgs/acme/members/bob", owner, Map.of("role", "editor"));
    assertThat(editor.status()).as("%s", editor).isEqualTo(200);
    assertThat(editor.json().get("role").asText()).isEqualTo("Editor");
    assertThat(send("PUT", "/v2/orgs/acme/members/bob", owner, Map.of("role", "Auditor")).json().get("role").asText())
        .isEqualTo("Auditor");
    Resp custom = send("PUT", "/v2/orgs/teamco/members/bob", owner, Map.of("role", "Auditor"));
    assertThat(custom.status()).isEqualTo(403);
    assertThat(custom.json().get("detail").asText()).contains("Business plan");
    Resp last = send("PUT", "/v2/orgs/acme/members/hubsdk", owner, Map.of("role", "Member"));
    assertThat(last.status()).isEqualTo(400);
    assertThat(send("PUT", "/v2/orgs/acme/members/alice", owner, Map.of("role", "Owner")).status()).isEqualTo(200);
    assertThat(get("/v2/orgs/acme/access-tokens", login("alice", "pw")).status()).as("alice owns acme now").isEqualTo(200);
    assertThat(send("PUT", "/v2/orgs/acme/members/hubsdk", owner, Map.of("role", "Member")).status()).isEqualTo(200);
    assertThat(send("PUT", "/v2/orgs/acme/members/nobody", login("alice", "pw"), Map.of("role", "Member")).status())
        .isEqualTo(404);
    assertThat(send("PUT", "/v2/orgs/acme/members/bob", login("bob", "pw"), Map.of("role", "Owner")).status())
        .isEqualTo(403);
    assertThat(send("PUT", "/v2/orgs/acme/members/bob", login("alice", "pw"), Map.of("role", "")).status()).isEqualTo(400);
    assertThat(get("/v2/auditlogs/acme?action=org.member.role.change", login("alice", "pw")).json().get("logs"))
        .hasSize(4);
  }

  @Test
  void removingAMemberRunsTheRemovalHooksAndTheLastOwnerStays() {
    startWithMembers();
    String owner = loginDefault();
    assertThat(send("DELETE", "/v2/orgs/acme/members/bob", owner, null).status()).isEqualTo(204);
    assertThat(get("/v2/orgs/acme/members", owner).json().get("results").findValuesAsText("username"))
        .doesNotContain("bob");
    assertThat(get("/v2/orgs/teamco/members", owner).json().get("results").findValuesAsText("username"))
        .contains("bob");
    assertThat(send("DELETE", "/v2/orgs/acme/members/bob", owner, null).status()).isEqualTo(404);
    assertThat(send("DELETE", "/v2/orgs/acme/members/hubsdk", owner, null).status()).isEqualTo(400);
    assertThat(get("/v2/auditlogs/acme?action=org.member.remove", owner).json().get("logs").get(0).get("name").asText())
        .isEqualTo("bob");
  }

  @Test
  void theRemovalHookSeesEveryRemovalAndSurvivesAClear() {
    io.github.hubsdk.emulator.internal.state.Store store = new io.github.hubsdk.emulator.internal.state.Store(10);
    store.accounts().onMemberRemoved((org, user) -> removed.add(org + "/" + user));
    store.clear();
    store.accounts().addUser("bob", "pw", Plan.PRO);
    store.accounts().addOrg("acme", Plan.TEAM).setRole("bob", "Editor");
    assertThat(store.accounts().removeMember("acme", "nobody")).isFalse();
    assertThat(store.accounts().removeMember("acme", "bob")).isTrue();
    assertThat(removed).containsExactly("acme/bob");
    assertThat(store.accounts().org("acme").roleOf("bob")).isNull();
  }
}
