package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.RetryPolicy;
import io.github.hubsdk.client.Scim;
import io.github.hubsdk.client.ScimFilter;
import io.github.hubsdk.client.ScimUserChange;
import io.github.hubsdk.client.error.ConflictException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.ScimConflictException;
import io.github.hubsdk.client.error.ScimFailure;
import io.github.hubsdk.client.error.ScimForbiddenException;
import io.github.hubsdk.client.error.ScimNotFoundException;
import io.github.hubsdk.client.error.ScimUnauthorizedException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.RecordedRequest;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.OrganizationProfile;
import io.github.hubsdk.openapi.model.ScimSortOrder;
import io.github.hubsdk.openapi.model.ScimUser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** SCIM provisioning through DockerHubClient: what an identity provider's sync job does. */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class ScimE2eTest extends SpecCheckedE2e {

  static final String ODD = "o\"brien\\x@example.com";
  static String token;

  DockerHubEmulator hub;
  DockerHubClient client;

  @EmulatorSeed
  static void sso(Seeder s) {
    s.user("mona", "s3cret");
    s.org("acme", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
    token = s.scim("acme").accountEmail("mona", "mona@example.com").user("jane.doe@example.com", "Jane", "Doe")
        .users(230).user(ODD).user("jane+ci@example.com").token();
  }

  List<String> orgsOfMona() {
    try (DockerHubClient mona = E2eSupport.client(hub, Credentials.password("mona", "s3cret"))) {
      return mona.organizations().stream().map(OrganizationProfile::getOrgname).toList();
    }
  }

  @Test
  void provisionDeactivateReactivate() {
    Scim scim = client.scim(token);
    assertThat(orgsOfMona()).isEmpty();
    ScimUser mona = scim.create("mona@example.com", "Mona", "Lisa");
    assertThat(mona.getDisplayName()).isEqualTo("mona");
    assertThat(mona.getActive()).isTrue();
    assertThat(orgsOfMona()).containsExactly("acme");
    String id = mona.getId().toString();

    ScimUser off = scim.deactivate(id);
    assertThat(off.getActive()).isFalse();
    assertThat(off.getName().getFamilyName()).as("deactivating keeps the name").isEqualTo("Lisa");
    assertThat(orgsOfMona()).isEmpty();

    ScimUser renamed = scim.replace(id, ScimUserChange.enabled(true).withFamilyName("Octo"));
    assertThat(renamed.getActive()).isTrue();
    assertThat(renamed.getName().getGivenName()).isEqualTo("Mona");
    assertThat(renamed.getName().getFamilyName()).isEqualTo("Octo");
    assertThat(scim.get(id).getName().getFamilyName()).isEqualTo("Octo");
    assertThat(orgsOfMona()).containsExactly("acme");
    // Every PUT the SDK sent said "enabled": a rename can never deactivate by accident.
    assertThat(E2eSupport.requests(hub, "PUT", "/v2/scim/2.0/Users/")).allMatch(r -> r.body().contains("\"enabled\""));
  }

  @Test
  void aDuplicateIsATypedConflict() {
    Scim scim = client.scim(token);
    assertThatThrownBy(() -> scim.create("Jane.Doe@example.com")).isInstanceOfSatisfying(ScimConflictException.class,
        e -> {
          assertThat(e).isInstanceOf(ConflictException.class);
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.operation()).isEqualTo("createScimUser");
          assertThat(e.scimType()).hasValue("uniqueness");
          assertThat(e.detail()).get().asString().contains("Jane.Doe@example.com");
          assertThat(e.scimStatus()).hasValue("409");
          assertThat(e.getMessage()).contains("scimType uniqueness");
        });
    assertThatThrownBy(() -> scim.get("7beda39d-dce6-469d-8363-cac275f3c433"))
        .isInstanceOf(ScimNotFoundException.class).isInstanceOf(NotFoundException.class);
  }

  @Test
  void usersArePagedTheScimWay() {
    Scim scim = client.scim(token);
    List<ScimUser> all = scim.users().pageSize(50).toList();
    assertThat(all).hasSize(233);
    assertThat(all.get(0).getUserName()).isEqualTo("jane.doe@example.com");
    assertThat(all.get(232).getUserName()).isEqualTo("jane+ci@example.com");
    assertThat(all.stream().map(ScimUser::getId).distinct()).hasSize(233);
    List<String> starts = E2eSupport.requests(hub, "GET", "/v2/scim/2.0/Users").stream().map(RecordedRequest::query)
        .toList();
    assertThat(starts).containsExactly("startIndex=1&count=50", "startIndex=51&count=50", "startIndex=101&count=50",
        "startIndex=151&count=50", "startIndex=201&count=50");

    Page<ScimUser> first = scim.users().pageSize(10).firstPage();
    assertThat(first.totalCount()).hasValue(233);
    assertThat(first.hasNext()).isTrue();
    assertThat(scim.users().parallelism(4).pageSize(20).toList()).extracting(ScimUser::getId)
        .containsExactlyElementsOf(all.stream().map(ScimUser::getId).toList());
    assertThat(scim.users().limit(7).toList()).hasSize(7);
  }

  @Test
  void filtersAreBuiltNotConcatenated() {
    Scim scim = client.scim(token);
    assertThat(scim.users(ScimFilter.userName().eq(ODD)).toList()).extracting(ScimUser::getUserName)
        .containsExactly(ODD);
    // A value written to break out of its quotes stays one value: it matches no one instead of everyone.
    assertThat(scim.users(ScimFilter.userName().eq("x\" or userName sw \"")).toList()).isEmpty();
    assertThat(scim.users(ScimFilter.userName().eq("jane.doe@example.com\\")).toList()).isEmpty();
    assertThat(scim.users(ScimFilter.userName().eq("jane+ci@example.com")).toList()).hasSize(1);
    assertThat(scim.users(ScimFilter.userName().co("100%")).toList()).isEmpty();
    assertThat(scim.users(ScimFilter.familyName().sw("001").and(ScimFilter.active(true))).toList()).hasSize(100);
    assertThat(scim.users(ScimFilter.userName().sw("jane").or(ScimFilter.userName().sw("o\""))
        .and(ScimFilter.not(ScimFilter.userName().co("+")))).toList()).extracting(ScimUser::getUserName)
        .containsExactly("jane.doe@example.com", ODD);
    assertThat(scim.findByUserName("JANE.DOE@example.com")).get().extracting(ScimUser::getDisplayName)
        .isEqualTo("janedoe");
    assertThat(scim.findByUserName("nobody@example.com")).isEmpty();
    assertThat(scim.users(ScimFilter.givenName().eq("Jane"), "userName", ScimSortOrder.DESCENDING).toList())
        .extracting(ScimUser::getUserName).containsExactly("jane.doe@example.com");
    assertThat(scim.users(null, "name.familyName", ScimSortOrder.DESCENDING).limit(1).toList().get(0)
        .getName().getFamilyName()).isEqualTo("Doe");
  }

  @Test
  void discovery() {
    Scim scim = client.scim(token);
    assertThat(scim.serviceProviderConfig().getFilter().getSupported()).isTrue();
    assertThat(scim.serviceProviderConfig().getPatch().getSupported()).isFalse();
    assertThat(scim.resourceTypes()).extracting(t -> t.getName()).containsExactly("User");
    assertThat(scim.resourceType("User").getEndpoint()).isEqualTo("/Users");
    assertThat(scim.schemas()).singleElement().extracting(s -> s.getId())
        .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
    assertThat(scim.schema("urn:ietf:params:scim:schemas:core:2.0:User").getAttributes()).isNotEmpty();
    assertThatThrownBy(() -> scim.resourceType("Group")).isInstanceOf(ScimNotFoundException.class);
  }

  @Test
  void theScimTokenAndTheJwtNeverMeet() {
    client.scim(token).users().firstPage();
    client.accessTokens().list().toList();
    Map<String, String> auth = hub.requests().stream().filter(r -> r.header("Authorization") != null)
        .collect(Collectors.toMap(RecordedRequest::path, r -> r.header("Authorization"), (a, b) -> a));
    assertThat(auth.get("/v2/scim/2.0/Users")).isEqualTo("Bearer " + token);
    assertThat(auth.get("/v2/access-tokens")).isNotEqualTo("Bearer " + token).startsWith("Bearer ey");
    // A client without credentials provisions too, and never logs in.
    try (DockerHubClient idp = DockerHubClient.builder().baseUrl(hub.baseUrl()).build()) {
      assertThat(idp.scim(token).users().firstPage().totalCount()).hasValue(233);
    }
    assertThat(E2eSupport.requests(hub, "POST", "/v2/auth/token")).hasSize(1);
  }

  @Test
  void aWrongTokenIsUnauthorizedAndNeverShown() {
    String wrong = "wrong-scim-token-4f1c9a0b";
    try (DockerHubClient idp = DockerHubClient.builder().baseUrl(hub.baseUrl()).retryPolicy(RetryPolicy.none())
        .build()) {
      assertThatThrownBy(() -> idp.scim(wrong).users().toList()).isInstanceOfSatisfying(
          ScimUnauthorizedException.class, e -> assertThat(e.getMessage()).doesNotContain(wrong));
      // A server that echoes the token back: masked in the message and the parsed body.
      hub.expect().get("/v2/scim/2.0/Users*").andReturn(403, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
          + "Error\"],\"status\":\"403\",\"detail\":\"token " + token + " may not\"}",
          Map.of("Content-Type", "application/scim+json")).once();
      assertThatThrownBy(() -> idp.scim(token).users().toList()).isInstanceOfSatisfying(ScimForbiddenException.class,
          e -> {
            assertThat(e.getMessage()).doesNotContain(token).contains("****");
            assertThat(((ScimFailure) e).detail()).get().asString().doesNotContain(token);
          });
      assertThat(idp.scim(token).toString()).doesNotContain(token);
    }
  }
}
