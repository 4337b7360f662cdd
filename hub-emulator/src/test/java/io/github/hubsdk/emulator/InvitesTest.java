package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invites: bulk with dry run, statuses per invitee, 409 on conflicts, unpaged list, resend, cancel, caps. */
class InvitesTest extends EmulatorTestSupport {

  void startWithOrg() {
    start(b -> b.seed(s -> {
      s.user("octocat", "pw");
      s.user("bob", "pw");
      s.org("acme", Plan.BUSINESS).owners("hubsdk").members("bob");
      s.org("acme").email("bob", "bob@acme.test");
      s.org("teamco", Plan.TEAM).owners("hubsdk");
    }));
  }

  static Map<String, Object> bulk(String org, boolean dryRun, String... invitees) {
    return Map.of("org", org, "team", "web-team", "role", "member", "invitees", List.of(invitees), "dry_run", dryRun);
  }

  @Test
  void aDryRunReportsAndInvitesNobodyThenTheRealRunInvites() {
    startWithOrg();
    String jwt = loginDefault();
    Resp dry = post("/v2/invites/bulk", jwt, bulk("acme", true, "jane@example.com", "octocat", "no-such-user-42"));
    assertThat(dry.status()).as("%s", dry).isEqualTo(202);
    assertThat(dry.json().get("invitees").findValuesAsText("status"))
        .containsExactly("invited", "invited", "invalid_email_or_docker_id");
    assertThat(dry.json().get("invitees").get(0).has("invite")).isFalse();
    assertThat(get("/v2/orgs/acme/invites", jwt).json().get("data")).isEmpty();

    Resp real = post("/v2/invites/bulk", jwt, bulk("acme", false, "jane@example.com", "octocat", "no-such-user-42"));
    assertThat(real.status()).isEqualTo(202);
    JsonNode invite = real.json().get("invitees").get(0).get("invite");
    assertThat(invite.get("inviter_username").asText()).isEqualTo("hubsdk");
    assertThat(invite.get("team").asText()).isEqualTo("web-team");
    JsonNode data = get("/v2/orgs/acme/invites", jwt).json().get("data");
    assertThat(data.findValuesAsText("invitee")).containsExactly("jane@example.com", "octocat");
    assertThat(get("/v2/auditlogs/acme?action=org.member.invite.send", jwt).json().get("logs")).hasSize(2);
  }

  @Test
  void membersAndPendingInviteesAreConflictsAndNothingIsInvited() {
    startWithOrg();
    String jwt = loginDefault();
    post("/v2/invites/bulk", jwt, bulk("acme", false, "jane@example.com"));
    Resp again = post("/v2/invites/bulk", jwt, bulk("acme", false, "JANE@example.com", "octocat"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asText()).contains("already invited");
    Resp member = post("/v2/invites/bulk", jwt, bulk("acme", true, "bob@acme.test"));
    assertThat(member.status()).as("a dry run finds conflicts too").isEqualTo(409);
    assertThat(member.json().get("detail").asText()).contains("already a member");
    assertThat(post("/v2/invites/bulk", jwt, bulk("acme", false, "bob")).status()).isEqualTo(409);
    assertThat(get("/v2/orgs/acme/invites", jwt).json().get("data")).hasSize(1);
  }

  @Test
  void onlyOwnersInviteAndRequestsAreValidated() {
    startWithOrg();
    String owner = loginDefault();
    assertThat(post("/v2/invites/bulk", login("bob", "pw"), bulk("acme", false, "octocat")).status()).isEqualTo(403);
    assertThat(post("/v2/invites/bulk", owner, bulk("nobody", false, "octocat")).status()).isEqualTo(403);
    assertThat(post("/v2/invites/bulk", owner, Map.of("org", "acme", "invitees", List.of())).status()).isEqualTo(400);
    assertThat(post("/v2/invites/bulk", owner, Map.of("invitees", List.of("octocat"))).status()).isEqualTo(400);
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add("user" + i + "@example.com");
    }
    assertThat(post("/v2/invites/bulk", owner, Map.of("org", "acme", "invitees", many)).status()).isEqualTo(400);
    Resp custom = post("/v2/invites/bulk", owner, Map.of("org", "teamco", "role", "Auditor", "invitees", List.of("octocat")));
    assertThat(custom.status()).isEqualTo(403);
    assertThat(get("/v2/orgs/acme/invites", login("bob", "pw")).status()).isEqualTo(403);
  }

  @Test
  void resendAndCancel() {
    startWithOrg();
    String jwt = loginDefault();
    String id = post("/v2/invites/bulk", jwt, bulk("acme", false, "octocat")).json().get("invitees").get(0)
        .get("invite").get("id").asText();
    assertThat(send("PATCH", "/v2/invites/" + id + "/resend", login("bob", "pw"), null).status()).isEqualTo(403);
    assertThat(send("PATCH", "/v2/invites/" + id + "/resend", jwt, null).status()).isEqualTo(204);
    assertThat(send("DELETE", "/v2/invites/" + id, jwt, null).status()).isEqualTo(204);
    assertThat(send("DELETE", "/v2/invites/" + id, jwt, null).status()).isEqualTo(404);
    assertThat(send("PATCH", "/v2/invites/" + id + "/resend", jwt, null).status()).isEqualTo(404);
    assertThat(get("/v2/orgs/acme/invites", jwt).json().get("data")).isEmpty();
    assertThat(get("/v2/orgs/acme/members?type=invitee", jwt).json().get("count").asInt()).isZero();
    assertThat(get("/v2/auditlogs/acme", jwt).json().get("logs").findValuesAsText("action"))
        .containsExactly("org.member.invite.cancel", "org.member.invite.resend", "org.member.invite.send");
  }

  @Test
  void pendingInvitesAreCappedPerOrganization() {
    startWithOrg();
    String jwt = loginDefault();
    for (int batch = 0; batch < 5; batch++) {
      List<String> invitees = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        invitees.add("u" + batch + "-" + i + "@example.com");
      }
      assertThat(post("/v2/invites/bulk", jwt, Map.of("org", "acme", "invitees", invitees)).status()).isEqualTo(202);
    }
    Resp full = post("/v2/invites/bulk", jwt, Map.of("org", "acme", "invitees", List.of("one-more@example.com")));
    assertThat(full.status()).isEqualTo(400);
    assertThat(get("/v2/orgs/acme/invites", jwt).json().get("data")).hasSize(500);
  }
}
