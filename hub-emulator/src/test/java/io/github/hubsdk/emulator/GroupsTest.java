package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The groups (teams) of an organization and their members, over HTTP, every exchange checked against the spec. */
class GroupsTest extends EmulatorTestSupport {

  static final String BASE = "/v2/orgs/acme/groups";

  void startWithTeams() {
    start(b -> b.seed(s -> {
      s.user("mona", "s3cret");
      s.user("alice", "a-pass");
      s.user("bob", "b-pass");
      s.user("eve", "e-pass");
      s.profile("alice").fullName("Alice Liddell");
      s.org("acme", Plan.TEAM).owners(DockerHubEmulator.DEFAULT_USERNAME).members("mona", "alice", "bob");
      s.group("acme", "devs").description("Builds acme/web").members("alice", "bob");
    }));
  }

  @Test
  void seedingRefusesWhatTheApiRefuses() {
    start(b -> b.seed(s -> {
      s.user("eve", "e-pass");
      s.org("acme", Plan.TEAM).owners(DockerHubEmulator.DEFAULT_USERNAME);
    }));
    assertThatThrownBy(() -> hub.seed(s -> s.group("acme", "devs").members("eve")))
        .hasMessageContaining("eve is not a member of acme");
    assertThatThrownBy(() -> hub.seed(s -> s.group("nowhere", "devs"))).hasMessageContaining("no organization nowhere");
    assertThatThrownBy(() -> hub.seed(s -> s.group("acme", "ops").permission("web", "write")))
        .hasMessageContaining("no repository acme/web");
    assertThatThrownBy(() -> hub.seed(s -> s.group("acme", "ops").permission("web", "owner")))
        .hasMessageContaining("permission must be one of");
    hub.seed(s -> {
      s.user("ann", "a-pass");
      s.org("acme").member("ann", Role.EDITOR).group("ops").description("Runs things").members("ann");
    });
    JsonNode ops = get(BASE + "/ops/members", loginDefault()).json();
    assertThat(ops.get("results").findValuesAsText("username")).containsExactly("ann");
  }

  @Test
  void createListGetReplaceUpdateDelete() {
    startSimple();
    String jwt = loginDefault();
    Resp created = post(BASE, jwt, Map.of("name", "web-team", "description", "Ships acme/web"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.json().get("name").asText()).isEqualTo("web-team");
    assertThat(created.json().get("member_count").asInt()).isZero();
    long id = created.json().get("id").asLong();
    assertThat(id).isPositive();
    assertThat(created.json().get("uuid").asText()).hasSize(36);

    JsonNode list = get(BASE, jwt).json();
    assertThat(list.get("count").asInt()).isEqualTo(2);
    assertThat(list.get("results").findValuesAsText("name")).containsExactly("devs", "web-team");
    assertThat(list.get("next").isNull()).isTrue();
    assertThat(get(BASE + "/web-team", jwt).json().get("description").asText()).isEqualTo("Ships acme/web");

    Resp replaced = send("PUT", BASE + "/web-team", jwt, Map.of("name", "web-platform"));
    assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
    assertThat(replaced.json().get("description").asText()).as("PUT clears what it does not send").isEmpty();
    assertThat(replaced.json().get("id").asLong()).isEqualTo(id);
    assertThat(get(BASE + "/web-team", jwt).status()).isEqualTo(404);

    Resp patched = send("PATCH", BASE + "/web-platform", jwt, Map.of("description", "Runs the platform"));
    assertThat(patched.json().get("name").asText()).isEqualTo("web-platform");
    assertThat(patched.json().get("description").asText()).isEqualTo("Runs the platform");
    assertThat(send("PATCH", BASE + "/web-platform", jwt, Map.of("role", "Editor")).status()).isEqualTo(200);

    assertThat(send("DELETE", BASE + "/web-platform", jwt, null).status()).isEqualTo(204);
    assertThat(get(BASE + "/web-platform", jwt).status()).isEqualTo(404);
    assertThat(send("DELETE", BASE + "/web-platform", jwt, null).status()).isEqualTo(404);

    JsonNode audit = get("/v2/auditlogs/acme?page_size=100", jwt).json();
    assertThat(audit.get("logs").findValuesAsText("action"))
        .contains("org.team.create", "org.team.update", "org.team.delete");
  }

  @Test
  void namesAreCheckedAndUniquePerOrganization() {
    startSimple();
    String jwt = loginDefault();
    Resp taken = post(BASE, jwt, Map.of("name", "devs"));
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.json().get("fields").get("name").get(0).asText()).contains("already exists");
    assertThat(post(BASE, jwt, Map.of("name", "")).status()).isEqualTo(400);
    assertThat(post(BASE, jwt, Map.of("name", "a/b")).status()).isEqualTo(400);
    assertThat(post(BASE, jwt, Map.of("description", "no name")).status()).isEqualTo(400);
    assertThat(post(BASE, jwt, Map.of("name", "x".repeat(101))).status()).isEqualTo(400);
    post(BASE, jwt, Map.of("name", "ops"));
    Resp rename = send("PATCH", BASE + "/ops", jwt, Map.of("name", "devs"));
    assertThat(rename.status()).isEqualTo(400);
    assertThat(send("PATCH", BASE + "/ops", jwt, Map.of()).status()).as("an empty PATCH").isEqualTo(400);
    assertThat(send("PUT", BASE + "/ops", jwt, Map.of("description", "x")).status()).isEqualTo(400);
    assertThat(post("/v2/orgs/nowhere/groups", jwt, Map.of("name", "x")).status()).isEqualTo(404);
  }

