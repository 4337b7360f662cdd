package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.AuditLogsState.*;
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
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.client.error.UnauthorizedException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.model.AuditLogActions;
import io.github.hubsdk.openapi.model.AuditLogEvent;
import io.github.hubsdk.openapi.model.RpcStatus;
import io.github.hubsdk.openapi.model.TxnError;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Audit log events and the action catalogue. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class AuditLogsPactTest {

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

  /** 401/403 are the Hub's usual {message, errinfo} (seen live, docker/hub-feedback#2367), not a gRPC status. */
  @Pact(consumer = CONSUMER)
  V4Pact listAuditLogsUnauthorized(PactDslWithProvider p) {
    return firstPage(p.given(INVALID_JWT)
        .uponReceiving("listAuditLogs: a JWT that is not valid")
        .method("GET").path("/v2/auditlogs/hubsdk-org"))
        .willRespondWith().status(401)
        .body(new PactDslJsonBody().stringType("message", "authentication required").object("errinfo").closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listAuditLogsUnauthorized")
  void invalidJwtIsUnauthorizedWithTheHubsBody(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.auditLogs("hubsdk-org").list().firstPage())
          .isInstanceOfSatisfying(UnauthorizedException.class,
              e -> assertThat(e.errorBody(TxnError.class)).get().extracting(TxnError::getMessage)
                  .isEqualTo("authentication required"));
    }
  }

  /** Only a server error is the gRPC gateway's {code, message, details}. */
  @Pact(consumer = CONSUMER)
  V4Pact listAuditLogsServerError(PactDslWithProvider p) {
    return firstPage(p.given(AUDIT_FAILING)
        .uponReceiving("listAuditLogs: a server error is a gRPC status")
        .method("GET").pathFromProviderState("/v2/auditlogs/${account}", "/v2/auditlogs/hubsdk-org"))
        .willRespondWith().status(500)
        .body(new PactDslJsonBody().integerType("code", 13).stringType("message", "internal error")
            .array("details").closeArray())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listAuditLogsServerError")
  void aServerErrorIsTypedWithItsRpcStatus(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.auditLogs("hubsdk-org").list().firstPage())
          .isInstanceOfSatisfying(ServerErrorException.class,
              e -> assertThat(e.errorBody(RpcStatus.class)).get().extracting(RpcStatus::getCode).isEqualTo(13));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listAuditLogsRateLimited(PactDslWithProvider p) {
    return firstPage(p.given(AUDIT).given(RATE_LIMITED)
        .uponReceiving("listAuditLogs: over the rate limit")
        .method("GET").pathFromProviderState("/v2/auditlogs/${account}", "/v2/auditlogs/hubsdk-org"))
        .willRespondWith().status(429)
        .matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listAuditLogsRateLimited")
  void rateLimitCarriesRetryAfter(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.auditLogs("hubsdk-org").list().firstPage())
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
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
}
