package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
import static io.github.hubsdk.contracts.states.RepositoryGroupsState.*;
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
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.openapi.model.DetailError;
import io.github.hubsdk.openapi.model.RepositoryGroup;
import io.github.hubsdk.openapi.model.RepositoryGroupPermission;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A team's permission on a repository (the four repository-group operations of the repositories tag): grant
 * is documented, read/change/revoke are what the Terraform provider calls. The rest of the tag's interactions
 * live in their own class.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class RepositoryGroupsPactTest {

  static final String NS = "hubsdk-org";
  static final String REPO = "hubsdk-web";
  static final long GROUP_ID = 1104L;
  static final String GROUPS = "/v2/repositories/${namespace}/${repository}/groups";
  static final String EXAMPLE_GROUPS = "/v2/repositories/hubsdk-org/hubsdk-web/groups";
  static final String GRANT = GROUPS + "/${group_id}";
  static final String EXAMPLE_GRANT = EXAMPLE_GROUPS + "/" + GROUP_ID;

  private static PactDslJsonBody grant(String permission) {
    return new PactDslJsonBody().integerType("group_id", GROUP_ID).stringType("group_name", "hubsdk-team")
        .stringValue("permission", permission);
  }

  @Pact(consumer = CONSUMER)
  V4Pact assignRepositoryGroup(PactDslWithProvider p) {
    return bearer(json(p.given(REPO_AND_GROUP)
        .uponReceiving("assignRepositoryGroup: give a team write access")
        .method("POST").pathFromProviderState(GROUPS, EXAMPLE_GROUPS)))
        .body(new PactDslJsonBody().valueFromProviderState("group_id", "${group_id}", GROUP_ID)
            .stringValue("permission", "write"))
        .willRespondWith().status(200)
        .body(grant("write"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "assignRepositoryGroup")
  void grantsAPermission(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      RepositoryGroup g = hub.repository(NS, REPO).groups().grant(GROUP_ID, RepositoryGroupPermission.WRITE);
      assertThat(g.getPermission()).isEqualTo(RepositoryGroupPermission.WRITE);
      assertThat(g.getGroupId()).isNotNull();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact assignRepositoryGroupUnknownGroup(PactDslWithProvider p) {
    PactDslJsonBody error = new PactDslJsonBody();
    error.object("fields")
        .eachLike("group_id", PactDslJsonRootValue.stringType("Invalid pk \"987654321\" - object does not exist."), 1)
        .closeObject();
    return bearer(json(p.given(REPO_AND_GROUP)
        .uponReceiving("assignRepositoryGroup: an id that is no group of the organization is a field error")
        .method("POST").pathFromProviderState(GROUPS, EXAMPLE_GROUPS)))
        .body(new PactDslJsonBody().integerType("group_id", 987654321L).stringValue("permission", "read"))
        .willRespondWith().status(400)
        .body(error)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "assignRepositoryGroupUnknownGroup")
  void anUnknownGroupIsAFieldError(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.repository(NS, REPO).groups().grant(987654321L, RepositoryGroupPermission.READ))
          .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.fieldErrors()).containsKey("group_id"));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getRepositoryGroup(PactDslWithProvider p) {
    return bearer(p.given(GROUP_CAN_WRITE)
        .uponReceiving("getRepositoryGroup: a team's permission")
        .method("GET").pathFromProviderState(GRANT, EXAMPLE_GRANT))
        .willRespondWith().status(200)
        .body(grant("write"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepositoryGroup")
  void readsAPermission(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.repository(NS, REPO).groups().get(GROUP_ID).getPermission()).isEqualTo(RepositoryGroupPermission.WRITE);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getRepositoryGroupNotFound(PactDslWithProvider p) {
    return bearer(p.given(REPO_AND_GROUP)
        .uponReceiving("getRepositoryGroup: a team without access to the repository")
        .method("GET").pathFromProviderState(GRANT, EXAMPLE_GRANT))
        .willRespondWith().status(404)
        .body(new PactDslJsonBody().stringType("detail", "Not found."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepositoryGroupNotFound")
  void noPermissionIsNotFoundOrEmpty(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.repository(NS, REPO).groups().get(GROUP_ID)).isInstanceOfSatisfying(
          NotFoundException.class, e -> assertThat(e.errorBody(DetailError.class)).isPresent());
      assertThat(hub.repository(NS, REPO).groups().find(GROUP_ID)).isEmpty();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getRepositoryGroupRateLimited(PactDslWithProvider p) {
    return bearer(p.given(GROUP_CAN_WRITE).given(RATE_LIMITED)
        .uponReceiving("getRepositoryGroup: over the rate limit")
        .method("GET").pathFromProviderState(GRANT, EXAMPLE_GRANT))
        .willRespondWith().status(429)
        .matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepositoryGroupRateLimited")
  void aRateLimitCarriesRetryAfter(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.repository(NS, REPO).groups().get(GROUP_ID)).isInstanceOfSatisfying(
          RateLimitedException.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact updateRepositoryGroup(PactDslWithProvider p) {
    return bearer(json(p.given(GROUP_CAN_WRITE)
        .uponReceiving("updateRepositoryGroup: raise a team to admin")
        .method("PATCH").pathFromProviderState(GRANT, EXAMPLE_GRANT)))
        .body(new PactDslJsonBody().stringValue("permission", "admin"))
        .willRespondWith().status(200)
        .body(grant("admin"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateRepositoryGroup")
  void changesAPermission(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.repository(NS, REPO).groups().change(GROUP_ID, RepositoryGroupPermission.ADMIN).getPermission())
          .isEqualTo(RepositoryGroupPermission.ADMIN);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteRepositoryGroup(PactDslWithProvider p) {
    return bearer(p.given(GROUP_CAN_WRITE)
        .uponReceiving("deleteRepositoryGroup: revoke a team's access")
        .method("DELETE").pathFromProviderState(GRANT, EXAMPLE_GRANT))
        .willRespondWith().status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteRepositoryGroup")
  void revokesAPermission(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.repository(NS, REPO).groups().revoke(GROUP_ID);
    }
  }
}