  @Test
  void theNumberOfGroupsIsBounded() {
    start(b -> b.seed(s -> {
      s.org("acme", Plan.TEAM).owners(DockerHubEmulator.DEFAULT_USERNAME);
      for (int i = 0; i < io.github.hubsdk.emulator.internal.state.Groups.MAX_GROUPS_PER_ORG - 1; i++) {
        s.group("acme", "g" + i);
      }
    }));
    String jwt = loginDefault();
    assertThat(post(BASE, jwt, Map.of("name", "last")).status()).isEqualTo(201);
    Resp full = post(BASE, jwt, Map.of("name", "one-too-many"));
    assertThat(full.status()).isEqualTo(400);
    assertThat(full.json().get("fields").get("name").get(0).asText()).contains("most groups");
  }

  @Test
  void membersMustBelongToTheOrganization() {
    startWithTeams();
    String jwt = loginDefault();
    Resp added = post(BASE + "/devs/members", jwt, Map.of("member", "mona"));
    assertThat(added.status()).as("%s", added).isEqualTo(200);
    assertThat(added.raw().body()).isEmpty();
    assertThat(post(BASE + "/devs/members", jwt, Map.of("member", "mona")).status()).as("twice").isEqualTo(200);
    Resp outsider = post(BASE + "/devs/members", jwt, Map.of("member", "eve"));
    assertThat(outsider.status()).isEqualTo(400);
    assertThat(outsider.json().get("fields").get("member").get(0).asText()).contains("not a member");
    assertThat(post(BASE + "/devs/members", jwt, Map.of("member", "nobody")).status()).isEqualTo(400);
    assertThat(post(BASE + "/devs/members", jwt, Map.of()).status()).isEqualTo(400);
    assertThat(post(BASE + "/nope/members", jwt, Map.of("member", "mona")).status()).isEqualTo(404);

    JsonNode members = get(BASE + "/devs/members", jwt).json();
    assertThat(members.get("count").asInt()).isEqualTo(3);
    assertThat(members.get("results").findValuesAsText("username")).containsExactly("alice", "bob", "mona");
    assertThat(get(BASE + "/devs/members?search=liddell", jwt).json().get("results").findValuesAsText("username"))
        .containsExactly("alice");
    assertThat(get(BASE + "/devs", jwt).json().get("member_count").asInt()).isEqualTo(3);
    assertThat(get(BASE + "?username=mona", jwt).json().get("results").findValuesAsText("name")).containsExactly("devs");
    assertThat(get(BASE + "?username=eve", jwt).json().get("count").asInt()).isZero();

    assertThat(send("DELETE", BASE + "/devs/members/bob", jwt, null).status()).isEqualTo(204);
    assertThat(send("DELETE", BASE + "/devs/members/bob", jwt, null).status()).isEqualTo(404);
    assertThat(get(BASE + "/devs/members", jwt).json().get("results").findValuesAsText("username"))
        .containsExactly("alice", "mona");
    assertThat(get("/v2/auditlogs/acme?page_size=100", jwt).json().get("logs").findValuesAsText("action"))
        .containsSubsequence("org.team.member.remove", "org.team.member.add");
  }

