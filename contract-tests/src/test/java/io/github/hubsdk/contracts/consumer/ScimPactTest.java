package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.CallerState.RATE_LIMITED;
import static io.github.hubsdk.contracts.states.ScimState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.RetryPolicy;
import io.github.hubsdk.client.Scim;
import io.github.hubsdk.client.ScimFilter;
import io.github.hubsdk.client.ScimUserChange;
import io.github.hubsdk.client.error.ConflictException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.error.ScimConflictException;
import io.github.hubsdk.client.error.ScimNotFoundException;
import io.github.hubsdk.client.error.ScimServerErrorException;
import io.github.hubsdk.client.error.ScimUnauthorizedException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.model.ScimUser;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SCIM 2.0 provisioning, as an identity provider's sync job calls it through the SDK: the nine operations,
 * the SCIM error bodies (401, 404, 409, 500) and the rate limit. The bearer is the SCIM token.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class ScimPactTest {

  static final String SCIM_JSON = "application/scim+json";
  static final String SCIM_JSON_MATCH = "application/scim\\+json(;.*)?";
  static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final String EXAMPLE_ID = "7beda39d-dce6-469d-8363-cac275f3c433";
  static final String EXAMPLE_USER = "jane.doe@example.com";
  static final String EXAMPLE_NEW_USER = "hubsdk-contract-new@example.com";

  /**
   * The request carries the SCIM token (example: the consumer's fake one); the verifications' token comes
   * from the provider state's {@code bearer}, as in {@code Contract.bearer}, so the pact is self-contained.
   */
  static PactDslRequestWithPath scimBearer(PactDslRequestWithPath request) {
    return request.matchHeader("Authorization", "Bearer \\S+", "Bearer " + EXAMPLE_SCIM_TOKEN)
        .headerFromProviderState("Authorization", io.github.hubsdk.contracts.Contract.BEARER_EXPRESSION,
            "Bearer " + EXAMPLE_SCIM_TOKEN);
  }

  static PactDslRequestWithPath scimBody(PactDslRequestWithPath request) {
    return request.matchHeader("Content-Type", SCIM_JSON_MATCH, SCIM_JSON);
  }

  static PactDslResponse scimAnswer(PactDslResponse response) {
    return response.matchHeader("Content-Type", SCIM_JSON_MATCH, SCIM_JSON);
  }

  static PactDslJsonBody userBody(PactDslJsonBody body) {
    body.array("schemas").stringValue(USER_URN).closeArray();
    return body.stringMatcher("id", UUID, EXAMPLE_ID).stringType("userName", EXAMPLE_USER)
        .stringType("displayName", "janedoe").booleanType("active", true);
  }

  static PactDslJsonBody errorBody(String status, String detail) {
    PactDslJsonBody body = new PactDslJsonBody();
    body.array("schemas").stringValue(ERROR_URN).closeArray();
    return body.stringValue("status", status).stringType("detail", detail);
  }

  /** The SDK's SCIM group over the mock server; the client is closed after {@code test}. */
  static void scim(MockServer server, Consumer<Scim> test) {
    try (DockerHubClient hub = DockerHubClient.builder().baseUrl(server.getUrl()).retryPolicy(RetryPolicy.none())
        .build()) {
      test.accept(hub.scim(EXAMPLE_SCIM_TOKEN));
    }
  }

  // --- discovery ------------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact getScimServiceProviderConfig(PactDslWithProvider p) {
    PactDslJsonBody body = new PactDslJsonBody();
    body.object("filter").booleanType("supported", true).integerType("maxResults", 200).closeObject();
    body.object("patch").booleanType("supported", false).closeObject();
    return scimAnswer(scimBearer(p.given(SCIM_ORG)
        .uponReceiving("getScimServiceProviderConfig: what the service supports")
        .method("GET").path("/v2/scim/2.0/ServiceProviderConfig"))
        .willRespondWith().status(200))
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getScimServiceProviderConfig")
  void readsTheConfig(MockServer server) {
    scim(server, s -> assertThat(s.serviceProviderConfig().getFilter().getSupported()).isTrue());
  }

  @Pact(consumer = CONSUMER)
  V4Pact listScimResourceTypes(PactDslWithProvider p) {
    PactDslJsonBody body = new PactDslJsonBody().integerType("totalResults", 1);
    body.minArrayLike("Resources", 1).stringValue("name", "User").stringValue("endpoint", "/Users")
        .stringValue("schema", USER_URN).closeObject().closeArray();
    return scimAnswer(scimBearer(p.given(SCIM_ORG)
        .uponReceiving("listScimResourceTypes: the User type")
        .method("GET").path("/v2/scim/2.0/ResourceTypes"))
        .willRespondWith().status(200))
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listScimResourceTypes")
  void listsTheResourceTypes(MockServer server) {
    scim(server, s -> assertThat(s.resourceTypes()).extracting(t -> t.getName()).contains("User"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact getScimResourceType(PactDslWithProvider p) {
    return scimAnswer(scimBearer(p.given(SCIM_ORG)
        .uponReceiving("getScimResourceType: User")
        .method("GET").path("/v2/scim/2.0/ResourceTypes/User"))
        .willRespondWith().status(200))
        .body(new PactDslJsonBody().stringValue("name", "User").stringValue("endpoint", "/Users"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getScimResourceType")
  void readsAResourceType(MockServer server) {
    scim(server, s -> assertThat(s.resourceType("User").getEndpoint()).isEqualTo("/Users"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact getScimResourceTypeNotFound(PactDslWithProvider p) {
    return scimAnswer(scimBearer(p.given(SCIM_ORG)
        .uponReceiving("getScimResourceType: a type Docker Hub does not have")
        .method("GET").path("/v2/scim/2.0/ResourceTypes/Group"))
        .willRespondWith().status(404))
        .body(errorBody("404", "resource type not found"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getScimResourceTypeNotFound")
  void anUnknownTypeIsAScimNotFound(MockServer server) {
    scim(server, s -> assertThatThrownBy(() -> s.resourceType("Group"))
        .isInstanceOfSatisfying(ScimNotFoundException.class, e -> assertThat(e.scimStatus()).hasValue("404")));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listScimSchemas(PactDslWithProvider p) {
    PactDslJsonBody body = new PactDslJsonBody().integerType("totalResults", 1);
    body.minArrayLike("Resources", 1).stringValue("id", USER_URN).minArrayLike("attributes", 1)
        .stringType("name", "userName").closeObject().closeArray().closeObject().closeArray();
    return scimAnswer(scimBearer(p.given(SCIM_ORG)
        .uponReceiving("listScimSchemas: the User schema")
        .method("GET").path("/v2/scim/2.0/Schemas"))
        .willRespondWith().status(200))
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listScimSchemas")
  void listsTheSchemas(MockServer server) {
    scim(server, s -> assertThat(s.schemas()).extracting(x -> x.getId()).contains(USER_URN));
  }

  @Pact(consumer = CONSUMER)
  V4Pact getScimSchema(PactDslWithProvider p) {
    PactDslJsonBody body = new PactDslJsonBody().stringValue("id", USER_URN);
    body.minArrayLike("attributes", 1).stringType("name", "userName").closeObject().closeArray();
    return scimAnswer(scimBearer(p.given(SCIM_ORG)
        .uponReceiving("getScimSchema: the User schema by URN")
        .method("GET").path("/v2/scim/2.0/Schemas/" + USER_URN.replace(":", "%3A")))
        .willRespondWith().status(200))
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getScimSchema")
  void readsASchema(MockServer server) {
    scim(server, s -> assertThat(s.schema(USER_URN).getAttributes()).isNotEmpty());
  }

  // --- users ----------------------------------------------------------------------------------------------

  static PactDslRequestWithPath firstScimPage(PactDslRequestWithPath request) {
    return scimBearer(request.matchQuery("startIndex", "\\d+", "1").matchQuery("count", "\\d+", "100"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listScimUsers(PactDslWithProvider p) {
    PactDslJsonBody body = new PactDslJsonBody().integerType("totalResults", 1).integerType("startIndex", 1)
        .integerType("itemsPerPage", 1);
    userBody(body.minArrayLike("Resources", 1)).closeObject().closeArray();
    return scimAnswer(firstScimPage(p.given(SCIM_ORG)
        .uponReceiving("listScimUsers: the first page")
        .method("GET").path("/v2/scim/2.0/Users"))
        .willRespondWith().status(200))
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listScimUsers")
  void listsUsersWithScimPaging(MockServer server) {
    scim(server, s -> {
      Page<ScimUser> page = s.users().firstPage();
      assertThat(page.items()).isNotEmpty();
      assertThat(page.totalCount()).isPresent();
    });
  }

  @Pact(consumer = CONSUMER)
  V4Pact listScimUsersFiltered(PactDslWithProvider p) {
    PactDslJsonBody body = new PactDslJsonBody().integerType("totalResults", 1).integerType("startIndex", 1)
        .integerType("itemsPerPage", 1);
    userBody(body.minArrayLike("Resources", 1)).closeObject().closeArray();
    return scimAnswer(firstScimPage(p.given(SCIM_ORG)
        .uponReceiving("listScimUsers: by userName")
        .method("GET").path("/v2/scim/2.0/Users")
        .queryParameterFromProviderState("filter", "userName eq \"${userName}\"",
            "userName eq \"" + EXAMPLE_USER + "\""))
        .willRespondWith().status(200))
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listScimUsersFiltered")
  void findsAUserByUserName(MockServer server) {
    scim(server, s -> assertThat(s.users(ScimFilter.userName().eq(EXAMPLE_USER)).pageSize(100).firstPage().items())
        .isNotEmpty());
  }

  @Pact(consumer = CONSUMER)
  V4Pact listScimUsersUnauthorized(PactDslWithProvider p) {
    return scimAnswer(firstScimPage(p.given(SCIM_INVALID_TOKEN)
        .uponReceiving("listScimUsers: a token that is no SCIM token")
        .method("GET").path("/v2/scim/2.0/Users"))
        .willRespondWith().status(401))
        .body(errorBody("401", "invalid SCIM token"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listScimUsersUnauthorized")
  void aWrongTokenIsAScimUnauthorized(MockServer server) {
    scim(server, s -> assertThatThrownBy(() -> s.users().firstPage())
        .isInstanceOfSatisfying(ScimUnauthorizedException.class, e -> assertThat(e.status()).isEqualTo(401)));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listScimUsersServerError(PactDslWithProvider p) {
    return scimAnswer(firstScimPage(p.given(SCIM_FAILING)
        .uponReceiving("listScimUsers: a server error is a SCIM error")
        .method("GET").path("/v2/scim/2.0/Users"))
        .willRespondWith().status(500))
        .body(errorBody("500", "internal error"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listScimUsersServerError")
  void aServerErrorIsTyped(MockServer server) {
    scim(server, s -> assertThatThrownBy(() -> s.users().firstPage())
        .isInstanceOfSatisfying(ScimServerErrorException.class, e -> assertThat(e.detail()).isPresent()));
  }

  @Pact(consumer = CONSUMER)
  V4Pact listScimUsersRateLimited(PactDslWithProvider p) {
    return firstScimPage(p.given(SCIM_ORG).given(RATE_LIMITED)
        .uponReceiving("listScimUsers: over the rate limit")
        .method("GET").path("/v2/scim/2.0/Users"))
        .willRespondWith().status(429)
        .matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listScimUsersRateLimited")
  void aRateLimitCarriesRetryAfter(MockServer server) {
    scim(server, s -> assertThatThrownBy(() -> s.users().firstPage()).isInstanceOfSatisfying(
        RateLimitedException.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30))));
  }

  @Pact(consumer = CONSUMER)
  V4Pact createScimUser(PactDslWithProvider p) {
    PactDslJsonBody request = new PactDslJsonBody();
    request.array("schemas").stringValue(USER_URN).closeArray();
    request.valueFromProviderState("userName", "${newUserName}", EXAMPLE_NEW_USER);
    request.object("name").stringValue("givenName", "Contract").stringValue("familyName", "Test").closeObject();
    return scimAnswer(scimBody(scimBearer(p.given(SCIM_ORG)
        .uponReceiving("createScimUser: provision a new address")
        .method("POST").path("/v2/scim/2.0/Users")))
        .body(request)
        .willRespondWith().status(201))
        .body(userBody(new PactDslJsonBody()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createScimUser")
  void provisionsAUser(MockServer server) {
    scim(server, s -> assertThat(s.create(EXAMPLE_NEW_USER, "Contract", "Test").getActive()).isTrue());
  }

  @Pact(consumer = CONSUMER)
  V4Pact createScimUserConflict(PactDslWithProvider p) {
    PactDslJsonBody request = new PactDslJsonBody();
    request.array("schemas").stringValue(USER_URN).closeArray();
    request.valueFromProviderState("userName", "${userName}", EXAMPLE_USER);
    return scimAnswer(scimBody(scimBearer(p.given(SCIM_ORG)
        .uponReceiving("createScimUser: an address provisioned already")
        .method("POST").path("/v2/scim/2.0/Users")))
        .body(request)
        .willRespondWith().status(409))
        .body(errorBody("409", "user " + EXAMPLE_USER + " already exists").stringValue("scimType", "uniqueness"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createScimUserConflict")
  void aDuplicateIsAScimConflict(MockServer server) {
    scim(server, s -> assertThatThrownBy(() -> s.create(EXAMPLE_USER)).isInstanceOfSatisfying(
        ScimConflictException.class, e -> {
          assertThat(e).isInstanceOf(ConflictException.class);
          assertThat(e.scimType()).hasValue("uniqueness");
        }));
  }

  @Pact(consumer = CONSUMER)
  V4Pact getScimUser(PactDslWithProvider p) {
    return scimAnswer(scimBearer(p.given(SCIM_ORG)
        .uponReceiving("getScimUser: a provisioned user")
        .method("GET").pathFromProviderState("/v2/scim/2.0/Users/${userId}", "/v2/scim/2.0/Users/" + EXAMPLE_ID))
        .willRespondWith().status(200))
        .body(userBody(new PactDslJsonBody()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getScimUser")
  void readsAUser(MockServer server) {
    scim(server, s -> assertThat(s.get(EXAMPLE_ID).getUserName()).isNotBlank());
  }

  @Pact(consumer = CONSUMER)
  V4Pact getScimUserNotFound(PactDslWithProvider p) {
    return scimAnswer(scimBearer(p.given(SCIM_ORG)
        .uponReceiving("getScimUser: an id no user has")
        .method("GET").path("/v2/scim/2.0/Users/00000000-0000-4000-8000-000000000000"))
        .willRespondWith().status(404))
        .body(errorBody("404", "user not found"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getScimUserNotFound")
  void anUnknownUserIsAScimNotFound(MockServer server) {
    scim(server, s -> assertThatThrownBy(() -> s.get("00000000-0000-4000-8000-000000000000"))
        .isInstanceOf(ScimNotFoundException.class));
  }

  @Pact(consumer = CONSUMER)
  V4Pact replaceScimUser(PactDslWithProvider p) {
    PactDslJsonBody request = new PactDslJsonBody();
    request.array("schemas").stringValue(USER_URN).closeArray();
    request.booleanValue("enabled", true);
    return scimAnswer(scimBody(scimBearer(p.given(SCIM_ORG)
        .uponReceiving("replaceScimUser: keep a user active")
        .method("PUT").pathFromProviderState("/v2/scim/2.0/Users/${userId}", "/v2/scim/2.0/Users/" + EXAMPLE_ID)))
        .body(request)
        .willRespondWith().status(200))
        .body(userBody(new PactDslJsonBody()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "replaceScimUser")
  void keepsAUserActive(MockServer server) {
    scim(server, s -> assertThat(s.replace(EXAMPLE_ID, ScimUserChange.enabled(true)).getActive()).isTrue());
  }
}
