package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.AccountsState.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.error.UnauthorizedException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.model.CurrentUser;
import io.github.hubsdk.openapi.model.DetailError;
import io.github.hubsdk.openapi.model.OrganizationProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who is logged in, profiles, the user's organizations (what docker/hub-tool's account commands call). */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class AccountsPactTest {

  private static PactDslJsonBody userBody() {
    return new PactDslJsonBody().stringType("id", "0ab70deb065a43fcacd55d48caa945d8")
        .stringType("username", "hubsdk").stringMatcher("date_joined", RFC3339, EXAMPLE_TIME)
        .stringMatcher("type", "User|Org", "User");
  }

  @Pact(consumer = CONSUMER)
  V4Pact getCurrentUser(PactDslWithProvider p) {
    return bearer(p.given(MEMBER_OF_ORG)
        .uponReceiving("getCurrentUser: the logged-in account")
        .method("GET").path("/v2/user"))
        .willRespondWith().status(200)
        .body(userBody().stringType("full_name", "").booleanType("is_staff", false).booleanType("is_admin", false))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getCurrentUser")
  void readsTheAccount(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      CurrentUser me = hub.account();
      assertThat(me.getUsername()).isEqualTo("hubsdk");
      assertThat(me.getDateJoined()).isNotNull();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getCurrentUserUnauthorized(PactDslWithProvider p) {
    return bearer(p.given(INVALID_JWT)
        .uponReceiving("getCurrentUser: a JWT that is not valid")
        .method("GET").path("/v2/user"))
        .willRespondWith().status(401)
        .body(new PactDslJsonBody().stringType("detail", "Given token not valid for any token type"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getCurrentUserUnauthorized")
  void anInvalidJwtIsUnauthorized(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(hub::account).isInstanceOfSatisfying(UnauthorizedException.class,
          e -> assertThat(e.errorBody(DetailError.class)).isPresent());
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getUser(PactDslWithProvider p) {
    return bearer(p.given(MEMBER_OF_ORG)
        .uponReceiving("getUser: a user's public profile")
        .method("GET").pathFromProviderState("/v2/users/${username}", "/v2/users/hubsdk"))
        .willRespondWith().status(200)
        .body(userBody())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getUser")
  void readsAProfile(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.user("hubsdk").getUsername()).isEqualTo("hubsdk");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getUserNotFound(PactDslWithProvider p) {
    return bearer(p.given(MEMBER_OF_ORG)
        .uponReceiving("getUser: an unknown user")
        .method("GET").path("/v2/users/hubsdk-no-such-user-4f1c"))
        .willRespondWith().status(404)
        .body(new PactDslJsonBody().stringType("detail", "Not found."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getUserNotFound")
  void anUnknownUserIsNotFound(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.user("hubsdk-no-such-user-4f1c")).isInstanceOf(NotFoundException.class);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listCurrentUserOrgs(PactDslWithProvider p) {
    PactDslJsonBody body = pageBody().integerType("count", 1);
    body.minArrayLike("results", 1).stringType("orgname", "hubsdk-org").stringType("id", "5d2c8e0f1a7b4c3d9e6f0a1b2c3d4e5f")
        .closeObject().closeArray();
    return firstPage(p.given(MEMBER_OF_ORG)
        .uponReceiving("listCurrentUserOrgs: the first page")
        .method("GET").path("/v2/user/orgs"))
        .willRespondWith().status(200)
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listCurrentUserOrgs")
  void listsTheOrganizations(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Page<OrganizationProfile> page = hub.organizations().firstPage();
      assertThat(page.items()).extracting(OrganizationProfile::getOrgname).isNotEmpty();
      assertThat(page.totalCount()).isPresent();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listCurrentUserOrgsRateLimited(PactDslWithProvider p) {
    return firstPage(p.given(MEMBER_OF_ORG).given(RATE_LIMITED)
        .uponReceiving("listCurrentUserOrgs: over the rate limit")
        .method("GET").path("/v2/user/orgs"))
        .willRespondWith().status(429)
        .matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listCurrentUserOrgsRateLimited")
  void aRateLimitCarriesRetryAfter(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.organizations().firstPage()).isInstanceOfSatisfying(RateLimitedException.class,
          e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getOrganization(PactDslWithProvider p) {
    return bearer(p.given(MEMBER_OF_ORG)
        .uponReceiving("getOrganization: an organization's profile")
        .method("GET").pathFromProviderState("/v2/orgs/${org}", "/v2/orgs/hubsdk-org"))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringType("orgname", "hubsdk-org").stringType("id",
            "5d2c8e0f1a7b4c3d9e6f0a1b2c3d4e5f").stringMatcher("date_joined", RFC3339, EXAMPLE_TIME))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getOrganization")
  void readsAnOrganization(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.organization("hubsdk-org").profile().getOrgname()).isEqualTo("hubsdk-org");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getOrganizationNotFound(PactDslWithProvider p) {
    return bearer(p.given(MEMBER_OF_ORG)
        .uponReceiving("getOrganization: an unknown organization")
        .method("GET").path("/v2/orgs/hubsdk-no-such-org-4f1c"))
        .willRespondWith().status(404)
        .body(new PactDslJsonBody().stringType("detail", "Not found."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getOrganizationNotFound")
  void anUnknownOrganizationIsNotFound(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org("hubsdk-no-such-org-4f1c").profile()).isInstanceOf(NotFoundException.class);
    }
  }
}
