package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditLogsAndOrgSettingsTest extends EmulatorTestSupport {

  private static final Map<String, Object> SETTINGS = Map.of("restricted_images",
      Map.of("enabled", true, "allow_official_images", true, "allow_verified_publishers", false));

  void startWithOrgs() {
    start(b -> b.seed(s -> {
      s.user("mona", "s3cret");
      s.org("acme", Plan.BUSINESS).owners("hubsdk").members("mona");
      s.org("smallco", Plan.TEAM).owners("hubsdk");
      for (int i = 0; i < 7; i++) {
        s.auditEvent("acme", i % 2 == 0 ? "repo.tag.push" : "repo.create", "acme/web" + (i % 3),
            i < 5 ? "hubsdk" : "mona", s.now().minus(Duration.ofDays(10 - i)), Map.of("tag", "v" + i));
      }
    }));
  }

  @Test
  void auditLogsAreNewestFirstAndFilterable() {
    startWithOrgs();
    String jwt = loginDefault();
    JsonNode logs = get("/v2/auditlogs/acme", jwt).json().get("logs");
    assertThat(logs).hasSize(7);
    assertThat(logs.get(0).at("/data/tag").asText()).isEqualTo("v6");
    assertThat(logs.get(0).get("account").asText()).isEqualTo("acme");
    assertThat(logs.get(0).get("action_description").asText()).isNotBlank();
    assertThat(get("/v2/auditlogs/acme?action=repo.tag.push", jwt).json().get("logs")).hasSize(4);
    assertThat(get("/v2/auditlogs/acme?name=acme/web0", jwt).json().get("logs")).hasSize(3);
    assertThat(get("/v2/auditlogs/acme?actor=mona", jwt).json().get("logs")).hasSize(2);
    String from = T0.minus(Duration.ofDays(8)).toString();
    String to = T0.minus(Duration.ofDays(6)).toString();
    JsonNode window = get("/v2/auditlogs/acme?from=" + from + "&to=" + to, jwt).json().get("logs");
    assertThat(window.findValuesAsText("tag")).as("from and to are inclusive").containsExactly("v4", "v3", "v2");
    assertThat(get("/v2/auditlogs/acme?action=repo.tag.push&actor=mona", jwt).json().get("logs")).hasSize(1);
  }

  @Test
  void auditLogsPageWithoutLinks() {
    startWithOrgs();
    String jwt = loginDefault();
    Resp first = get("/v2/auditlogs/acme?page_size=3", jwt);
    assertThat(first.json().fieldNames()).toIterable().containsExactly("logs");
    assertThat(first.json().get("logs")).hasSize(3);
    assertThat(get("/v2/auditlogs/acme?page=3&page_size=3", jwt).json().get("logs")).as("the short last page").hasSize(1);
    assertThat(get("/v2/auditlogs/acme?page=9&page_size=3", jwt).json().get("logs")).isEmpty();
    Resp bad = get("/v2/auditlogs/acme?from=last-week", jwt);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("code").asInt()).isEqualTo(3);
  }

  @Test
  void auditLogsNeedAnOwner() {
    startWithOrgs();
    Resp anonymous = get("/v2/auditlogs/acme", null);
    assertThat(anonymous.status()).isEqualTo(401);
    // The Hub's {message, errinfo} (docker/hub-feedback#2367), not a gRPC status.
    assertThat(anonymous.json().has("message")).isTrue();
    assertThat(anonymous.json().has("errinfo")).isTrue();
    Resp member = get("/v2/auditlogs/acme", login("mona", "s3cret"));
    assertThat(member.status()).isEqualTo(403);
    assertThat(member.json().has("errinfo")).isTrue();
    assertThat(get("/v2/auditlogs/mona", login("mona", "s3cret")).status()).isEqualTo(200);
    assertThat(get("/v2/auditlogs/nobody/actions", loginDefault()).status()).isEqualTo(403);
    assertThat(get("/v2/auditlogs/acme/actions", null).status()).isEqualTo(401);
  }

  @Test
  void listsTheActionsCatalogue() {
    startWithOrgs();
    Resp actions = get("/v2/auditlogs/acme/actions", loginDefault());
    assertThat(actions.status()).isEqualTo(200);
    JsonNode groups = actions.json().get("actions");
    assertThat(groups.get("org").get("label").asText()).isEqualTo("Organization");
    assertThat(groups.get("repo").get("actions").findValuesAsText("name"))
        .contains("create", "delete", "change_privacy", "tag.push", "tag.delete");
    assertThat(groups.get("org").get("actions").findValuesAsText("name"))
        .contains("team.create", "member.removed", "create");
    assertThat(groups.get("pat").get("actions").findValuesAsText("name")).containsExactly("create", "update", "delete");
  }

  @Test
  void ownersReadAndReplaceOrgSettings() {
    startWithOrgs();
    String jwt = loginDefault();
    Resp initial = get("/v2/orgs/acme/settings", jwt);
    assertThat(initial.status()).isEqualTo(200);
    assertThat(initial.json().at("/restricted_images/enabled").asBoolean()).isFalse();
    clock.advance(Duration.ofMinutes(5));
    Resp put = send("PUT", "/v2/orgs/acme/settings", jwt, SETTINGS);
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().at("/restricted_images/enabled").asBoolean()).isTrue();
    assertThat(put.json().at("/restricted_images/allow_verified_publishers").asBoolean()).isFalse();
    assertThat(get("/v2/orgs/acme/settings", jwt).json()).isEqualTo(put.json());
    JsonNode event = get("/v2/auditlogs/acme?action=org.settings.update", jwt).json().at("/logs/0");
    assertThat(event.get("actor").asText()).isEqualTo("hubsdk");
    assertThat(event.get("name").asText()).isEqualTo("acme");
    assertThat(event.at("/data/enabled").asText()).isEqualTo("true");
    assertThat(event.get("timestamp").asText()).isEqualTo(T0.plus(Duration.ofMinutes(5)).toString());
  }

  @Test
  void orgSettingsAreOwnerOnlyPlanGatedAndValidated() {
    startWithOrgs();
    String owner = loginDefault();
    Resp member = get("/v2/orgs/acme/settings", login("mona", "s3cret"));
    assertThat(member.status()).isEqualTo(403);
    assertThat(member.json().get("detail").asText()).isEqualTo("You do not have permission to perform this action.");
    assertThat(send("PUT", "/v2/orgs/acme/settings", login("mona", "s3cret"), SETTINGS).status()).isEqualTo(403);
    Resp team = get("/v2/orgs/smallco/settings", owner);
    assertThat(team.status()).isEqualTo(403);
    assertThat(team.json().get("detail").asText()).contains("Business plan");
    assertThat(send("PUT", "/v2/orgs/smallco/settings", owner, SETTINGS).status()).isEqualTo(403);
    assertThat(get("/v2/orgs/nope/settings", owner).status()).isEqualTo(404);
    assertThat(get("/v2/orgs/acme/settings", null).status()).isEqualTo(401);
    assertThat(send("PUT", "/v2/orgs/acme/settings", null, SETTINGS).status()).isEqualTo(401);
    assertThat(send("PUT", "/v2/orgs/nope/settings", owner, SETTINGS).status()).isEqualTo(404);
    Resp partial = send("PUT", "/v2/orgs/acme/settings", owner, Map.of("restricted_images", Map.of("enabled", true)));
    assertThat(partial.status()).isEqualTo(400);
    assertThat(partial.json().at("/fields/restricted_images/0").asText()).contains("allow_official_images");
  }

  @Test
  void anOrganizationAccessTokenIsNeverAnOwner() {
    SeededToken[] tokens = new SeededToken[2];
    start(b -> b.seed(s -> {
      s.org("acme", Plan.BUSINESS).owners("hubsdk");
      s.auditEvent("acme", "repo.create", "acme/web", "hubsdk", s.now().minus(Duration.ofDays(1)), Map.of());
      tokens[0] = s.organizationAccessToken("acme", "deploy");
      tokens[1] = s.personalAccessToken("hubsdk", "ci", "repo:read");
    }));
    // The OAT's caller name is the org itself; it used to count as the org's owner.
    String oat = login("acme", tokens[0].secret());
    Resp audit = get("/v2/auditlogs/acme", oat);
    assertThat(audit.status()).as("audit logs: %s", audit).isEqualTo(403);
    assertThat(audit.json().has("errinfo")).isTrue();
    assertThat(get("/v2/auditlogs/acme/actions", oat).status()).isEqualTo(403);
    assertThat(get("/v2/orgs/acme/settings", oat).status()).isEqualTo(403);
    Resp put = send("PUT", "/v2/orgs/acme/settings", oat, SETTINGS);
    assertThat(put.status()).as("settings PUT: %s", put).isEqualTo(403);
    assertThat(put.json().get("detail").asText()).isEqualTo("You do not have permission to perform this action.");
    String owner = loginDefault();
    assertThat(get("/v2/orgs/acme/settings", owner).json().at("/restricted_images/enabled").asBoolean())
        .as("the refused PUT changed nothing").isFalse();

    // The facts tie org settings to the Owner role only, naming no PAT scope (the scopes are repo:*), so an
    // owner's PAT login may change them even with only repo:read.
    String pat = login("hubsdk", tokens[1].secret());
    assertThat(send("PUT", "/v2/orgs/acme/settings", pat, SETTINGS).status()).isEqualTo(200);
  }
}
