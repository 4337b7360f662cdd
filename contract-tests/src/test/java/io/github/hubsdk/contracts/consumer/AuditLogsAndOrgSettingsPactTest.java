package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
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
import io.github.hubsdk.client.error.PlanRequiredException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.model.AuditLogActions;
import io.github.hubsdk.openapi.model.AuditLogEvent;
import io.github.hubsdk.openapi.model.OrgSettings;
import io.github.hubsdk.openapi.model.RestrictedImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Audit logs and organization settings. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class AuditLogsAndOrgSettingsPactTest {

  @Pact(consumer = CONSUMER)
  V4Pact listAuditLogs(PactDslWithProvider p) {
    PactDslJsonBody body = new PactDslJsonBody();
    body.minArrayLike("logs", 1)
        .stringType("account", "hubsdk-org")
        .stringType("action", "repo.tag.push")
        .stringType("name", "hubsdk-org/web")
        .stringType("actor", "hubsdk")
        .stringMatcher("timestamp", RFC3339, EXAMPLE_TIME)
        .stringType("action_description", "pushed the tag latest")
        .object("data").closeObject()
        .closeObject().closeArray();
    return firstPage(p.given(AUDIT)
        .uponReceiving("listAuditLogs: the first page")
        .method("GET").pathFromProviderState("/v2/auditlogs/${account}", "/v2/auditlogs/hubsdk-org"))
        .willRespondWith().status(200)
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listAuditLogs")
  void listsEvents(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Page<AuditLogEvent> page = hub.auditLogs("hubsdk-org").list().firstPage();
      assertThat(page.items()).hasSize(1);
      assertThat(page.items().get(0).getAction()).isEqualTo("repo.tag.push");
      assertThat(page.items().get(0).getTimestamp()).isNotNull();
      // Audit log pages carry no count: a short page is the last.
      assertThat(page.totalCount()).isEmpty();
      assertThat(page.hasNext()).isFalse();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listAuditLogActions(PactDslWithProvider p) {
    PactDslJsonBody body = new PactDslJsonBody();
    body.object("actions").object("repo").stringType("label", "Repository")
        .minArrayLike("actions", 1)
        .stringType("name", "tag.push").stringType("description", "contains image tag push events")
        .stringType("label", "Tag Pushed")
        .closeObject().closeArray().closeObject().closeObject();
    return bearer(p.given(AUDIT)
        .uponReceiving("listAuditLogActions: the catalogue")
        .method("GET").pathFromProviderState("/v2/auditlogs/${account}/actions", "/v2/auditlogs/hubsdk-org/actions"))
        .willRespondWith().status(200)
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listAuditLogActions")
  void listsTheActionCatalogue(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      AuditLogActions actions = hub.auditLogs("hubsdk-org").actions();
      assertThat(actions.getActions()).containsKey("repo");
      assertThat(actions.getActions().get("repo").getActions()).extracting(a -> a.getName()).contains("tag.push");
    }
  }

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
}
