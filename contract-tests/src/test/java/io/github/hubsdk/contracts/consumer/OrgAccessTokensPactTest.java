package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
import static io.github.hubsdk.contracts.states.OrgAccessTokensState.*;
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
import io.github.hubsdk.client.OatResource;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.model.OrgAccessToken;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Organization access tokens: the secret once at create, the list counted with total, errors. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class OrgAccessTokensPactTest {

  private static final String ORG = "hubsdk-org";
  private static final String TOKENS = "/v2/orgs/" + ORG + "/access-tokens";
  private static final String OAT_SECRET = "dckr_oat_[A-Za-z0-9_-]+";
  private static final String MISSING = "00000000-0000-4000-8000-000000000000";

  /** The fields every answer about a token has (no secret). */
  static PactDslJsonBody token(PactDslJsonBody o) {
    nullableTime(nullableTime(o, "expires_at"), "last_used_at");
    return o.stringMatcher("id", UUID, EXAMPLE_UUID).stringType("label", "ci").stringType("created_by", "hubsdk")
        .booleanType("is_active", true).stringMatcher("created_at", RFC3339, EXAMPLE_TIME);
  }

  @Pact(consumer = CONSUMER)
  V4Pact createOrgAccessToken(PactDslWithProvider p) {
    return bearer(json(p.given(ORG_WITH_OAT)
        .uponReceiving("createOrgAccessToken: a token that pulls one repository")
        .method("POST").pathFromProviderState("/v2/orgs/${org}/access-tokens", TOKENS)))
        .body(new PactDslJsonBody().valueFromProviderState("label", "${label}", "hubsdk-contract-example")
            .array("resources").object().stringValue("type", "TYPE_REPO")
            .valueFromProviderState("path", "${org}/web", ORG + "/web")
            .array("scopes").stringValue("scope-image-pull").closeArray().closeObject().closeArray())
        .willRespondWith().status(201)
        .body(nullableTime(new PactDslJsonBody(), "last_used_at").stringMatcher("id", UUID, EXAMPLE_UUID)
            .stringType("label", "hubsdk-contract-example").booleanValue("is_active", true)
            .stringMatcher("created_at", RFC3339, EXAMPLE_TIME)
            .stringMatcher("token", OAT_SECRET, "dckr_oat_EXAMPLEnotArealSecret0000000")
            .minArrayLike("resources", 1).stringValue("type", "TYPE_REPO").stringType("path", ORG + "/web")
            .array("scopes").stringValue("scope-image-pull").closeArray().closeObject().closeArray())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createOrgAccessToken")
  void createShowsTheSecretOnce(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      OrgAccessToken created = hub.org(ORG).accessTokens().create("hubsdk-contract-consumer",
          OatResource.repository(ORG + "/web", OatResource.PULL));
      assertThat(created.getToken()).startsWith("dckr_oat_");
      assertThat(created.toString()).doesNotContain(created.getToken());
      assertThat(created.getResources()).extracting(OatResource::of)
          .containsExactly(OatResource.repository(ORG + "/web", OatResource.PULL));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createOrgAccessTokenRejected(PactDslWithProvider p) {
    return bearer(json(p.given(ORG_WITH_OAT)
        .uponReceiving("createOrgAccessToken: an expiry in the past is a field error")
        .method("POST").pathFromProviderState("/v2/orgs/${org}/access-tokens", TOKENS)))
        .body(new PactDslJsonBody().valueFromProviderState("label", "${label}", "hubsdk-contract-example")
            .stringMatcher("expires_at", RFC3339, "2001-01-01T00:00:00Z"))
        .willRespondWith().status(400)
        .body(new PactDslJsonBody().object("fields")
            .eachLike("expires_at", PactDslJsonRootValue.stringType("Expiry must be in the future."), 1).closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createOrgAccessTokenRejected")
  void aPastExpiryIsAFieldError(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).accessTokens().create("hubsdk-contract-consumer", null, null,
          OffsetDateTime.parse("2001-01-01T00:00:00Z")))
          .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.fieldErrors()).containsKey("expires_at"));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listOrgAccessTokens(PactDslWithProvider p) {
    PactDslJsonBody body = pageBody().integerType("total", 1);
    token(body.minArrayLike("results", 1)).closeObject().closeArray();
    return firstPage(p.given(ORG_WITH_OAT)
        .uponReceiving("listOrgAccessTokens: the first page, counted with total")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/access-tokens", TOKENS))
        .willRespondWith().status(200).body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listOrgAccessTokens")
  void listsWithTotal(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Page<OrgAccessToken> page = hub.org(ORG).accessTokens().list().firstPage();
      assertThat(page.items()).isNotEmpty();
      assertThat(page.totalCount()).isPresent();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listOrgAccessTokensRateLimited(PactDslWithProvider p) {
    return firstPage(p.given(ORG_WITH_OAT).given(RATE_LIMITED)
        .uponReceiving("listOrgAccessTokens: over the rate limit")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/access-tokens", TOKENS))
        .willRespondWith().status(429).matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listOrgAccessTokensRateLimited")
  void aRateLimitCarriesRetryAfter(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).accessTokens().list().firstPage())
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getOrgAccessToken(PactDslWithProvider p) {
    PactDslJsonBody body = token(new PactDslJsonBody());
    body.minArrayLike("resources", 1).stringMatcher("type", "TYPE_REPO|TYPE_ORG", "TYPE_REPO")
        .stringType("path", ORG + "/*").eachLike("scopes", PactDslJsonRootValue.stringType("scope-image-pull"), 1)
        .closeObject().closeArray();
    return bearer(p.given(ORG_WITH_OAT)
        .uponReceiving("getOrgAccessToken: one token with its resources")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/access-tokens/${id}", TOKENS + "/" + EXAMPLE_UUID))
        .willRespondWith().status(200).body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getOrgAccessToken")
  void readsOneWithResources(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      OrgAccessToken t = hub.org(ORG).accessTokens().get(EXAMPLE_UUID);
      assertThat(t.getToken()).isNull();
      assertThat(t.getResources()).isNotEmpty();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getOrgAccessTokenNotFound(PactDslWithProvider p) {
    return bearer(p.given(ORG_WITH_OAT)
        .uponReceiving("getOrgAccessToken: an unknown token")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/access-tokens/" + MISSING, TOKENS + "/" + MISSING))
        .willRespondWith().status(404)
        .body(new PactDslJsonBody().stringType("detail", "Not found."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getOrgAccessTokenNotFound")
  void anUnknownTokenIsNotFound(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).accessTokens().get(MISSING)).isInstanceOf(NotFoundException.class);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact updateOrgAccessToken(PactDslWithProvider p) {
    return bearer(json(p.given(ORG_WITH_OAT)
        .uponReceiving("updateOrgAccessToken: deactivate")
        .method("PATCH").pathFromProviderState("/v2/orgs/${org}/access-tokens/${id}", TOKENS + "/" + EXAMPLE_UUID)))
        .body(new PactDslJsonBody().booleanValue("is_active", false))
        .willRespondWith().status(200)
        .body(nullableTime(nullableTime(new PactDslJsonBody(), "expires_at"), "last_used_at")
            .stringMatcher("id", UUID, EXAMPLE_UUID).stringType("label", "ci").booleanValue("is_active", false))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateOrgAccessToken")
  void deactivates(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.org(ORG).accessTokens().deactivate(java.util.UUID.fromString(EXAMPLE_UUID)).getIsActive()).isFalse();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteOrgAccessToken(PactDslWithProvider p) {
    return bearer(p.given(ORG_WITH_OAT)
        .uponReceiving("deleteOrgAccessToken: delete one token")
        .method("DELETE").pathFromProviderState("/v2/orgs/${org}/access-tokens/${id}", TOKENS + "/" + EXAMPLE_UUID))
        .willRespondWith().status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteOrgAccessToken")
  void deletes(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.org(ORG).accessTokens().delete(java.util.UUID.fromString(EXAMPLE_UUID));
    }
  }
}
