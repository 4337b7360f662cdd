package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.OrgSettingsState.*;
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
import io.github.hubsdk.client.error.PlanRequiredException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.openapi.api.OrgSettingsApi;
import io.github.hubsdk.openapi.model.OrgSettings;
import io.github.hubsdk.openapi.model.RestrictedImages;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Organization settings (restricted images). */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class OrgSettingsPactTest {

  private static PactDslJsonBody settings(boolean enabled, boolean official, boolean verified, boolean exact) {
    PactDslJsonBody o = new PactDslJsonBody();
    PactDslJsonBody ri = o.object("restricted_images");
    if (exact) {
      ri.booleanValue("enabled", enabled).booleanValue("allow_official_images", official)
          .booleanValue("allow_verified_publishers", verified);
    } else {
      ri.booleanType("enabled", enabled).booleanType("allow_official_images", official)
          .booleanType("allow_verified_publishers", verified);
    }
    return ri.closeObject().asBody();
  }

  @Pact(consumer = CONSUMER)
  V4Pact getOrgSettings(PactDslWithProvider p) {
    return bearer(p.given(ORG_BUSINESS)
        .uponReceiving("getOrgSettings: the restricted images settings")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/settings", "/v2/orgs/hubsdk-org/settings"))
        .willRespondWith().status(200)
        .body(settings(false, true, true, false))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getOrgSettings")
  void readsSettings(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      OrgSettings s = hub.org("hubsdk-org").settings();
      assertThat(s.getRestrictedImages().getEnabled()).isFalse();
      assertThat(s.getRestrictedImages().getAllowOfficialImages()).isTrue();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact updateOrgSettings(PactDslWithProvider p) {
    return bearer(json(p.given(ORG_BUSINESS)
        .uponReceiving("updateOrgSettings: turn restricted images on")
        .method("PUT").pathFromProviderState("/v2/orgs/${org}/settings", "/v2/orgs/hubsdk-org/settings")))
        .body(settings(true, true, false, true))
        .willRespondWith().status(200)
        .body(settings(true, true, false, true))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateOrgSettings")
  void replacesSettings(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      OrgSettings s = hub.org("hubsdk-org").updateSettings(new RestrictedImages().enabled(true).allowOfficialImages(true)
          .allowVerifiedPublishers(false));
      assertThat(s.getRestrictedImages().getEnabled()).isTrue();
      assertThat(s.getRestrictedImages().getAllowVerifiedPublishers()).isFalse();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getOrgSettingsTeamPlan(PactDslWithProvider p) {
    return bearer(p.given(ORG_TEAM)
        .uponReceiving("getOrgSettings: an organization without the Business plan")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/settings", "/v2/orgs/hubsdk-team/settings"))
        .willRespondWith().status(403)
        .body(new PactDslJsonBody().stringMatcher("detail", ".*[Pp]lan.*",
            "Restricted images are only available to organizations on a Business plan."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getOrgSettingsTeamPlan")
  void teamPlanIsPlanRequired(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org("hubsdk-team").settings()).isInstanceOf(PlanRequiredException.class);
    }
  }

  /**
   * Organization.updateSettings refuses incomplete settings before sending; the generated API sends them, so
   * the contract shows the server refuses them too, in the account APIs' field-error shape.
   */
  @Pact(consumer = CONSUMER)
  V4Pact updateOrgSettingsIncomplete(PactDslWithProvider p) {
    return bearer(json(p.given(ORG_BUSINESS)
        .uponReceiving("updateOrgSettings: settings without every flag are a field error")
        .method("PUT").pathFromProviderState("/v2/orgs/${org}/settings", "/v2/orgs/hubsdk-org/settings")))
        .body(new PactDslJsonBody().object("restricted_images").booleanValue("enabled", true)
            .nullValue("allow_official_images").nullValue("allow_verified_publishers").closeObject())
        .willRespondWith().status(400)
        .body(new PactDslJsonBody()
            .object("fields")
            .eachLike("restricted_images", PactDslJsonRootValue.stringType("This field is required."), 1)
            .closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateOrgSettingsIncomplete")
  void incompleteSettingsAreAFieldError(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      OrgSettingsApi api = hub.api(OrgSettingsApi.class);
      assertThatThrownBy(() -> api.updateOrgSettings("hubsdk-org",
          new OrgSettings().restrictedImages(new RestrictedImages().enabled(true))))
          .isInstanceOfSatisfying(BadRequestException.class,
              e -> assertThat(e.fieldErrors()).containsKey("restricted_images"));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getOrgSettingsRateLimited(PactDslWithProvider p) {
    return bearer(p.given(ORG_BUSINESS).given(RATE_LIMITED)
        .uponReceiving("getOrgSettings: over the rate limit")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/settings", "/v2/orgs/hubsdk-org/settings"))
        .willRespondWith().status(429)
        .matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getOrgSettingsRateLimited")
  void rateLimitCarriesRetryAfter(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org("hubsdk-org").settings()).isInstanceOfSatisfying(RateLimitedException.class,
          e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
    }
  }
}
