package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static io.github.hubsdk.client.TestSupport.DIGEST;
import static io.github.hubsdk.client.TestSupport.UUID_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.OrgSettings;
import io.github.hubsdk.openapi.model.RestrictedImages;
import io.github.hubsdk.openapi.model.UpdateAccessTokenRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Arguments the API would reject are refused before anything is sent; names never change the path. */
class InputCheckTest extends RefusedBeforeSending {


  static Stream<Arguments> invalidCalls() {
    String longLabel = "x".repeat(101);
    UpdateAccessTokenRequest empty = new UpdateAccessTokenRequest();
    return Stream.of(
        new Case("page size 0", () -> hub.accessTokens().list().pageSize(0).toList()),
        new Case("page size 101", () -> hub.auditLogs("acme").list().pageSize(101).toList()),
        new Case("empty label", () -> hub.accessTokens().create("", List.of(AccessTokenScope.REPO_READ))),
        new Case("blank label", () -> hub.accessTokens().create("   ", List.of(AccessTokenScope.REPO_READ))),
        new Case("101-char label", () -> hub.accessTokens().create(longLabel, List.of(AccessTokenScope.REPO_READ))),
        new Case("rename to 101 chars", () -> hub.accessTokens().rename(UUID_1, longLabel)),
        new Case("no scopes", () -> hub.accessTokens().create("ci", List.of())),
        new Case("null scope", () -> hub.accessTokens().create("ci", Arrays.asList(AccessTokenScope.REPO_READ, null))),
        new Case("malformed uuid", () -> hub.accessTokens().get("not-a-uuid")),
        new Case("short uuid", () -> hub.accessTokens().get("1-1-1-1-1")),
        new Case("blank uuid", () -> hub.accessTokens().delete(" ")),
        new Case("empty patch", () -> hub.accessTokens().update(UUID_1, empty)),
        new Case("digest without algorithm", () -> hub.images("acme", "web").tags(DIGEST.substring(7)).toList()),
        new Case("digest upper-case", () -> hub.images("acme", "web").tags(DIGEST.toUpperCase()).toList()),
        new Case("digest too short", () -> hub.images("acme", "web").tags("sha256:abc").toList()),
        new Case("blank namespace", () -> hub.images(" ", "web").summary()),
        new Case("null repository", () -> hub.images("acme", null).summary()),
        new Case("dot-dot repository", () -> hub.images("acme", "..").summary()),
        new Case("dot namespace", () -> hub.images(".").delete(ImageDeletion.builder().manifest("web", DIGEST).build())),
        new Case("blank account", () -> hub.auditLogs("").actions()),
        new Case("blank org", () -> hub.org(" ").settings()),
        new Case("control character", () -> hub.org("ac\nme").settings()),
        new Case("incomplete settings", () -> hub.org("acme").updateSettings(new OrgSettings()
            .restrictedImages(new RestrictedImages().enabled(true)))),
        new Case("deletion without manifests", () -> ImageDeletion.builder().build()),
        new Case("deletion with bad digest", () -> ImageDeletion.builder().manifest("web", "sha256:xyz")),
        new Case("audit window reversed", () -> AuditLogFilter.builder().from(OffsetDateTime.parse("2026-11-02T00:00Z"))
            .to(OffsetDateTime.parse("2026-11-01T00:00Z")).build())
    ).map(Arguments::of);
  }

  @Test
  void boundaryValuesAreAccepted() {
    stub.on("POST /v2/auth/token", r -> json(200, TestSupport.authTokenBody("opaque")));
    stub.on("POST /v2/access-tokens", r -> json(201, TestSupport.accessTokenJson(UUID_1, "x", "dckr_pat_new")));
    hub.accessTokens().create("x".repeat(100), List.of(AccessTokenScope.REPO_ADMIN));
    hub.accessTokens().create("y", List.of(AccessTokenScope.REPO_PUBLIC_READ));
    assertThat(stub.requests("POST /v2/access-tokens")).hasSize(2);
  }

