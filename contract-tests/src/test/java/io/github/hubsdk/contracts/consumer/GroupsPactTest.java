package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
import static io.github.hubsdk.contracts.states.GroupsState.*;
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
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.model.DetailError;
import io.github.hubsdk.openapi.model.Group;
import io.github.hubsdk.openapi.model.GroupMember;
import io.github.hubsdk.openapi.model.UpdateGroupRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An organization's groups (teams) and their members: what an identity-provider sync calls. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class GroupsPactTest {

  static final String ORG = "hubsdk-org";
  static final String GROUP = "hubsdk-team";
  static final String GROUP_PATH = "/v2/orgs/${org}/groups/${group}";
  static final String EXAMPLE_GROUP_PATH = "/v2/orgs/hubsdk-org/groups/hubsdk-team";
  static final String DESCRIPTION = "hubsdk contract team";

  /** A group as every answer carries it; the SDK needs the id (repository permissions) and the name. */
  private static PactDslJsonBody groupBody(PactDslJsonBody body) {
    return body.integerType("id", 1104L).stringMatcher("uuid", UUID, EXAMPLE_UUID).stringType("name", GROUP)
        .stringType("description", DESCRIPTION).integerType("member_count", 1);
  }

  @Pact(consumer = CONSUMER)
  V4Pact listGroups(PactDslWithProvider p) {
    PactDslJsonBody body = pageBody().integerType("count", 1);
    groupBody(body.minArrayLike("results", 1)).closeObject().closeArray();
    return firstPage(p.given(GROUP_WITH_MEMBER)
        .uponReceiving("listGroups: the first page")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/groups", "/v2/orgs/hubsdk-org/groups"))
        .willRespondWith().status(200)
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listGroups")
  void listsTheGroups(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Page<Group> page = hub.org(ORG).groups().list().firstPage();
      assertThat(page.items()).extracting(Group::getId).doesNotContainNull();
      assertThat(page.totalCount()).isPresent();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listGroupsRateLimited(PactDslWithProvider p) {
    return firstPage(p.given(GROUP_WITH_MEMBER).given(RATE_LIMITED)
        .uponReceiving("listGroups: over the rate limit")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/groups", "/v2/orgs/hubsdk-org/groups"))
        .willRespondWith().status(429)
        .matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listGroupsRateLimited")
  void aRateLimitCarriesRetryAfter(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).groups().list().firstPage()).isInstanceOfSatisfying(
          RateLimitedException.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createGroup(PactDslWithProvider p) {
    return bearer(json(p.given(OWNS_ORG)
        .uponReceiving("createGroup: a new group")
        .method("POST").pathFromProviderState("/v2/orgs/${org}/groups", "/v2/orgs/hubsdk-org/groups")))
        .body(new PactDslJsonBody().valueFromProviderState("name", "${name}", GROUP + "-new")
            .stringValue("description", DESCRIPTION))
        .willRespondWith().status(201)
        .body(groupBody(new PactDslJsonBody()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createGroup")
  void createsAGroup(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Group g = hub.org(ORG).groups().create(GROUP + "-new", DESCRIPTION);
      assertThat(g.getId()).isNotNull();
      assertThat(g.getName()).isNotBlank();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createGroupTaken(PactDslWithProvider p) {
    PactDslJsonBody error = new PactDslJsonBody();
    error.object("fields")
        .eachLike("name", PactDslJsonRootValue.stringType("A group with this name already exists in the organization."), 1)
        .closeObject();
    return bearer(json(p.given(GROUP_WITH_MEMBER)
        .uponReceiving("createGroup: a name the organization already has is a field error")
        .method("POST").pathFromProviderState("/v2/orgs/${org}/groups", "/v2/orgs/hubsdk-org/groups")))
        .body(new PactDslJsonBody().valueFromProviderState("name", "${group}", GROUP))
        .willRespondWith().status(400)
        .body(error)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createGroupTaken")
  void aTakenNameIsAFieldError(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).groups().create(GROUP)).isInstanceOfSatisfying(BadRequestException.class,
          e -> assertThat(e.fieldErrors()).containsKey("name"));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getGroup(PactDslWithProvider p) {
    return bearer(p.given(GROUP_WITH_MEMBER)
        .uponReceiving("getGroup: one group")
        .method("GET").pathFromProviderState(GROUP_PATH, EXAMPLE_GROUP_PATH))
        .willRespondWith().status(200)
        .body(groupBody(new PactDslJsonBody()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getGroup")
  void readsAGroup(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Group g = hub.org(ORG).group(GROUP).get();
      assertThat(g.getName()).isEqualTo(GROUP);
      assertThat(g.getMemberCount()).isNotNull();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getGroupNotFound(PactDslWithProvider p) {
    return bearer(p.given(OWNS_ORG)
        .uponReceiving("getGroup: an unknown group")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/groups/hubsdk-no-such-group-4f1c",
            "/v2/orgs/hubsdk-org/groups/hubsdk-no-such-group-4f1c"))
        .willRespondWith().status(404)
        .body(new PactDslJsonBody().stringType("detail", "Not found."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getGroupNotFound")
  void anUnknownGroupIsNotFound(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).group("hubsdk-no-such-group-4f1c").get()).isInstanceOfSatisfying(
          NotFoundException.class, e -> assertThat(e.errorBody(DetailError.class)).isPresent());
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact replaceGroup(PactDslWithProvider p) {
    return bearer(json(p.given(GROUP_WITH_MEMBER)
        .uponReceiving("replaceGroup: the same name, a new description")
        .method("PUT").pathFromProviderState(GROUP_PATH, EXAMPLE_GROUP_PATH)))
        .body(new PactDslJsonBody().valueFromProviderState("name", "${group}", GROUP)
            .stringValue("description", DESCRIPTION + " (replaced)"))
        .willRespondWith().status(200)
        .body(groupBody(new PactDslJsonBody()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "replaceGroup")
  void replacesAGroup(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.org(ORG).group(GROUP).replace(GROUP, DESCRIPTION + " (replaced)").getId()).isNotNull();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact updateGroup(PactDslWithProvider p) {
    return bearer(json(p.given(GROUP_WITH_MEMBER)
        .uponReceiving("updateGroup: change the description only")
        .method("PATCH").pathFromProviderState(GROUP_PATH, EXAMPLE_GROUP_PATH)))
        .body(new PactDslJsonBody().stringValue("description", DESCRIPTION + " (updated)"))
        .willRespondWith().status(200)
        .body(groupBody(new PactDslJsonBody()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateGroup")
  void updatesAGroup(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.org(ORG).group(GROUP).update(new UpdateGroupRequest().description(DESCRIPTION + " (updated)"))
          .getName()).isNotBlank();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteGroup(PactDslWithProvider p) {
    return bearer(p.given(GROUP_WITH_MEMBER)
        .uponReceiving("deleteGroup: delete a group")
        .method("DELETE").pathFromProviderState(GROUP_PATH, EXAMPLE_GROUP_PATH))
        .willRespondWith().status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteGroup")
  void deletesAGroup(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.org(ORG).group(GROUP).delete();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listGroupMembers(PactDslWithProvider p) {
    PactDslJsonBody body = pageBody().integerType("count", 1);
    body.minArrayLike("results", 1).stringType("username", "hubsdk").stringType("id", "0ab70deb065a43fcacd55d48caa945d8")
        .stringMatcher("type", "User|Org", "User").closeObject().closeArray();
    return firstPage(p.given(GROUP_WITH_MEMBER)
        .uponReceiving("listGroupMembers: the first page")
        .method("GET").pathFromProviderState(GROUP_PATH + "/members", EXAMPLE_GROUP_PATH + "/members"))
        .willRespondWith().status(200)
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listGroupMembers")
  void listsTheMembers(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Page<GroupMember> page = hub.org(ORG).group(GROUP).members().firstPage();
      assertThat(page.items()).extracting(GroupMember::getUsername).isNotEmpty();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact addGroupMember(PactDslWithProvider p) {
    return bearer(json(p.given(EMPTY_GROUP)
        .uponReceiving("addGroupMember: add a member of the organization")
        .method("POST").pathFromProviderState(GROUP_PATH + "/members", EXAMPLE_GROUP_PATH + "/members")))
        .body(new PactDslJsonBody().valueFromProviderState("member", "${username}", "hubsdk"))
        .willRespondWith().status(200)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "addGroupMember")
  void addsAMember(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.org(ORG).group(GROUP).addMember("hubsdk");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact addGroupMemberServerError(PactDslWithProvider p) {
    return bearer(json(p.given(ADD_MEMBER_FAILING)
        .uponReceiving("addGroupMember: a server error")
        .method("POST").pathFromProviderState(GROUP_PATH + "/members", EXAMPLE_GROUP_PATH + "/members")))
        .body(new PactDslJsonBody().valueFromProviderState("member", "${username}", "hubsdk"))
        .willRespondWith().status(500)
        .body(new PactDslJsonBody().stringType("message", "internal server error"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "addGroupMemberServerError")
  void aServerErrorIsTyped(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).group(GROUP).addMember("hubsdk")).isInstanceOfSatisfying(
          ServerErrorException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.errorBody(DetailError.class)).isPresent();
          });
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact removeGroupMember(PactDslWithProvider p) {
    return bearer(p.given(GROUP_WITH_MEMBER)
        .uponReceiving("removeGroupMember: remove a member")
        .method("DELETE").pathFromProviderState(GROUP_PATH + "/members/${username}",
            EXAMPLE_GROUP_PATH + "/members/hubsdk"))
        .willRespondWith().status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "removeGroupMember")
  void removesAMember(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.org(ORG).group(GROUP).removeMember("hubsdk");
    }
  }
}
