package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
import static io.github.hubsdk.contracts.states.InvitesState.*;
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
import io.github.hubsdk.client.OrgInvites;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.ConflictException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.openapi.model.Invite;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Invites: the unpaged list, bulk invites (dry run, real, conflict, full), resend, cancel. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class InvitesPactTest {

  private static final String ORG = "hubsdk-org";
  private static final String INVITEE = "hubsdk-invitee@example.com";
  private static final String MEMBER = "hubsdk";
  private static final String MISSING = "00000000-0000-4000-8000-000000000000";

  private static PactDslJsonBody inviteFields(PactDslJsonBody o) {
    return o.stringMatcher("id", UUID, EXAMPLE_UUID).stringType("inviter_username", "hubsdk")
        .stringType("invitee", INVITEE).stringType("org", ORG).stringMatcher("created_at", RFC3339, EXAMPLE_TIME);
  }

  @Pact(consumer = CONSUMER)
  V4Pact listOrgInvites(PactDslWithProvider p) {
    PactDslJsonBody body = new PactDslJsonBody();
    inviteFields(body.minArrayLike("data", 1)).closeObject().closeArray();
    return bearer(p.given(PENDING_INVITE)
        .uponReceiving("listOrgInvites: every pending invite, unpaged")
        .method("GET").pathFromProviderState("/v2/orgs/${org}/invites", "/v2/orgs/" + ORG + "/invites"))
        .willRespondWith().status(200).body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listOrgInvites")
  void listsPendingInvites(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      List<Invite> invites = hub.org(ORG).invites().list();
      assertThat(invites).isNotEmpty();
      assertThat(invites.get(0).getId()).isNotNull();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createInvitesDryRun(PactDslWithProvider p) {
    return bearer(json(p.given(PENDING_INVITE)
        .uponReceiving("createInvites: a dry run invites nobody")
        .method("POST").path("/v2/invites/bulk")))
        .body(new PactDslJsonBody().valueFromProviderState("org", "${org}", ORG).booleanValue("dry_run", true)
            .array("invitees").valueFromProviderState("${invitee}", INVITEE).closeArray())
        .willRespondWith().status(202)
        .body(new PactDslJsonBody().minArrayLike("invitees", 1).stringType("invitee", INVITEE)
            .stringValue("status", "invited").closeObject().closeArray())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createInvitesDryRun")
  void aDryRunIsTheDefault(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      OrgInvites.InviteOutcome outcome = hub.org(ORG).invites().invite(List.of(INVITEE)).submit();
      assertThat(outcome.dryRun()).isTrue();
      assertThat(outcome.allInvitable()).isTrue();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createInvites(PactDslWithProvider p) {
    PactDslJsonBody body = new PactDslJsonBody();
    inviteFields(body.minArrayLike("invitees", 1).stringType("invitee", INVITEE).stringValue("status", "invited")
        .object("invite")).closeObject().closeObject().closeArray();
    return bearer(json(p.given(PENDING_INVITE)
        .uponReceiving("createInvites: invite someone")
        .method("POST").path("/v2/invites/bulk")))
        .body(new PactDslJsonBody().valueFromProviderState("org", "${org}", ORG).booleanValue("dry_run", false)
            .array("invitees").valueFromProviderState("${invitee}", INVITEE).closeArray())
        .willRespondWith().status(202).body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createInvites")
  void invitesForReal(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      OrgInvites.InviteOutcome outcome = hub.org(ORG).invites().invite(List.of(INVITEE)).dryRun(false).submit();
      assertThat(outcome.dryRun()).isFalse();
      assertThat(outcome.results().get(0).getInvite().getId()).isNotNull();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createInvitesConflict(PactDslWithProvider p) {
    return bearer(json(p.given(PENDING_INVITE)
        .uponReceiving("createInvites: a member is a conflict")
        .method("POST").path("/v2/invites/bulk")))
        .body(new PactDslJsonBody().valueFromProviderState("org", "${org}", ORG).booleanValue("dry_run", true)
            .array("invitees").valueFromProviderState("${member}", MEMBER).closeArray())
        .willRespondWith().status(409)
        .body(new PactDslJsonBody().stringType("detail", "hubsdk is already a member of hubsdk-org"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createInvitesConflict")
  void aMemberIsAConflict(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).invites().invite(List.of(MEMBER)).submit())
          .isInstanceOf(ConflictException.class);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createInvitesFull(PactDslWithProvider p) {
    return bearer(json(p.given(INVITES_FULL)
        .uponReceiving("createInvites: no room for more pending invites")
        .method("POST").path("/v2/invites/bulk")))
        .body(new PactDslJsonBody().valueFromProviderState("org", "${org}", ORG).booleanValue("dry_run", false)
            .array("invitees").valueFromProviderState("${invitee}", INVITEE).closeArray())
        .willRespondWith().status(400)
        .body(new PactDslJsonBody().object("fields")
            .eachLike("invitees", PactDslJsonRootValue.stringType("An organization can have at most 500 pending invites."), 1)
            .closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createInvitesFull")
  void aFullOrganizationIsAFieldError(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).invites().invite(List.of(INVITEE)).dryRun(false).submit())
          .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.fieldErrors()).containsKey("invitees"));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createInvitesRateLimited(PactDslWithProvider p) {
    return bearer(json(p.given(PENDING_INVITE).given(RATE_LIMITED)
        .uponReceiving("createInvites: over the rate limit")
        .method("POST").path("/v2/invites/bulk")))
        .body(new PactDslJsonBody().valueFromProviderState("org", "${org}", ORG).booleanValue("dry_run", true)
            .array("invitees").valueFromProviderState("${invitee}", INVITEE).closeArray())
        .willRespondWith().status(429).matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createInvitesRateLimited")
  void aRateLimitCarriesRetryAfter(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).invites().invite(List.of(INVITEE)).submit())
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact resendInvite(PactDslWithProvider p) {
    return bearer(p.given(PENDING_INVITE)
        .uponReceiving("resendInvite: send the e-mail again")
        .method("PATCH").pathFromProviderState("/v2/invites/${id}/resend", "/v2/invites/" + EXAMPLE_UUID + "/resend"))
        .willRespondWith().status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "resendInvite")
  void resends(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.org(ORG).invites().resend(java.util.UUID.fromString(EXAMPLE_UUID));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact cancelInvite(PactDslWithProvider p) {
    return bearer(p.given(PENDING_INVITE)
        .uponReceiving("cancelInvite: cancel a pending invite")
        .method("DELETE").pathFromProviderState("/v2/invites/${id}", "/v2/invites/" + EXAMPLE_UUID))
        .willRespondWith().status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "cancelInvite")
  void cancels(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.org(ORG).invites().cancel(java.util.UUID.fromString(EXAMPLE_UUID));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact cancelInviteNotFound(PactDslWithProvider p) {
    return bearer(p.given(PENDING_INVITE)
        .uponReceiving("cancelInvite: an unknown invite")
        .method("DELETE").path("/v2/invites/" + MISSING))
        .willRespondWith().status(404)
        .body(new PactDslJsonBody().stringType("detail", "Not found."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "cancelInviteNotFound")
  void anUnknownInviteIsNotFound(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.org(ORG).invites().cancel(java.util.UUID.fromString(MISSING))).isInstanceOf(NotFoundException.class);
    }
  }
}
