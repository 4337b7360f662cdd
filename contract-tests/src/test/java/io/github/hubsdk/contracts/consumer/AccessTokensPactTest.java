package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.AccessTokensState.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.PasswordLoginRequiredException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.error.UnauthorizedException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The personal access token operations and the errors the SDK types for them. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class AccessTokensPactTest {

  private static final String TOKEN_PATH = "/v2/access-tokens/" + EXAMPLE_UUID;
  private static final String MISSING_UUID = "00000000-0000-4000-8000-000000000000";

  /** The fields of a token as get and list answer them (secret blanked); {@code is_active} matched by type. */
  static PactDslJsonBody blankedToken(PactDslJsonBody o) {
    return blankedToken(o, null);
  }

  /**
   * The fields of a token (secret blanked). With {@code exactActive} non-null, {@code is_active} must equal that
   * value (no type rule), so a response that ignores a PATCH of the flag does not match.
   */
  static PactDslJsonBody blankedToken(PactDslJsonBody o, Boolean exactActive) {
    nullableTime(o, "last_used");
    if (exactActive == null) {
      o.booleanType("is_active", true);
    } else {
      o.booleanValue("is_active", exactActive);
    }
    return o.stringMatcher("uuid", UUID, EXAMPLE_UUID)
        .stringType("client_id", "HUB")
        .stringType("creator_ip", "203.0.113.24")
        .stringType("creator_ua", "hubsdk-java/0.1.0")
        .stringMatcher("created_at", RFC3339, EXAMPLE_TIME)
        .stringType("generated_by", "manual")
        .stringValue("token", "")
        .stringType("token_label", "ci-token")
        .eachLike("scopes", PactDslJsonRootValue.stringMatcher("repo:(admin|write|read|public_read)", "repo:read"), 1);
  }

  @Pact(consumer = CONSUMER)
  V4Pact createAccessToken(PactDslWithProvider p) {
    return bearer(json(p.given(USER)
        .uponReceiving("createAccessToken: a token with the repo:read scope")
        .method("POST").path("/v2/access-tokens")))
        .body(new PactDslJsonBody()
            .valueFromProviderState("token_label", "${label}", "hubsdk-contract-example")
            .array("scopes").stringValue("repo:read").closeArray())
        .willRespondWith().status(201)
        .body(nullableTime(new PactDslJsonBody(), "last_used")
            .stringMatcher("uuid", UUID, EXAMPLE_UUID)
            .stringType("client_id", "HUB")
            .stringType("creator_ip", "203.0.113.24")
            .stringType("creator_ua", "hubsdk-java/0.1.0")
            .stringType("generated_by", "manual")
            .stringMatcher("created_at", RFC3339, EXAMPLE_TIME)
            .booleanValue("is_active", true)
            .stringMatcher("token", PAT_SECRET, "dckr_pat_EXAMPLEnotArealSecret0000000")
            .stringType("token_label", "hubsdk-contract-example")
            .array("scopes").stringValue("repo:read").closeArray())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createAccessToken")
  void createReturnsTheSecretOnce(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      AccessToken created = hub.accessTokens().create("hubsdk-contract-consumer", List.of(AccessTokenScope.REPO_READ));
      assertThat(created.getUuid()).isEqualTo(java.util.UUID.fromString(EXAMPLE_UUID));
      assertThat(created.getToken()).startsWith("dckr_pat_");
      assertThat(created.getIsActive()).isTrue();
      assertThat(created.getScopes()).containsExactly(AccessTokenScope.REPO_READ);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createAccessTokenRejected(PactDslWithProvider p) {
    return bearer(json(p.given(USER)
        .uponReceiving("createAccessToken: an expiry in the past is a field error")
        .method("POST").path("/v2/access-tokens")))
        .body(new PactDslJsonBody()
            .valueFromProviderState("token_label", "${label}", "hubsdk-contract-example")
            .stringMatcher("expires_at", RFC3339, "2001-01-01T00:00:00Z")
            .array("scopes").stringValue("repo:read").closeArray())
        .willRespondWith().status(400)
        .body(new PactDslJsonBody()
            .object("fields")
            .eachLike("expires_at", PactDslJsonRootValue.stringType("Expiry must be in the future."), 1)
            .closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createAccessTokenRejected")
  void fieldErrorsNameTheField(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.accessTokens().create("hubsdk-contract-consumer", List.of(AccessTokenScope.REPO_READ),
          OffsetDateTime.parse("2001-01-01T00:00:00Z")))
          .isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.fieldErrors()).containsKey("expires_at");
          });
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listAccessTokens(PactDslWithProvider p) {
    PactDslJsonBody body = pageBody()
        .integerType("count", 1)
        .integerType("active_count", 1);
    blankedToken(body.minArrayLike("results", 1)).closeObject().closeArray();
    return firstPage(p.given(PAT)
        .uponReceiving("listAccessTokens: the first page")
        .method("GET").path("/v2/access-tokens"))
        .willRespondWith().status(200)
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listAccessTokens")
  void listBlanksTheSecrets(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Page<AccessToken> page = hub.accessTokens().list().firstPage();
      assertThat(page.totalCount()).hasValue(1);
      assertThat(page.items()).hasSize(1).allSatisfy(t -> {
        assertThat(t.getToken()).isEmpty();
        assertThat(t.getScopes()).containsExactly(AccessTokenScope.REPO_READ);
      });
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listAccessTokensUnauthorized(PactDslWithProvider p) {
    return firstPage(p.given(INVALID_JWT)
        .uponReceiving("listAccessTokens: a JWT that is not valid")
        .method("GET").path("/v2/access-tokens"))
        .willRespondWith().status(401)
        .body(new PactDslJsonBody().stringType("detail", "Given token not valid for any token type"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listAccessTokensUnauthorized")
  void invalidJwtIsUnauthorized(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.accessTokens().list().firstPage())
          .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listAccessTokensWithPatJwt(PactDslWithProvider p) {
    return firstPage(p.given(PAT_JWT)
        .uponReceiving("listAccessTokens: a JWT issued from a personal access token")
        .method("GET").path("/v2/access-tokens"))
        .willRespondWith().status(403)
        .body(new PactDslJsonBody().stringMatcher("message", ".*personal access token.*",
            "token issued from personal access token is not allowed"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listAccessTokensWithPatJwt")
  void patJwtNeedsAPasswordLogin(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.accessTokens().list().firstPage())
          .isInstanceOfSatisfying(PasswordLoginRequiredException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listAccessTokensRateLimited(PactDslWithProvider p) {
    return firstPage(p.given(USER).given(RATE_LIMITED)
        .uponReceiving("listAccessTokens: over the rate limit")
        .method("GET").path("/v2/access-tokens"))
        .willRespondWith().status(429)
        .matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listAccessTokensRateLimited")
  void rateLimitCarriesRetryAfter(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.accessTokens().list().firstPage())
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30));
          });
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getAccessToken(PactDslWithProvider p) {
    return bearer(p.given(PAT)
        .uponReceiving("getAccessToken: an existing token")
        .method("GET").pathFromProviderState("/v2/access-tokens/${uuid}", TOKEN_PATH))
        .willRespondWith().status(200)
        .body(blankedToken(new PactDslJsonBody()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getAccessToken")
  void getBlanksTheSecret(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      AccessToken token = hub.accessTokens().get(EXAMPLE_UUID);
      assertThat(token.getToken()).isEmpty();
      assertThat(token.getTokenLabel()).isEqualTo("ci-token");
      assertThat(token.getCreatedAt()).isNotNull();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getAccessTokenMissing(PactDslWithProvider p) {
    return bearer(p.given(USER)
        .uponReceiving("getAccessToken: a token that does not exist")
        .method("GET").path("/v2/access-tokens/" + MISSING_UUID))
        .willRespondWith().status(404)
        .body(new PactDslJsonBody().stringType("detail", "Not found."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getAccessTokenMissing")
  void missingTokenIsNotFound(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.accessTokens().get(java.util.UUID.fromString(MISSING_UUID)))
          .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.operation()).isEqualTo("getAccessToken"));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact updateAccessToken(PactDslWithProvider p) {
    PactDslJsonBody response = blankedToken(new PactDslJsonBody(), false);
    return bearer(json(p.given(PAT)
        .uponReceiving("updateAccessToken: deactivate a token")
        .method("PATCH").pathFromProviderState("/v2/access-tokens/${uuid}", TOKEN_PATH)))
        .body(new PactDslJsonBody().booleanValue("is_active", false))
        .willRespondWith().status(200)
        .body(response)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateAccessToken")
  void deactivateSendsOnlyTheFlag(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.accessTokens().deactivate(EXAMPLE_UUID).getIsActive()).isFalse();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteAccessToken(PactDslWithProvider p) {
    return bearer(p.given(PAT)
        .uponReceiving("deleteAccessToken: delete a token")
        .method("DELETE").pathFromProviderState("/v2/access-tokens/${uuid}", TOKEN_PATH))
        .willRespondWith().status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteAccessToken")
  void deleteAnswersNoContent(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.accessTokens().delete(EXAMPLE_UUID);
    }
  }
}
