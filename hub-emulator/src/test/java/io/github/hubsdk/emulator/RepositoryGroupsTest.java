package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A team's permission on a repository (assign, read, change, revoke), every exchange checked against the spec. */
class RepositoryGroupsTest extends EmulatorTestSupport {

  static final String WEB = "/v2/repositories/acme/web/groups";
  long devs;
  long ops;

  void startWithTeams() {
    long[] ids = new long[2];
    start(b -> b.seed(s -> {
      s.user("mona", "s3cret");
      s.user("eve", "e-pass");
      s.org("acme", Plan.TEAM).owners(DockerHubEmulator.DEFAULT_USERNAME).members("mona");
      s.org("other", Plan.TEAM).owners(DockerHubEmulator.DEFAULT_USERNAME);
      s.repository("acme", "web");
      s.repository("acme", "secret").isPrivate(true);
      ids[0] = s.group("acme", "devs").members("mona").id();
      ids[1] = s.group("acme", "ops").permission("secret", "admin").id();
      s.group("other", "devs");
    }));
    devs = ids[0];
    ops = ids[1];
  }

  @Test
  void assignReadChangeRevoke() {
    startWithTeams();
    String jwt = loginDefault();
    Resp assigned = post(WEB, jwt, Map.of("group_id", devs, "permission", "write"));
    assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);
    assertThat(assigned.json().get("group_name").asText()).isEqualTo("devs");
    assertThat(assigned.json().get("group_id").asLong()).isEqualTo(devs);
    assertThat(assigned.json().get("permission").asText()).isEqualTo("write");
    assertThat(get(WEB + "/" + devs, jwt).json().get("permission").asText()).isEqualTo("write");
    assertThat(get(WEB + "/" + devs, login("mona", "s3cret")).status()).as("a member reads").isEqualTo(200);

    Resp again = post(WEB, jwt, Map.of("group_id", devs, "permission", "read"));
    assertThat(again.json().get("permission").asText()).as("assigning again changes it").isEqualTo("read");
    Resp changed = send("PATCH", WEB + "/" + devs, jwt, Map.of("permission", "admin"));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().get("permission").asText()).isEqualTo("admin");

    assertThat(send("DELETE", WEB + "/" + devs, jwt, null).status()).isEqualTo(204);
    assertThat(get(WEB + "/" + devs, jwt).status()).isEqualTo(404);
    assertThat(send("DELETE", WEB + "/" + devs, jwt, null).status()).isEqualTo(404);
    assertThat(send("PATCH", WEB + "/" + devs, jwt, Map.of("permission", "read")).status()).isEqualTo(404);

    JsonNode audit = get("/v2/auditlogs/acme?page_size=100", jwt).json();
    assertThat(audit.get("logs").findValuesAsText("action"))
        .containsSubsequence("repo.team.remove", "repo.team.update", "repo.team.add");
  }

  @Test
  void theGroupMustBeTheRepositoryOrganizations() {
    startWithTeams();
    String jwt = loginDefault();
    long foreign = Long.parseLong(get("/v2/orgs/other/groups", jwt).json().get("results").get(0).get("id").asText());
    Resp wrongOrg = post(WEB, jwt, Map.of("group_id", foreign, "permission", "read"));
    assertThat(wrongOrg.status()).isEqualTo(400);
    assertThat(wrongOrg.json().get("fields").get("group_id").get(0).asText()).contains("does not exist");
    assertThat(post(WEB, jwt, Map.of("group_id", 999_999, "permission", "read")).status()).isEqualTo(400);
    assertThat(post(WEB, jwt, Map.of("group_id", devs, "permission", "owner")).status()).isEqualTo(400);
    assertThat(post(WEB, jwt, Map.of("permission", "read")).status()).isEqualTo(400);
    assertThat(post(WEB, jwt, Map.of("group_id", devs)).status()).isEqualTo(400);
    assertThat(send("PATCH", WEB + "/" + devs, jwt, Map.of()).status()).isEqualTo(404);
    assertThat(get(WEB + "/" + foreign, jwt).status()).isEqualTo(404);
    assertThat(get(WEB + "/not-a-number", jwt).status()).isEqualTo(404);
    assertThat(post("/v2/repositories/acme/nope/groups", jwt, Map.of("group_id", devs, "permission", "read")).status())
        .isEqualTo(404);
  }

  @Test
  void onlyThoseWhoMayChangeTheRepositoryGrant() {
    startWithTeams();
    String member = login("mona", "s3cret");
    assertThat(post(WEB, member, Map.of("group_id", devs, "permission", "admin")).status()).isEqualTo(403);
    assertThat(send("DELETE", "/v2/repositories/acme/secret/groups/" + ops, member, null).status()).isEqualTo(403);
    String outsider = login("eve", "e-pass");
    assertThat(get("/v2/repositories/acme/secret/groups/" + ops, outsider).status())
        .as("a private repository stays hidden").isEqualTo(404);
    assertThat(get("/v2/repositories/acme/web/groups/" + ops, outsider).status()).isIn(403, 404);
    assertThat(post(WEB, null, Map.of("group_id", devs, "permission", "read")).status()).isEqualTo(401);
  }

  @Test
  void deletingTheGroupOrTheRepositoryDropsTheGrant() {
    startWithTeams();
    String jwt = loginDefault();
    assertThat(get("/v2/repositories/acme/secret/groups/" + ops, jwt).json().get("permission").asText())
        .isEqualTo("admin");
    assertThat(send("DELETE", "/v2/orgs/acme/groups/ops", jwt, null).status()).isEqualTo(204);
    assertThat(get("/v2/repositories/acme/secret/groups/" + ops, jwt).status()).isEqualTo(404);

    post(WEB, jwt, Map.of("group_id", devs, "permission", "write"));
    Resp deleted = send("DELETE", "/v2/repositories/acme/web", jwt, null);
    assertThat(deleted.status()).as("%s", deleted).isBetween(200, 299);
    hub.seed(s -> s.repository("acme", "web"));
    assertThat(get(WEB + "/" + devs, jwt).status()).as("a new repository of the name starts clean").isEqualTo(404);
  }
}