  @Test
  void membersReadOwnersWriteOutsidersNothing() {
    startWithTeams();
    String member = login("mona", "s3cret");
    assertThat(get(BASE, member).status()).isEqualTo(200);
    assertThat(get(BASE + "/devs/members", member).status()).isEqualTo(200);
    assertThat(post(BASE, member, Map.of("name", "mine")).status()).isEqualTo(403);
    assertThat(send("DELETE", BASE + "/devs", member, null).status()).isEqualTo(403);
    assertThat(post(BASE + "/devs/members", member, Map.of("member", "mona")).status()).isEqualTo(403);
    String outsider = login("eve", "e-pass");
    assertThat(get(BASE, outsider).status()).isEqualTo(403);
    assertThat(get(BASE + "/devs", outsider).status()).isEqualTo(403);
    assertThat(get(BASE, null).status()).isEqualTo(401);
    assertThat(get("/v2/orgs/nowhere/groups", member).status()).isEqualTo(404);
  }

  @Test
  void anOrganizationAccessTokenReadsItsOwnOrganizationsGroups() {
    SeededToken[] oat = new SeededToken[2];
    start(b -> b.seed(s -> {
      s.user("alice", "a-pass");
      s.org("acme", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME).members("alice");
      s.org("other", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      s.group("acme", "devs").members("alice");
      s.group("other", "devs");
      oat[0] = s.org("acme").accessToken("ci").organization("scope-team-read").seed();
      oat[1] = s.org("acme").accessToken("pull-only").repository("acme/*", "scope-image-pull").seed();
    }));
    assertThat(get(BASE, login("acme", oat[1].secret())).status()).as("no TYPE_ORG resource").isEqualTo(403);
    String jwt = login("acme", oat[0].secret());
    assertThat(get(BASE, jwt).json().get("count").asInt()).isEqualTo(1);
    assertThat(get(BASE + "/devs/members", jwt).json().get("count").asInt()).isEqualTo(1);
    assertThat(get("/v2/orgs/other/groups", jwt).status()).isEqualTo(403);
    assertThat(post(BASE, jwt, Map.of("name", "ci-made")).status()).isEqualTo(403);
  }

  @Test
  void pagesAreLinkedAndEndWithA404() {
    start(b -> b.seed(s -> {
      s.org("acme", Plan.TEAM).owners(DockerHubEmulator.DEFAULT_USERNAME);
      for (int i = 0; i < 12; i++) {
        s.group("acme", String.format("team-%02d", i));
      }
    }));
    String jwt = loginDefault();
    JsonNode first = get(BASE + "?page_size=5", jwt).json();
    assertThat(first.get("count").asInt()).isEqualTo(12);
    assertThat(first.get("next").asText()).endsWith(BASE + "?page=2&page_size=5");
    assertThat(first.get("previous").isNull()).isTrue();
    assertThat(get(BASE + "?page=3&page_size=5", jwt).json().get("results")).hasSize(2);
    assertThat(get(BASE + "?page=4&page_size=5", jwt).status()).isEqualTo(404);
    assertThat(get(BASE + "?search=TEAM-1", jwt).json().get("results").findValuesAsText("name"))
        .containsExactly("team-10", "team-11");
  }

  private void startSimple() {
    startWithTeams();
  }
}
