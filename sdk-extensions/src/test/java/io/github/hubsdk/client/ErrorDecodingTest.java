package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static io.github.hubsdk.client.TestSupport.DIGEST;
import static io.github.hubsdk.client.TestSupport.T0;
import static io.github.hubsdk.client.TestSupport.UUID_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.hubsdk.client.TestSupport.MutableClock;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.DeleteImagesRejectedException;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.ForbiddenException;
import io.github.hubsdk.client.error.LoginFailedException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.PasswordLoginRequiredException;
import io.github.hubsdk.client.error.PlanRequiredException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.client.error.UnauthorizedException;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.DetailError;
import io.github.hubsdk.openapi.model.FieldsError;
import io.github.hubsdk.openapi.model.ImageWarningType;
import io.github.hubsdk.openapi.model.LoginFailure;
import io.github.hubsdk.openapi.model.ManifestErrorType;
import io.github.hubsdk.openapi.model.RateLimitError;
import io.github.hubsdk.openapi.model.RpcStatus;
import io.github.hubsdk.openapi.model.TxnError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error body shape of the spec, decoded into its exception with status, operation, body and headers. */
class ErrorDecodingTest {

  private static final String TXN_IMAGE_ERRINFO = "\"errinfo\":{\"api_call_docker_id\":\"\",\"api_call_name\":"
      + "\"GetNamespaceRepositoryImages\",\"api_call_start\":\"2026-11-26T10:04:55.102Z\",\"api_call_txnid\":\"t-1\"}";

  private HubStub stub;
  private DockerHubClient hub;

