package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the emulator fragments of {@code hub-emulator/README.md} and {@code docs/emulator.md}; the
 * {@code DocSnippetsTest} of {@code examples} checks that the documents show exactly these regions.
 */
class DocsSnippetsRunTest {

  @Test
  void theModuleReadmeTour() {
    // Fails on any exception: a seed the builder refuses, defaultUser() without the default seed, ...
    // snippet:emulator-module-readme
    try (DockerHubEmulator hub = DockerHubEmulator.builder()
        .clock(MutableClock.fixed(Instant.parse("2026-11-26T10:00:00Z")))   // default: system time
        .seed(s -> {
          s.user("mona", "s3cret").plan(Plan.TEAM).twoFactor("123456");
          s.org("acme", Plan.BUSINESS).owners("hubsdk").members("mona");
          s.repository("acme", "web").images(300);
        })
        .start()) {
      String base = hub.baseUrl();                 // http://127.0.0.1:<ephemeral port>
      SeededUser user = hub.defaultUser();         // hubsdk / hubsdk-password, Pro, repo hubsdk/example (25 images)
      hub.expect().get("/v2/access-tokens*").andReturn(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}").once();
      hub.clock().advance(Duration.ofMinutes(10)); // JWTs issued before now answer 401
      hub.reset();                                 // back to the seeded state
    }
    // end-snippet
  }

  @Test
  void faultInjection() throws Exception {
    try (DockerHubEmulator hub = DockerHubEmulator.builder().start()) {
      // snippet:fault-injection
      hub.expect().get("/v2/access-tokens*").andReturn(503, "{\"detail\":\"maintenance\"}").once();
      hub.expect().post("/v2/auth/token").andDelay(Duration.ofSeconds(2));   // then the real answer
      hub.expect().any("/v2/namespaces/*").andDropConnection().times(3);
      hub.expect().get("/v2/auditlogs/*")
          .andReturn(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}", Map.of("Retry-After", "7"));
      // end-snippet
      String jwt = hub.accessTokenFor("hubsdk");

      HttpResponse<String> first = get(hub, "/v2/access-tokens", jwt);
      HttpResponse<String> second = get(hub, "/v2/access-tokens", jwt);
      HttpResponse<String> audit = get(hub, "/v2/auditlogs/hubsdk", jwt);

      assertThat(first.statusCode()).isEqualTo(503);
      assertThat(first.body()).contains("maintenance");
      assertThat(second.statusCode()).isEqualTo(200); // once() is spent
      assertThat(audit.statusCode()).isEqualTo(429);
      assertThat(audit.headers().firstValue("Retry-After")).hasValue("7");
      assertThat(hub.requests()).hasSize(3);
    }
  }

  @Test
  void theOrganizationsSeed() {
    SeededToken[] seeded = new SeededToken[1];
    try (DockerHubEmulator hub = DockerHubEmulator.builder().seed(s -> {
      s.user("mona", "s3cret");
      s.user("alice", "alice-pw");
      s.user("bob", "bob-pw");
      // snippet:emulator-orgs-seed
      s.org("acme", Plan.BUSINESS).owners("mona");
      s.org("acme").member("alice", Role.EDITOR).member("bob", Role.custom("Release Manager"))
          .email("alice", "alice@acme.test").joinedDaysAgo("alice", 30).invite("jane@example.com", "mona");
      SeededToken ci = s.org("acme").accessToken("ci").repository("acme/*", "scope-image-pull")
          .organization("scope-audit-log-read").createdDaysAgo(120).lastUsedDaysAgo(95).seed();
      // end-snippet
      seeded[0] = ci;
    }).start()) {
      assertThat(seeded[0].secret()).startsWith("dckr_oat_");
      assertThat(seeded[0].owner()).isEqualTo("acme");
      String jwt = hub.accessTokenFor("mona");
      HttpResponse<String> members = get(hub, "/v2/orgs/acme/members", jwt);
      assertThat(members.statusCode()).isEqualTo(200);
      assertThat(members.body()).contains("alice", "bob", "Release Manager");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theGroupsSeed() throws Exception {
    long[] id = new long[1];
    try (DockerHubEmulator hub = DockerHubEmulator.builder().seed(s -> {
      s.user("mona", "s3cret");
      s.user("alice", "alice-pw");
      s.user("bob", "bob-pw");
      // snippet:emulator-groups-seed
      s.org("acme", Plan.TEAM).owners("mona").members("alice", "bob");
      s.repository("acme", "web");
      long devs = s.group("acme", "devs").description("Builds acme/web").members("alice", "bob")
          .permission("web", "write").id();           // or s.org("acme").group("devs")...
      // end-snippet
      id[0] = devs;
    }).start()) {
      assertThat(id[0]).isPositive();
      HttpResponse<String> group = get(hub, "/v2/orgs/acme/groups/devs/members", hub.accessTokenFor("mona"));
      assertThat(group.statusCode()).isEqualTo(200);
      assertThat(group.body()).contains("alice", "bob");
    }
  }

  @Test
  void theScimSeed() throws Exception {
    String[] token = new String[1];
    try (DockerHubEmulator hub = DockerHubEmulator.builder().seed(s -> {
      s.user("mona", "s3cret");
      // snippet:emulator-scim-seed
      s.org("acme", Plan.BUSINESS).owners("mona");
      String scimToken = s.scim("acme")                   // a token derived from the org's name, stable across reset()
          .accountEmail("mona", "mona@example.com")       // provisioning this address links mona's account
          .user("jane.doe@example.com", "Jane", "Doe")    // provisioned: a new account "janedoe", a member of acme
          .deactivatedUser("gone@example.com")            // provisioned, then its seat taken away
          .users(250)                                     // scim-user-00001@example.com ... for paging tests
          .token();                                       // or .token("a-token-of-your-own") to set one
      // end-snippet
      token[0] = scimToken;
    }).start()) {
      HttpResponse<String> users = get(hub, "/v2/scim/2.0/Users?count=1", token[0]);
      assertThat(users.statusCode()).isEqualTo(200);
      assertThat(users.body()).contains("\"totalResults\":252");
    }
  }

  private static HttpResponse<String> get(DockerHubEmulator hub, String path, String jwt) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
        .header("Authorization", "Bearer " + jwt).build(), HttpResponse.BodyHandlers.ofString());
  }
}