  @Test
  void namesAreEncodedAsOneSegmentAndCannotChangeThePath() {
    stub.on("POST /v2/auth/token", r -> json(200, TestSupport.authTokenBody("opaque")));
    stub.on("GET /v2/namespaces/a%2Fb/repositories/..%2Fx/images-summary",
        r -> json(200, "{\"active_from\":\"2026-10-26T14:25:37.076Z\",\"statistics\":{\"total\":0,\"active\":0,\"inactive\":0}}"));
    stub.on("GET /v2/orgs/..%2F..%2Fv2%2Faccess-tokens/settings", r -> json(200, "{\"restricted_images\":"
        + "{\"enabled\":false,\"allow_official_images\":true,\"allow_verified_publishers\":true}}"));
    stub.on("GET /v2/auditlogs/acme%3Fpage%3D9%23x/actions", r -> json(200, "{\"actions\":{}}"));
    hub.images("a/b", "../x").summary();
    hub.org("../../v2/access-tokens").settings();
    hub.auditLogs("acme?page=9#x").actions();

    List<HubStub.Recorded> sent = stub.requests().subList(1, 4);
    assertThat(sent.get(0).rawPath()).isEqualTo("/v2/namespaces/a%2Fb/repositories/..%2Fx/images-summary");
    assertThat(sent.get(1).rawPath()).isEqualTo("/v2/orgs/..%2F..%2Fv2%2Faccess-tokens/settings");
    assertThat(sent.get(2).rawPath()).isEqualTo("/v2/auditlogs/acme%3Fpage%3D9%23x/actions");
    assertThat(sent.get(2).rawQuery()).isNull();
  }

  @Test
  void anEscapeInANameIsSentEscapedSoItStaysThatName() {
    // The server decodes once: %252e%252e is the repository named "%2e%2e", never the dot segment "..".
    stub.on("POST /v2/auth/token", r -> json(200, TestSupport.authTokenBody("opaque")));
    stub.on("GET /v2/namespaces/ns/repositories/%252e%252e/images-summary",
        r -> json(200, "{\"active_from\":\"2026-10-26T14:25:37.076Z\",\"statistics\":{\"total\":0,\"active\":0,\"inactive\":0}}"));
    stub.on("GET /v2/orgs/.%252e%252F..%252f/settings", r -> json(200, "{\"restricted_images\":"
        + "{\"enabled\":false,\"allow_official_images\":true,\"allow_verified_publishers\":true}}"));
    hub.images("ns", "%2e%2e").summary();
    hub.org(".%2e%2F..%2f").settings();
    List<HubStub.Recorded> sent = stub.requests().subList(1, 3);
    assertThat(sent.get(0).rawPath()).isEqualTo("/v2/namespaces/ns/repositories/%252e%252e/images-summary");
    assertThat(sent.get(1).rawPath()).isEqualTo("/v2/orgs/.%252e%252F..%252f/settings");
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> DockerHubClient.builder().readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("infinite");
    assertThatThrownBy(() -> DockerHubClient.builder().connectTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DockerHubClient.builder().callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DockerHubClient.builder().refreshAhead(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void baseUrlMustBeHttpWithoutQuery() {
    assertThatThrownBy(() -> DockerHubClient.builder().baseUrl("ftp://hub.docker.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DockerHubClient.builder().baseUrl("https://hub.docker.com?x=1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DockerHubClient.builder().baseUrl("https://user:pw@hub.docker.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DockerHubClient.builder().baseUrl("hub.docker.com"))
        .isInstanceOf(IllegalArgumentException.class);
    try (DockerHubClient c = DockerHubClient.builder().baseUrl("https://hub.docker.com/").build()) {
      assertThat(c.baseUrl().toString()).isEqualTo("https://hub.docker.com");
    }
  }
}
