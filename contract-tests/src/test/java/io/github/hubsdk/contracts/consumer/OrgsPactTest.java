package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
import static io.github.hubsdk.contracts.states.OrgsState.*;
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
import io.github.hubsdk.client.MemberRecord;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.model.OrgMember;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Organization members: list, the CSV export, role change, removal, and their errors. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class OrgsPactTest {

  private static final String ORG = "hubsdk-org";
  private static final String MEMBERS = "/v2/orgs/" + ORG + "/members";
  /** The emulator's export for the state, byte for byte (names with a comma and quotes, Go's time format). */
  static final String EXPORT = "Name,Username,Email,Type,Permission,Teams,Date Joined\n"
      + ",hubsdk,hubsdk@example.com,User,Owner,,2026-01-01 00:00:00 +0000 UTC\n"
      + "\"Member, Hub \"\"SDK\"\"\",hubsdk-member,member@example.com,User,Member,,2026-01-14 10:12:45.873412 +0000 UTC\n";

  @Pact(consumer = CONSUMER)
  V4Pact listOrgMembers(PactDslWithProvider p) {
    PactDslJsonBody body = pageBody().integerType("count", 2);
    body.minArrayLike("results", 1).stringType("username", "hubsdk").stringType("role", "Owner")
        .stringMatcher("type", "User|Org", "User").stringMatcher("date_joined", RFC3339, EXAMPLE_TIME)
        .closeObject().closeArray();
    return firstPage(p.given(ORG_WITH_MEMBER)
        .uponReceiving("listOrgMembers: the first page")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/members", MEMBERS))
        .willRespondWith().status(200).body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listOrgMembers")
  void listsMembers(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Page<OrgMember> page = hub.org(ORG).members().list().firstPage();
      assertThat(page.items()).extracting(OrgMember::getUsername).isNotEmpty();
      assertThat(page.totalCount()).isPresent();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listOrgMembersRateLimited(PactDslWithProvider p) {
    return firstPage(p.given(ORG_WITH_MEMBER).given(RATE_LIMITED)
        .uponReceiving("listOrgMembers: over the rate limit")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/members", MEMBERS))
        .willRespondWith().status(429).matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listOrgMembersRateLimited")
  void aRateLimitCarriesRetryAfter(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).members().list().firstPage())
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listOrgMembersNotFound(PactDslWithProvider p) {
    return firstPage(p.given(ORG_WITH_MEMBER)
        .uponReceiving("listOrgMembers: an unknown organization")
        .method("GET").path("/v2/orgs/hubsdk-no-such-org-4f1c/members"))
        .willRespondWith().status(404)
        .body(new PactDslJsonBody().stringType("detail", "Not found."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listOrgMembersNotFound")
  void anUnknownOrganizationIsNotFound(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org("hubsdk-no-such-org-4f1c").members().list().firstPage())
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact exportOrgMembers(PactDslWithProvider p) {
    return bearer(p.given(ORG_WITH_MEMBER)
        .uponReceiving("exportOrgMembers: the members as CSV")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/members/export", MEMBERS + "/export"))
        .willRespondWith().status(200)
        .matchHeader("Content-Type", "text/csv(;.*)?", "text/csv")
        .body(EXPORT, "text/csv")
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "exportOrgMembers")
  void exportsTypedRecords(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      List<MemberRecord> records = hub.org(ORG).members().export().toList();
      assertThat(records).extracting(MemberRecord::username).containsExactly("hubsdk", "hubsdk-member");
      assertThat(records.get(1).name()).isEqualTo("Member, Hub \"SDK\"");
      assertThat(records.get(1).joinedAt()).isPresent();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact updateOrgMember(PactDslWithProvider p) {
    return bearer(json(p.given(ORG_WITH_MEMBER)
        .uponReceiving("updateOrgMember: make a member an editor")
        .method("PUT").pathFromProviderState("/v2/orgs/${org}/members/${username}", MEMBERS + "/" + MEMBER)))
        .body(new PactDslJsonBody().stringValue("role", "Editor"))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringType("username", MEMBER).stringValue("role", "Editor"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateOrgMember")
  void changesARole(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.org(ORG).members().changeRole(MEMBER, "Editor").getRole()).isEqualTo("Editor");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact removeOrgMember(PactDslWithProvider p) {
    return bearer(p.given(ORG_WITH_MEMBER)
        .uponReceiving("removeOrgMember: remove a member")
        .method("DELETE").pathFromProviderState("/v2/orgs/${org}/members/${username}", MEMBERS + "/" + MEMBER))
        .willRespondWith().status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "removeOrgMember")
  void removesAMember(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.org(ORG).members().remove(MEMBER);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact removeOrgMemberLastOwner(PactDslWithProvider p) {
    return bearer(p.given(ORG_WITH_MEMBER)
        .uponReceiving("removeOrgMember: the last owner stays")
        .method("DELETE").pathFromProviderState("/v2/orgs/${org}/members/${owner}", MEMBERS + "/hubsdk"))
        .willRespondWith().status(400)
        .body(new PactDslJsonBody().object("fields")
            .eachLike("username", PactDslJsonRootValue.stringType("An organization needs at least one owner."), 1)
            .closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "removeOrgMemberLastOwner")
  void theLastOwnerCannotBeRemoved(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).members().remove("hubsdk")).isInstanceOf(BadRequestException.class);
    }
  }
}
