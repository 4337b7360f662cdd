package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account operations: who is logged in, profiles, the user's organizations; both auth schemes. */
class AccountsTest extends EmulatorTestSupport {

  void startWithAccounts() {
    start(b -> b.seed(s -> {
      s.user("mona", "s3cret");
      s.profile("mona").fullName("Mona Lisa Octo").location("Lisbon").company("Acme Corp").joined(T0.minusSeconds(86_400));
      for (int i = 1; i <= 12; i++) {
        s.org("org" + (i < 10 ? "0" : "") + i, Plan.TEAM).members("mona");
      }
      s.org("acme", Plan.BUSINESS).owners("hubsdk");
      s.profile("acme").fullName("Acme Corp").location("Berlin");
    }));
  }

  @Test
  void theCurrentUserIsWhoeverTheBearerBelongsTo() {
    startWithAccounts();
    JsonNode me = get("/v2/user", login("mona", "s3cret")).json();
    assertThat(me.get("username").asText()).isEqualTo("mona");
    assertThat(me.get("full_name").asText()).isEqualTo("Mona Lisa Octo");
    assertThat(me.get("type").asText()).isEqualTo("User");
    assertThat(me.get("date_joined").asText()).isEqualTo(T0.minusSeconds(86_400).toString());
    assertThat(me.get("id").asText()).hasSize(32);
    assertThat(get("/v2/user", null).status()).isEqualTo(401);
  }

  @Test
  void theOlderJwtSchemeWorksAndAnUnknownSchemeIs401() {
    startWithAccounts();
    String jwt = login("mona", "s3cret");
    Resp viaJwtScheme = send("GET", "/v2/user/", null, null, Map.of("Authorization", "JWT " + jwt));
    assertThat(viaJwtScheme.status()).isEqualTo(200);
    assertThat(viaJwtScheme.json().get("username").asText()).isEqualTo("mona");
    Resp token = send("GET", "/v2/user", null, null, Map.of("Authorization", "Token " + jwt));
    assertThat(token.status()).isEqualTo(401);
    assertThat(token.json().has("detail")).isTrue();
  }

  @Test
  void profilesOfUsersAndOrganizations() {
    startWithAccounts();
    String jwt = loginDefault();
    JsonNode mona = get("/v2/users/mona", jwt).json();
    assertThat(mona.get("location").asText()).isEqualTo("Lisbon");
    assertThat(mona.has("is_admin")).as("a public profile shows no admin flags").isFalse();
    assertThat(get("/v2/users/nobody", jwt).status()).isEqualTo(404);
    JsonNode acme = get("/v2/orgs/acme", jwt).json();
    assertThat(acme.get("orgname").asText()).isEqualTo("acme");
    assertThat(acme.get("full_name").asText()).isEqualTo("Acme Corp");
    assertThat(acme.has("gravatar_url")).as("only lists carry gravatar_url").isFalse();
    assertThat(get("/v2/orgs/nobody", jwt).status()).isEqualTo(404);
  }

  @Test
  void theUsersOrganizationsArePagedLikeRepositories() {
    startWithAccounts();
    String jwt = login("mona", "s3cret");
    JsonNode first = get("/v2/user/orgs?page_size=5", jwt).json();
    assertThat(first.get("count").asInt()).isEqualTo(12);
    assertThat(first.get("results")).hasSize(5);
    assertThat(first.get("next").asText()).endsWith("/v2/user/orgs?page=2&page_size=5");
    assertThat(first.get("results").get(0).get("orgname").asText()).isEqualTo("org01");
    JsonNode last = get("/v2/user/orgs?page=3&page_size=5", jwt).json();
    assertThat(last.get("results")).hasSize(2);
    assertThat(last.get("next").isNull()).isTrue();
    assertThat(get("/v2/user/orgs?page=4&page_size=5", jwt).status()).isEqualTo(404);
    assertThat(get("/v2/user/orgs", loginDefault()).json().get("results").findValuesAsText("orgname"))
        .containsExactly("acme");
  }

  @Test
  void anOrganizationAccessTokenLogsInAsTheOrganization() {
    SeededToken[] oat = new SeededToken[1];
    start(b -> b.seed(s -> {
      s.org("acme", Plan.BUSINESS).owners("hubsdk");
      oat[0] = s.organizationAccessToken("acme", "ci");
    }));
    String jwt = login("acme", oat[0].secret());
    JsonNode me = get("/v2/user", jwt).json();
    assertThat(me.get("username").asText()).isEqualTo("acme");
    assertThat(me.get("type").asText()).isEqualTo("Org");
    assertThat(get("/v2/user/orgs", jwt).json().get("results").findValuesAsText("orgname")).containsExactly("acme");
  }
}
