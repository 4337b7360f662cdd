package io.github.hubsdk.contracts.live;

import static io.github.hubsdk.contracts.Contract.*;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which interactions a live account is spared, depending on its configuration. */
class LiveExclusionsTest {

  private static Interaction interaction(String state, String method, String path) {
    V4Pact pact = ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER).given(state).uponReceiving("x")
        .method(method).path(path).willRespondWith().status(200).toPact(V4Pact.class);
    return pact.getInteractions().get(0);
  }

  private static LiveConfig config(String secretVariable, String orgPlan) {
    return LiveConfig.fromEnvironment(Map.of("DOCKERHUB_USERNAME", "mona", secretVariable, "s3cret-value",
        "DOCKERHUB_NAMESPACE", "mona", "DOCKERHUB_REPOSITORY", "web", "DOCKERHUB_ORG", "acme",
        "DOCKERHUB_ORG_PLAN", orgPlan), null);
  }

  @Test
  void retiredImageEndpointsAreAlwaysExcluded() {
    LiveConfig c = config("DOCKERHUB_PASSWORD", "business");
    assertThat(LiveExclusions.reason(interaction(IMAGES, "GET", "/v2/namespaces/a/repositories/b/images"), c))
        .hasValue(LiveExclusions.RETIRED);
    assertThat(LiveExclusions.reason(interaction(USER, "POST", "/v2/namespaces/a/delete-images"), c))
        .hasValue(LiveExclusions.RETIRED);
  }

  @Test
  void passwordAccountVerifiesAccessTokens() {
    LiveConfig c = config("DOCKERHUB_PASSWORD", "business");
    assertThat(LiveExclusions.reason(interaction(PAT, "GET", "/v2/access-tokens"), c)).isEmpty();
    assertThat(LiveExclusions.reason(interaction(PAT_JWT, "GET", "/v2/access-tokens"), c)).isEmpty();
    assertThat(LiveExclusions.reason(interaction(USER, "POST", "/v2/auth/token"), c)).isEmpty();
  }

  @Test
  void tokenAccountSkipsAccessTokenManagementButNotLogin() {
    LiveConfig c = config("DOCKERHUB_TOKEN", "business");
    assertThat(LiveExclusions.reason(interaction(PAT, "GET", "/v2/access-tokens"), c)).get().asString()
        .contains("password login");
    assertThat(LiveExclusions.reason(interaction(USER, "POST", "/v2/auth/token"), c)).isEmpty();
  }

  @Test
  void orgSettingsFollowThePlanTheAccountDeclares() {
    Interaction business = interaction(ORG_BUSINESS, "GET", "/v2/orgs/acme/settings");
    Interaction team = interaction(ORG_TEAM, "GET", "/v2/orgs/acme/settings");
    assertThat(LiveExclusions.reason(business, config("DOCKERHUB_PASSWORD", "business"))).isEmpty();
    assertThat(LiveExclusions.reason(team, config("DOCKERHUB_PASSWORD", "business"))).isPresent();
    assertThat(LiveExclusions.reason(business, config("DOCKERHUB_PASSWORD", "team"))).isPresent();
    assertThat(LiveExclusions.reason(team, config("DOCKERHUB_PASSWORD", "team"))).isEmpty();
    assertThat(LiveExclusions.reason(business, config("DOCKERHUB_PASSWORD", ""))).isPresent();
    assertThat(LiveExclusions.reason(team, config("DOCKERHUB_PASSWORD", ""))).isPresent();
  }

  @Test
  void twoFactorAndRateLimitStatesAreExcluded() {
    LiveConfig c = config("DOCKERHUB_PASSWORD", "business");
    assertThat(LiveExclusions.reason(interaction(USER_2FA, "POST", "/v2/users/login"), c)).isPresent();
    assertThat(LiveExclusions.reason(interaction(PENDING_2FA, "POST", "/v2/users/2fa-login"), c)).isPresent();
    assertThat(LiveExclusions.reason(interaction(RATE_LIMITED, "GET", "/v2/access-tokens"), c)).isPresent();
  }
}
