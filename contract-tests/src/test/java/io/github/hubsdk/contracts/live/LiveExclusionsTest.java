package io.github.hubsdk.contracts.live;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.AccessTokensState.*;
import static io.github.hubsdk.contracts.states.AuthenticationState.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
import static io.github.hubsdk.contracts.states.ImagesState.*;
import static io.github.hubsdk.contracts.states.OrgSettingsState.*;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import io.github.hubsdk.contracts.live.states.LiveImagesStates;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which interactions a live account is spared, depending on its configuration. */
class LiveExclusionsTest {

  private static Interaction interaction(String operationId, int status, String... states) {
    PactDslWithState p = ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER).given(states[0]);
    for (int i = 1; i < states.length; i++) {
      p = p.given(states[i]);
    }
    V4Pact pact = p.uponReceiving(operationId + ": x").method("GET").path("/x").willRespondWith().status(status)
        .toPact(V4Pact.class);
    return pact.getInteractions().get(0);
  }

  private static Interaction interaction(String operationId, String state) {
    return interaction(operationId, 200, state);
  }

  private static LiveConfig config(String secretVariable, String orgPlan) {
    return LiveConfig.fromEnvironment(Map.of("DOCKERHUB_USERNAME", "mona", secretVariable, "s3cret-value",
        "DOCKERHUB_NAMESPACE", "mona", "DOCKERHUB_REPOSITORY", "web", "DOCKERHUB_ORG", "acme",
        "DOCKERHUB_ORG_PLAN", orgPlan), null);
  }

  @Test
  void retiredImageEndpointsAreAlwaysExcluded() {
    LiveConfig c = config("DOCKERHUB_PASSWORD", "business");
    assertThat(LiveExclusions.reason(interaction("listRepositoryImages", IMAGES), c)).hasValue(LiveImagesStates.RETIRED);
    assertThat(LiveExclusions.reason(interaction("deleteImages", USER), c)).hasValue(LiveImagesStates.RETIRED);
    assertThat(LiveExclusions.reason(interaction("listRepositoryImages", 429, IMAGES, RATE_LIMITED), c))
        .hasValue(LiveImagesStates.RETIRED);
  }

  @Test
  void passwordAccountVerifiesAccessTokens() {
    LiveConfig c = config("DOCKERHUB_PASSWORD", "business");
    assertThat(LiveExclusions.reason(interaction("listAccessTokens", PAT), c)).isEmpty();
    assertThat(LiveExclusions.reason(interaction("listAccessTokens", PAT_JWT), c)).isEmpty();
    assertThat(LiveExclusions.reason(interaction("createAuthToken", USER), c)).isEmpty();
  }

  @Test
  void tokenAccountSkipsAccessTokenManagementButNotLogin() {
    LiveConfig c = config("DOCKERHUB_TOKEN", "business");
    assertThat(LiveExclusions.reason(interaction("listAccessTokens", PAT), c)).get().asString()
        .contains("password login");
    assertThat(LiveExclusions.reason(interaction("getAccessToken", USER), c)).get().asString()
        .contains("password login");
    assertThat(LiveExclusions.reason(interaction("createAuthToken", USER), c)).isEmpty();
  }

  @Test
  void orgSettingsFollowThePlanTheAccountDeclares() {
    Interaction business = interaction("getOrgSettings", ORG_BUSINESS);
    Interaction team = interaction("getOrgSettings", ORG_TEAM);
    assertThat(LiveExclusions.reason(business, config("DOCKERHUB_PASSWORD", "business"))).isEmpty();
    assertThat(LiveExclusions.reason(team, config("DOCKERHUB_PASSWORD", "business"))).isPresent();
    assertThat(LiveExclusions.reason(business, config("DOCKERHUB_PASSWORD", "team"))).isPresent();
    assertThat(LiveExclusions.reason(team, config("DOCKERHUB_PASSWORD", "team"))).isEmpty();
    assertThat(LiveExclusions.reason(business, config("DOCKERHUB_PASSWORD", ""))).isPresent();
    assertThat(LiveExclusions.reason(team, config("DOCKERHUB_PASSWORD", ""))).isPresent();
  }

  @Test
  void twoFactorLockOutAndRateLimitStatesAreExcluded() {
    LiveConfig c = config("DOCKERHUB_PASSWORD", "business");
    assertThat(LiveExclusions.reason(interaction("login", USER_2FA), c)).isPresent();
    assertThat(LiveExclusions.reason(interaction("login2fa", PENDING_2FA), c)).isPresent();
    assertThat(LiveExclusions.reason(interaction("createAuthToken", 429, LOCKED_OUT), c)).get().asString()
        .contains("lock");
    assertThat(LiveExclusions.reason(interaction("listAccessTokens", 429, USER, RATE_LIMITED), c)).isPresent();
    assertThat(LiveExclusions.reason(interaction("getOrgSettings", 429, ORG_BUSINESS, RATE_LIMITED), c)).get()
        .asString().contains("rate limit");
  }

  @Test
  void malformedLoginsAreExcludedButTheWrongPasswordIsNot() {
    LiveConfig c = config("DOCKERHUB_PASSWORD", "business");
    assertThat(LiveExclusions.reason(interaction("createAuthToken", 400, USER), c)).get().asString()
        .contains("lock-out");
    assertThat(LiveExclusions.reason(interaction("createAuthToken", 401, USER), c)).isEmpty();
  }

  @Test
  void scimIsVerifiedOnlyForAnSsoOrganization() {
    Interaction users = interaction("listScimUsers", io.github.hubsdk.contracts.states.ScimState.SCIM_ORG);
    Interaction failing = interaction("listScimUsers", 500, io.github.hubsdk.contracts.states.ScimState.SCIM_FAILING);
    assertThat(LiveExclusions.reason(users, config("DOCKERHUB_PASSWORD", "business"))).get().asString()
        .contains("DOCKERHUB_SCIM_TOKEN");
    LiveConfig sso = LiveConfig.fromEnvironment(Map.of("DOCKERHUB_USERNAME", "mona", "DOCKERHUB_PASSWORD", "s3cret",
        "DOCKERHUB_NAMESPACE", "mona", "DOCKERHUB_REPOSITORY", "web", "DOCKERHUB_ORG", "acme",
        "DOCKERHUB_SCIM_TOKEN", "scim-token-value", "DOCKERHUB_SCIM_USER", "jane@acme.example"), null);
    assertThat(sso.hasScim()).isTrue();
    assertThat(sso.toString()).doesNotContain("scim-token-value");
    assertThat(LiveExclusions.reason(users, sso)).isEmpty();
    assertThat(LiveExclusions.reason(failing, sso)).get().asString().contains("emulator only");
  }

  @Test
  void invalidJwtIsServedLiveWhateverTheTag() {
    LiveConfig c = config("DOCKERHUB_PASSWORD", "business");
    assertThat(LiveExclusions.reason(interaction("listAuditLogs", 401, INVALID_JWT), c)).isEmpty();
  }
}
