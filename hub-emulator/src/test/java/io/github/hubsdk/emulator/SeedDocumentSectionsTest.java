package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sections of the repositories, organization-administration and groups seeders, through a seed document. */
class SeedDocumentSectionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode get(DockerHubEmulator hub, String jwt, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
        .header("Authorization", "Bearer " + jwt).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void repositoriesOrganizationsGroupsInvitesAndOrganizationTokens() throws Exception {
    SeedDocument doc = SeedDocument.parse("""
        {
          "users": [{"name": "mona", "password": "pw"}, {"name": "dev", "password": "pw"}],
          "organizations": [{
            "name": "acme", "plan": "business", "owners": ["mona"], "members": ["dev"],
            "roles": {"dev": "editor"}, "emails": {"dev": "dev@example.com"}, "joined": {"dev": "P10D"},
            "invites": [{"invitee": "new@example.com", "inviter": "mona"}],
            "groups": [{"name": "backend", "description": "the API people", "members": ["dev"],
                        "permissions": {"web": "write"}}],
            "scim": {"token": "scim-token-of-acme-0123456789", "accountEmails": {"dev": "dev@acme.test"},
                     "users": [{"email": "jane@acme.test", "givenName": "Jane", "familyName": "Doe"},
                               {"email": "gone@acme.test", "active": false}], "generatedUsers": 3}
          }],
          "repositories": [{
            "namespace": "acme", "name": "web", "description": "The web app", "private": true, "pullCount": 42,
            "starCount": 3, "categories": ["Web servers"], "generatedTags": 2,
            "tags": [{"name": "latest", "pushed": "P1D", "pulled": "PT1H", "platforms": ["linux/amd64", "linux/arm64"]},
                     {"name": "1.0", "sameImageAs": "latest"}],
            "immutableTags": ["v[0-9].*"], "auditPushes": true
          }],
          "organizationAccessTokens": [{"org": "acme", "label": "deploy", "description": "CI deploys",
            "secret": "dckr_oat_known-deploy-secret",
            "resources": [{"type": "repository", "path": "acme/web", "scopes": ["scope-image-pull"]}],
            "created": "P5D", "lastUsed": "P1D"}]
        }
        """, "sections.json");
    try (DockerHubEmulator hub = DockerHubEmulator.builder().clock(MutableClock.fixed(Instant.parse("2026-11-26T10:00:00Z")))
        .start()) {
      SeedDocument.Result result = hub.seed(doc);
      assertThat(result.tokens()).singleElement().satisfies(t -> {
        assertThat(t.kind()).isEqualTo("organization");
        assertThat(t.token().secret()).isEqualTo("dckr_oat_known-deploy-secret");
      });
      String mona = hub.accessTokenFor("mona");
      JsonNode repo = get(hub, mona, "/v2/namespaces/acme/repositories/web");
      assertThat(repo.get("description").asText()).isEqualTo("The web app");
      assertThat(repo.get("is_private").asBoolean()).isTrue();
      assertThat(repo.get("pull_count").asInt()).isEqualTo(42);
      JsonNode tags = get(hub, mona, "/v2/namespaces/acme/repositories/web/tags?page_size=100");
      assertThat(tags.get("count").asInt()).isEqualTo(4);
      JsonNode groups = get(hub, mona, "/v2/orgs/acme/groups");
      assertThat(groups.toString()).contains("backend", "the API people");
      assertThat(get(hub, mona, "/v2/orgs/acme/groups/backend/members").toString()).contains("dev");
      assertThat(get(hub, mona, "/v2/orgs/acme/invites").toString()).contains("new@example.com");
      assertThat(get(hub, mona, "/v2/orgs/acme/members").toString()).contains("dev", "Editor");
      assertThat(get(hub, mona, "/v2/orgs/acme/access-tokens").toString()).contains("deploy", "CI deploys");
      assertThat(hub.accessTokenFor(result.tokens().get(0).token())).isNotBlank();
      assertThat(result.scimTokens()).containsEntry("acme", "scim-token-of-acme-0123456789");
      JsonNode scimUsers = get(hub, "scim-token-of-acme-0123456789", "/v2/scim/2.0/Users");
      assertThat(scimUsers.get("totalResults").asInt()).isEqualTo(5);
      assertThat(scimUsers.toString()).contains("jane@acme.test", "gone@acme.test");
    }
  }

  @Test
  void stateConflictsAreLocatedAtTheirEntry() {
    try (DockerHubEmulator hub = DockerHubEmulator.builder().start()) {
      assertThatThrownBy(() -> hub.seed(SeedDocument.parse("""
          {"organizations": [{"name": "acme", "plan": "team", "owners": ["hubsdk"],
            "groups": [{"name": "g", "permissions": {"no-such-repo": "read"}}]}]}
          """, "g.json"))).isInstanceOf(InvalidSeedException.class)
          .hasMessageContaining("/organizations/0/groups/0/permissions/no-such-repo")
          .hasMessageContaining("g.json:2:");
    }
  }
}
