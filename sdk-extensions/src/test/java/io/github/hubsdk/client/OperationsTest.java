package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static io.github.hubsdk.client.TestSupport.DIGEST;
import static io.github.hubsdk.client.TestSupport.UUID_1;
import static io.github.hubsdk.client.TestSupport.accessTokenJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hubsdk.client.error.DockerHubTransportException;
import io.github.hubsdk.openapi.api.AuthenticationApi;
import io.github.hubsdk.openapi.api.ImagesApi;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.AuthTokenRequest;
import io.github.hubsdk.openapi.model.ImageWarning;
import io.github.hubsdk.openapi.model.ImageWarningType;
import io.github.hubsdk.openapi.model.ImagesSummary;
import io.github.hubsdk.openapi.model.OrgSettings;
import io.github.hubsdk.openapi.model.RestrictedImages;
import io.github.hubsdk.openapi.model.UpdateAccessTokenRequest;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each wrapped operation sends the documented request and returns the generated model. */
class OperationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUMMARY = "{\"active_from\":\"2026-10-26T14:25:37.076Z\",\"statistics\":"
      + "{\"total\":3,\"active\":2,\"inactive\":1}}";
  private static final String SETTINGS = "{\"restricted_images\":{\"enabled\":true,\"allow_official_images\":true,"
      + "\"allow_verified_publishers\":false}}";

  private HubStub stub;
  private DockerHubClient hub;

  @BeforeEach
  void start() throws Exception {
    stub = new HubStub();
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.bearer("jwt.for.tests"))
        .retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() {
    hub.close();
    stub.close();
  }

  private JsonNode body(String route) throws Exception {
    List<HubStub.Recorded> sent = stub.requests(route);
    assertThat(sent).isNotEmpty();
    return JSON.readTree(sent.get(sent.size() - 1).body());
  }

  @Test
  void accessTokenLifecycle() throws Exception {
    String one = "/v2/access-tokens/" + UUID_1;
    stub.on("POST /v2/access-tokens", r -> json(201, accessTokenJson(UUID_1, "ci", "dckr_pat_new")));
    stub.on("GET " + one, r -> json(200, accessTokenJson(UUID_1, "ci", "")));
    stub.on("PATCH " + one, r -> json(200, accessTokenJson(UUID_1, "ci", "")));
    stub.on("DELETE " + one, r -> HubStub.noContent());

    AccessToken created = hub.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ, AccessTokenScope.REPO_WRITE),
        OffsetDateTime.parse("2027-01-31T00:00:00Z"));
    assertThat(created.getToken()).isEqualTo("dckr_pat_new");
    assertThat(body("POST /v2/access-tokens")).isEqualTo(JSON.readTree("{\"token_label\":\"ci\","
        + "\"scopes\":[\"repo:read\",\"repo:write\"],\"expires_at\":\"2027-01-31T00:00:00Z\"}"));

    hub.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ));
    assertThat(body("POST /v2/access-tokens").has("expires_at")).isFalse();

    assertThat(hub.accessTokens().get(UUID_1).getUuid()).hasToString(UUID_1);
    hub.accessTokens().deactivate(UUID_1);
    assertThat(body("PATCH " + one)).isEqualTo(JSON.readTree("{\"is_active\":false}"));
    hub.accessTokens().activate(UUID_1);
    assertThat(body("PATCH " + one)).isEqualTo(JSON.readTree("{\"is_active\":true}"));
    hub.accessTokens().rename(UUID_1, "renamed");
    assertThat(body("PATCH " + one)).isEqualTo(JSON.readTree("{\"token_label\":\"renamed\"}"));
    hub.accessTokens().update(UUID_1, new UpdateAccessTokenRequest().tokenLabel("both").isActive(true));
    assertThat(body("PATCH " + one)).isEqualTo(JSON.readTree("{\"token_label\":\"both\",\"is_active\":true}"));
    hub.accessTokens().delete(UUID_1);
    assertThat(stub.requests("DELETE " + one)).hasSize(1);
  }

  @Test
  void imageDeletionIsADryRunUnlessForReal() throws Exception {
    String route = "POST /v2/namespaces/acme/delete-images";
    stub.on(route, r -> json(200, "{\"dry_run\":" + JSON.readTree(r.body()).get("dry_run") + ",\"metrics\":"
        + "{\"manifest_deletes\":1,\"manifest_errors\":0,\"tag_deletes\":1,\"tag_errors\":0}}"));
    ImageDeletion plan = ImageDeletion.builder().manifest("web", DIGEST)
        .ignoreWarning(new ImageWarning().repository("web").digest(DIGEST).warning(ImageWarningType.CURRENT_TAG)
            .tags(List.of("edge")))
        .activeFrom(OffsetDateTime.parse("2026-10-26T00:00:00Z")).build();
    assertThat(plan.isDryRun()).isTrue();

    assertThat(hub.images("acme").delete(plan).getDryRun()).isTrue();
    assertThat(body(route)).isEqualTo(JSON.readTree("{\"dry_run\":true,\"active_from\":\"2026-10-26T00:00:00Z\","
        + "\"manifests\":[{\"repository\":\"web\",\"digest\":\"" + DIGEST + "\"}],\"ignore_warnings\":[{\"repository\":"
        + "\"web\",\"digest\":\"" + DIGEST + "\",\"warning\":\"current_tag\",\"tags\":[\"edge\"]}]}"));

    assertThat(hub.images("acme").delete(plan.forReal()).getDryRun()).isFalse();
    assertThat(body(route).get("dry_run").asBoolean()).isFalse();
    assertThat(plan.isDryRun()).as("forReal() returns a copy").isTrue();
    assertThat(plan.forReal().asDryRun().isDryRun()).isTrue();
  }

  @Test
  void summaryAndAuditActionsAndOrgSettings() throws Exception {
    stub.on("GET /v2/namespaces/acme/repositories/web/images-summary", r -> json(200, SUMMARY));
    ImagesSummary s = hub.images("acme", "web").summary(OffsetDateTime.parse("2026-10-26T02:00+02:00"));
    assertThat(s.getStatistics().getTotal()).isEqualTo(3);
    assertThat(stub.requests().get(0).rawQuery()).isEqualTo("active_from=2026-10-26T00%3A00%3A00Z");
    hub.images("acme", "web").summary();
    assertThat(stub.requests().get(1).rawQuery()).isNull();

    stub.on("GET /v2/auditlogs/acme/actions", r -> json(200, "{\"actions\":{\"repo\":{\"label\":\"Repositories\","
        + "\"actions\":[{\"name\":\"repo.tag.push\",\"description\":\"pushed\",\"label\":\"Tag pushed\"}]}}}"));
    assertThat(hub.auditLogs("acme").actions().getActions()).containsKey("repo");

    stub.on("GET /v2/orgs/acme/settings", r -> json(200, SETTINGS));
    stub.on("PUT /v2/orgs/acme/settings", r -> json(200, r.body()));
    OrgSettings current = hub.org("acme").settings();
    assertThat(current.getRestrictedImages().getEnabled()).isTrue();
    OrgSettings stored = hub.org("acme").updateSettings(new RestrictedImages().enabled(false).allowOfficialImages(true)
        .allowVerifiedPublishers(true));
    assertThat(stored.getRestrictedImages().getEnabled()).isFalse();
    assertThat(body("PUT /v2/orgs/acme/settings")).isEqualTo(JSON.readTree("{\"restricted_images\":{\"enabled\":false,"
        + "\"allow_official_images\":true,\"allow_verified_publishers\":true}}"));
  }

  @Test
  @SuppressWarnings("deprecation")
  void generatedApisStayReachableWithTheClientsWiring() throws Exception {
    stub.on("GET /v2/namespaces/acme/repositories/web/images-summary", r -> json(200, SUMMARY));
    ImagesApi images = hub.api(ImagesApi.class);
    assertThat(hub.api(ImagesApi.class)).isSameAs(images);
    images.getImagesSummary("acme", "web", (OffsetDateTime) null);
    assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Bearer jwt.for.tests");

    stub.on("POST /v2/auth/token", r -> json(401, "{\"detail\":\"nope\"}"));
    AuthenticationApi auth = hub.api(AuthenticationApi.class);
    assertThatThrownBy(() -> auth.createAuthToken(new AuthTokenRequest().identifier("mona").secret("pw")))
        .isInstanceOf(io.github.hubsdk.client.error.LoginFailedException.class);
    assertThat(stub.requests("POST /v2/auth/token")).singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).as("login calls carry no bearer").isNull());
  }

  @Test
  void aSlowAnswerHitsTheReadTimeout() {
    stub.on("GET /v2/orgs/acme/settings", r -> json(200, SETTINGS).delayed(2_000));
    hub.close();
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.bearer("jwt.for.tests"))
        .readTimeout(Duration.ofMillis(200)).build(); // default retry policy: timeouts must still not be retried
    assertThatThrownBy(() -> hub.org("acme").settings()).isInstanceOf(DockerHubTransportException.class)
        .satisfies(e -> assertThat(e.getCause()).isInstanceOf(java.net.http.HttpTimeoutException.class))
        .hasMessageContaining("read timeout")
        .satisfies(e -> assertThat(((DockerHubTransportException) e).operation()).isEqualTo("getOrgSettings"));
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void theCallTimeoutBoundsTheWholeExchange() {
    stub.on("GET /v2/orgs/acme/settings", r -> json(200, SETTINGS).delayed(2_000));
    hub.close();
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.bearer("jwt.for.tests"))
        .callTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.none()).build();
    assertThatThrownBy(() -> hub.org("acme").settings()).isInstanceOf(DockerHubTransportException.class);
  }

  @Test
  void aSuppliedHttpClientHeaderAndObserverAreUsed() {
    java.net.http.HttpClient mine = java.net.http.HttpClient.newBuilder()
        .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    stub.on("GET /v2/orgs/acme/settings", r -> json(200, SETTINGS));
    hub.close();
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.bearer("jwt.for.tests"))
        .httpClient(mine).header("X-Trace", "abc").observer(new CallObserver() {
          @Override
          public void requestSent(CallEvent call) {
            seen.add("sent " + call.operation() + " " + call.method() + " " + call.path() + " #" + call.attempt());
          }

          @Override
          public void responseReceived(CallEvent call) {
            seen.add("got " + call.status());
          }
        }).build();
    hub.org("acme").settings();
    assertThat(stub.requests().get(0).header("X-Trace")).isEqualTo("abc");
    assertThat(seen).containsExactly("sent getOrgSettings GET /v2/orgs/acme/settings #1", "got 200");
    hub.close();
    assertThat(mine.executor()).as("a supplied client is left to its owner").isEmpty();
  }

  @Test
  void aSuppliedHttpClientThatFollowsRedirectsIsRefused() {
    java.net.http.HttpClient following = java.net.http.HttpClient.newBuilder()
        .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
    assertThatThrownBy(() -> DockerHubClient.builder().httpClient(following))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("follows redirects");
    assertThatThrownBy(() -> DockerHubClient.builder().header("Authorization", "Bearer x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClosedClientSaysSo() {
    stub.on("GET /v2/orgs/acme/settings", r -> json(200, SETTINGS));
    hub.close();
    assertThatThrownBy(() -> hub.org("acme").settings()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void userAgentNamesTheSdkAndItsVersion() {
    assertThat(DockerHubClient.userAgent()).startsWith("hubsdk-java/").doesNotContain("unknown").doesNotContain("${");
    stub.on("GET /v2/orgs/acme/settings", r -> json(200, SETTINGS));
    hub.org("acme").settings();
    assertThat(stub.requests().get(0).header("User-Agent")).isEqualTo(DockerHubClient.userAgent());
  }

  @Test
  void withoutCredentialsNoAuthorizationIsSent() {
    stub.on("GET /v2/orgs/acme/settings", r -> json(200, SETTINGS));
    hub.close();
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).build();
    hub.org("acme").settings();
    assertThat(stub.requests().get(0).headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization"));
    assertThatThrownBy(hub::login).isInstanceOf(IllegalStateException.class);
    assertThat(Map.of("client", hub.toString())).isNotEmpty();
  }
}
