package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.openapi.model.OrgAccessTokenResource;
import io.github.hubsdk.openapi.model.OrgAccessTokenResourceType;
import io.github.hubsdk.openapi.model.OrgMemberTypeFilter;
import io.github.hubsdk.openapi.model.UpdateOrgAccessTokenRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** The organization groups refuse what the API would reject before anything is sent. */
class OrgAdminInputCheckTest extends RefusedBeforeSending {

  private static final UUID ID = UUID.fromString("b30bbf97-506c-4ecd-aabc-842f3cb484fb");

  static Stream<Arguments> invalidCalls() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add("u" + i + "@example.com");
    }
    return Stream.of(
        new Case("blank OAT label", () -> hub.org("acme").accessTokens().create(" ")),
        new Case("101-char OAT label", () -> hub.org("acme").accessTokens().create("x".repeat(101))),
        new Case("256-char description", () -> hub.org("acme").accessTokens().create("ci", "d".repeat(256), List.of(), null)),
        new Case("null resource", () -> hub.org("acme").accessTokens().create("ci", null, Arrays.asList((OatResource) null), null)),
        new Case("repository path without org", () -> OatResource.repository("web", OatResource.PULL)),
        new Case("resource without scopes", () -> OatResource.repository("acme/web")),
        new Case("resource with a blank scope", () -> OatResource.organization("acme", " ")),
        new Case("resource of unknown type", () -> new OatResource(OrgAccessTokenResourceType.UNKNOWN_DEFAULT_OPEN_API,
            "acme", List.of("x"))),
        new Case("empty OAT patch", () -> hub.org("acme").accessTokens().update(ID, new UpdateOrgAccessTokenRequest())),
        new Case("patch with a bad resource", () -> hub.org("acme").accessTokens().update(ID,
            new UpdateOrgAccessTokenRequest().resources(List.of(new OrgAccessTokenResource().path("acme/web"))))),
        new Case("malformed OAT id", () -> hub.org("acme").accessTokens().get("nope")),
        new Case("null OAT id", () -> hub.org("acme").accessTokens().delete(null)),
        new Case("blank search", () -> MemberFilter.all().search(" ")),
        new Case("unknown member type", () -> MemberFilter.all().type(OrgMemberTypeFilter.UNKNOWN_DEFAULT_OPEN_API)),
        new Case("blank role", () -> hub.org("acme").members().changeRole("bob", " ")),
        new Case("Invitee as a role", () -> hub.org("acme").members().changeRole("bob", "Invitee")),
        new Case("dot-dot member", () -> hub.org("acme").members().remove("..")),
        new Case("no invitees", () -> hub.org("acme").invites().invite(List.of())),
        new Case("blank invitee", () -> hub.org("acme").invites().invite(List.of("a@example.com", " "))),
        new Case("101 invitees", () -> hub.org("acme").invites().invite(many)),
        new Case("blank team", () -> hub.org("acme").invites().invite(List.of("a@example.com")).team("")),
        new Case("null invite id", () -> hub.org("acme").invites().cancel(null))
    ).map(Arguments::of);
  }

  @Test
  void aMemberNameIsOneEncodedSegment() {
    stub.on("POST /v2/auth/token", r -> json(200, TestSupport.authTokenBody("opaque")));
    stub.on("DELETE /v2/orgs/acme/members/..%2Fadmin", r -> HubStub.noContent());
    hub.org("acme").members().remove("../admin");
    assertThat(stub.requests().get(1).rawPath()).isEqualTo("/v2/orgs/acme/members/..%2Fadmin");
  }
}