  @BeforeEach
  void start() throws Exception {
    stub = new HubStub();
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.bearer("jwt.for.tests"))
        .clock(new MutableClock(T0)).retryPolicy(RetryPolicy.none()).build();
  }

  @AfterEach
  void stop() {
    hub.close();
    stub.close();
  }

  private <T extends DockerHubException> T fails(Class<T> type, ThrowingCallable call) {
    T e = catchThrowableOfType(type, call);
    assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
    return e;
  }

  private static HubStub.Reply withRateHeaders(HubStub.Reply r) {
    return r.header("X-RateLimit-Limit", "180").header("X-RateLimit-Remaining", "17")
        .header("X-RateLimit-Reset", Long.toString(T0.plusSeconds(300).getEpochSecond()));
  }

  @Test
  void fieldsErrorBecomesBadRequestWithFieldErrors() {
    stub.on("POST /v2/access-tokens", r -> withRateHeaders(json(400,
        "{\"fields\":{\"token_label\":[\"Ensure this field has no more than 100 characters.\"]},\"text\":\"invalid request\"}")));
    BadRequestException e = fails(BadRequestException.class,
        () -> hub.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ)));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.operation()).isEqualTo("createAccessToken");
    assertThat(e.fieldErrors()).containsEntry("token_label", List.of("Ensure this field has no more than 100 characters."));
    assertThat(e.errorBody(FieldsError.class)).isPresent();
    assertThat(e.getMessage()).contains("400", "createAccessToken", "invalid request");
    assertThat(e.rateLimit()).hasValueSatisfying(rl -> {
      assertThat(rl.limit()).hasValue(180);
      assertThat(rl.remaining()).hasValue(17);
      assertThat(rl.reset()).contains(T0.plusSeconds(300));
    });
  }

  @Test
  void detailErrorsBecomeUnauthorizedForbiddenNotFound() {
    stub.on("GET /v2/access-tokens/" + UUID_1, r -> json(401,
        "{\"detail\":\"Authentication credentials were not provided.\",\"message\":\"x\"}"));
    UnauthorizedException u = fails(UnauthorizedException.class, () -> hub.accessTokens().get(UUID_1));
    assertThat(u.status()).isEqualTo(401);
    assertThat(u.operation()).isEqualTo("getAccessToken");
    assertThat(u.errorBody(DetailError.class)).hasValueSatisfying(
        d -> assertThat(d.getDetail()).isEqualTo("Authentication credentials were not provided."));

    stub.on("GET /v2/orgs/acme/settings", r -> json(403,
        "{\"detail\":\"You do not have permission to perform this action.\",\"message\":\"x\"}"));
    ForbiddenException f = fails(ForbiddenException.class, () -> hub.org("acme").settings());
    assertThat(f).isNotInstanceOfAny(PlanRequiredException.class, PasswordLoginRequiredException.class);
    assertThat(f.operation()).isEqualTo("getOrgSettings");
    assertThat(f.getMessage()).contains("You do not have permission");

    // "plan" only as a word: maintenance that was "planned" is no plan restriction.
    stub.on("GET /v2/orgs/acme/settings", r -> json(403,
        "{\"detail\":\"Settings are read-only during planned maintenance.\",\"message\":\"x\"}"));
    assertThat(fails(ForbiddenException.class, () -> hub.org("acme").settings()))
        .isNotInstanceOf(PlanRequiredException.class);

    stub.on("PUT /v2/orgs/acme/settings", r -> json(404, "{\"detail\":\"Not found.\",\"message\":\"Not found.\"}"));
    NotFoundException n = fails(NotFoundException.class, () -> hub.org("acme").updateSettings(
        new io.github.hubsdk.openapi.model.RestrictedImages().enabled(true).allowOfficialImages(true)
            .allowVerifiedPublishers(true)));
    assertThat(n.status()).isEqualTo(404);
    assertThat(n.operation()).isEqualTo("updateOrgSettings");
  }

  @Test
  void txnErrorsOfTheImageApis() {
    String base = "GET /v2/namespaces/acme/repositories/web/images-summary";
    stub.on(base, r -> json(401, "{\"txnid\":\"t-1\",\"message\":\"user does not have read access to the namespace\","
        + TXN_IMAGE_ERRINFO + "}"));
    UnauthorizedException u = fails(UnauthorizedException.class, () -> hub.images("acme", "web").summary());
    assertThat(u.errorBody(TxnError.class)).hasValueSatisfying(t -> assertThat(t.getTxnid()).isEqualTo("t-1"));

    stub.on(base, r -> json(403, "{\"txnid\":\"t-2\",\"message\":\"this API is only available to users on Pro or "
        + "Team plans\"," + TXN_IMAGE_ERRINFO + "}"));
    PlanRequiredException p = fails(PlanRequiredException.class, () -> hub.images("acme", "web").summary());
    assertThat(p.operation()).isEqualTo("getImagesSummary");
    assertThat(p.getMessage()).contains("Pro or Team");

    stub.on(base, r -> json(404, "{\"txnid\":\"t-3\",\"message\":\"repository not found\"," + TXN_IMAGE_ERRINFO + "}"));
    NotFoundException n = fails(NotFoundException.class, () -> hub.images("acme", "web").summary());
    assertThat(n.errorBody(TxnError.class)).isPresent();
  }

  @Test
  void patDerivedTokenTxnErrorBecomesPasswordLoginRequired() {
    stub.on("DELETE /v2/access-tokens/" + UUID_1, r -> json(403,
        "{\"message\":\"token issued from personal access token is not allowed\",\"errinfo\":{}}"));
    PasswordLoginRequiredException e = fails(PasswordLoginRequiredException.class,
        () -> hub.accessTokens().delete(UUID_1));
    assertThat(e).isInstanceOf(ForbiddenException.class);
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.operation()).isEqualTo("deleteAccessToken");
    assertThat(e.errorBody(TxnError.class)).isPresent();
  }

  @Test
  void deleteImagesRejectionCarriesErrorsAndWarnings() {
    String digest2 = "sha256:4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce";
    stub.on("POST /v2/namespaces/acme/delete-images", r -> json(400, "{\"txnid\":\"t\",\"message\":\"deletion not possible\","
        + "\"errinfo\":{\"api_call_name\":\"DeleteImages\",\"type\":\"validation\",\"details\":{"
        + "\"errors\":[{\"repository\":\"web\",\"digest\":\"" + digest2 + "\",\"error\":\"not_found\"}],"
        + "\"warnings\":[{\"repository\":\"web\",\"digest\":\"" + DIGEST + "\",\"warning\":\"current_tag\","
        + "\"tags\":[\"latest\",\"1.4\"]},{\"repository\":\"web\",\"digest\":\"" + DIGEST + "\",\"warning\":\"is_active\"}]}}}"));
    DeleteImagesRejectedException e = fails(DeleteImagesRejectedException.class, () -> hub.images("acme")
        .delete(ImageDeletion.builder().manifest("web", DIGEST).manifest("web", digest2).build()));
    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.operation()).isEqualTo("deleteImages");
    assertThat(e.errors()).singleElement().satisfies(m -> {
      assertThat(m.getDigest()).isEqualTo(digest2);
      assertThat(m.getError()).isEqualTo(ManifestErrorType.NOT_FOUND);
    });
    assertThat(e.warnings()).extracting(w -> w.getWarning())
        .containsExactly(ImageWarningType.CURRENT_TAG, ImageWarningType.IS_ACTIVE);
    assertThat(e.warnings().get(0).getTags()).containsExactly("latest", "1.4");
    // The warnings can be acknowledged as they are.
    assertThat(ImageDeletion.builder().manifest("web", DIGEST).ignoreWarnings(e.warnings()).build().ignoredWarnings())
        .hasSize(2);
  }

  @Test
  void rateLimitErrorBecomesRateLimitedWithItsHeaders() {
    long reset = T0.plusSeconds(60).getEpochSecond();
    stub.on("GET /v2/access-tokens", r -> json(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}")
        .header("Retry-After", "30").header("X-RateLimit-Limit", "180").header("X-RateLimit-Remaining", "0")
        .header("X-RateLimit-Reset", Long.toString(reset)));
    RateLimitedException e = fails(RateLimitedException.class, () -> hub.accessTokens().list().firstPage());
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.operation()).isEqualTo("listAccessTokens");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(e.limit()).hasValue(180);
    assertThat(e.remaining()).hasValue(0);
    assertThat(e.reset()).contains(Instant.ofEpochSecond(reset));
    assertThat(e.errorBody(RateLimitError.class)).hasValueSatisfying(b -> assertThat(b.getError()).isFalse());
  }

  @Test
  void theAuditLogApisAnswerHubErrorsAndRpcStatusOnlyForServerErrors() {
    // Seen live (docker/hub-feedback#2367): 401/403 are the Hub's {message, errinfo}; only 5xx are gRPC statuses.
    String route = "GET /v2/auditlogs/acme";
    stub.on(route, r -> json(401, "{\"message\":\"authentication required\",\"errinfo\":{}}"));
    UnauthorizedException u = fails(UnauthorizedException.class, () -> hub.auditLogs("acme").list().toList());
    assertThat(u.errorBody(TxnError.class)).hasValueSatisfying(
        s -> assertThat(s.getMessage()).isEqualTo("authentication required"));
    assertThat(u.operation()).isEqualTo("listAuditLogs");

    stub.on(route, r -> json(403, "{\"message\":\"forbidden\",\"errinfo\":{}}"));
    ForbiddenException f = fails(ForbiddenException.class, () -> hub.auditLogs("acme").list().toList());
    assertThat(f.errorBody(TxnError.class)).hasValueSatisfying(s -> assertThat(s.getMessage()).isEqualTo("forbidden"));
    assertThat(f.getMessage()).endsWith("403 from listAuditLogs: forbidden");

    stub.on("GET /v2/auditlogs/acme/actions", r -> json(500, "{\"code\":13,\"message\":\"internal error\",\"details\":"
        + "[{\"type_url\":\"type.googleapis.com/google.rpc.RequestInfo\",\"value\":\"cmVxdWVzdC1pZDogNGIxZDVjMGU=\"}]}"));
    ServerErrorException s = fails(ServerErrorException.class, () -> hub.auditLogs("acme").actions());
    assertThat(s.status()).isEqualTo(500);
    assertThat(s.operation()).isEqualTo("listAuditLogActions");
    assertThat(s.errorBody(RpcStatus.class)).hasValueSatisfying(b -> assertThat(b.getDetails()).hasSize(1));

    stub.on(route, r -> json(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}").header("Retry-After", "2"));
    RateLimitedException rl = fails(RateLimitedException.class, () -> hub.auditLogs("acme").list().toList());
    assertThat(rl.retryAfter()).contains(Duration.ofSeconds(2));
  }

  @Test
  void loginFailureBecomesLoginFailed() {
    stub.on("POST /v2/users/login", r -> json(401,
        "{\"detail\":\"Incorrect authentication credentials\",\"login_2fa_token\":null}"));
    hub.close();
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.legacyLogin("mona", "pw", null))
        .build();
    LoginFailedException e = fails(LoginFailedException.class, hub::login);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.operation()).isEqualTo("login");
    assertThat(e.errorBody(LoginFailure.class)).hasValueSatisfying(
        b -> assertThat(b.getDetail()).isEqualTo("Incorrect authentication credentials"));

    stub.on("POST /v2/auth/token", r -> json(400, "{\"fields\":{\"secret\":[\"This field is required.\"]}}"));
    hub.close();
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.password("mona", "pw")).build();
    LoginFailedException bad = fails(LoginFailedException.class, hub::login);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorBody(FieldsError.class)).isPresent();
  }

  @Test
  void bodiesThatAreNotJsonStillGiveTypedExceptions() {
    stub.on("GET /v2/orgs/acme/settings", r -> json(502, "<html>Bad Gateway</html>")
        .header("Content-Type", "text/html"));
    ServerErrorException e = fails(ServerErrorException.class, () -> hub.org("acme").settings());
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.errorBody()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("502 from getOrgSettings");

    stub.on("GET /v2/orgs/acme/settings", r -> json(418, null));
    DockerHubException other = fails(DockerHubException.class, () -> hub.org("acme").settings());
    assertThat(other.status()).isEqualTo(418);
    assertThat(other.errorBody()).isEmpty();
  }

  @Test
  void exceptionsStaySerializable() throws Exception {
    stub.on("GET /v2/access-tokens", r -> withRateHeaders(json(429, "{\"detail\":\"Rate limit exceeded\"}"))
        .header("Retry-After", "5"));
    RateLimitedException e = fails(RateLimitedException.class, () -> hub.accessTokens().list().firstPage());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      RateLimitedException copy = (RateLimitedException) in.readObject();
      assertThat(copy.status()).isEqualTo(429);
      assertThat(copy.operation()).isEqualTo("listAccessTokens");
      assertThat(copy.getMessage()).isEqualTo(e.getMessage());
    }
  }

  @Test
  void theLatestRateLimitSnapshotIsExposed() {
    assertThat(hub.rateLimit()).isEmpty();
    stub.on("GET /v2/orgs/acme/settings", r -> json(200, "{\"restricted_images\":{\"enabled\":false,"
        + "\"allow_official_images\":true,\"allow_verified_publishers\":true}}").header("X-RateLimit-Limit", "180")
        .header("X-RateLimit-Remaining", "179").header("X-RateLimit-Reset", Long.toString(T0.getEpochSecond() + 60)));
    hub.org("acme").settings();
    assertThat(hub.rateLimit()).hasValueSatisfying(rl -> {
      assertThat(rl.limit()).hasValue(180);
      assertThat(rl.remaining()).hasValue(179);
      assertThat(rl.reset()).contains(T0.plusSeconds(60));
      assertThat(rl.observedAt()).isEqualTo(T0);
    });
    stub.on("GET /v2/orgs/acme/settings", r -> json(500, "{}").header("X-RateLimit-Remaining", "178"));
    fails(ServerErrorException.class, () -> hub.org("acme").settings());
    assertThat(hub.rateLimit().orElseThrow().remaining()).hasValue(178);
  }
}
