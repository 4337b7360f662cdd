package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SCIM 2.0 provisioning: its own bearer, media type and error bodies, users tied to seats in the organization,
 * filters, SCIM paging and discovery. Every answer is validated against the spec (EmulatorTestSupport).
 */
class ScimTest extends EmulatorTestSupport {

  static final String SCIM_JSON = "application/scim+json";
  static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
  String token;
  String otherToken;

  void startWithSso() {
    String[] tokens = new String[2];
    start(b -> b.seed(s -> {
      s.user("mona", "s3cret");
      s.org("acme", Plan.BUSINESS).owners("hubsdk");
      s.org("globex", Plan.BUSINESS).owners("hubsdk");
      tokens[0] = s.scim("acme").accountEmail("mona", "mona@example.com")
          .user("jane.doe@example.com", "Jane", "Doe").user("john.roe@example.com", "John", "Roe").token();
      tokens[1] = s.scim("globex").token("globex-scim-token-0123456789").user("zoe@globex.example").token();
    }));
    token = tokens[0];
    otherToken = tokens[1];
  }

  Resp scim(String method, String pathAndQuery, String bearer, Object body) {
    try {
      HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(hub.baseUrl() + pathAndQuery))
          .timeout(Duration.ofSeconds(30));
      String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      req.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
      if (text != null) {
        req.header("Content-Type", SCIM_JSON);
      }
      if (bearer != null) {
        req.header("Authorization", "Bearer " + bearer);
      }
      HttpResponse<String> response = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
      return new Resp(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Resp users(String query) {
    return scim("GET", "/v2/scim/2.0/Users" + query, token, null);
  }

  Resp filter(String filter) {
    return users("?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
  }

  List<String> userNames(Resp r) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.json().get("Resources").findValuesAsText("userName");
  }

  static void assertScimError(Resp r, int status, String scimType) {
    assertThat(r.status()).as("%s", r).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo(SCIM_JSON);
    assertThat(r.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(r.json().get("status").asText()).isEqualTo(Integer.toString(status));
    assertThat(r.json().get("detail").asText()).isNotBlank();
    if (scimType == null) {
      assertThat(r.json().has("scimType")).isFalse();
    } else {
      assertThat(r.json().get("scimType").asText()).isEqualTo(scimType);
    }
  }

  static Map<String, Object> newUser(String userName) {
    return Map.of("schemas", List.of(USER_URN), "userName", userName, "name", Map.of("givenName", "New",
        "familyName", "Person"));
  }

  List<String> orgsOf(String user, String password) {
    return get("/v2/user/orgs", login(user, password)).json().get("results").findValuesAsText("orgname");
  }

  @Test
  void discoveryDescribesWhatIsSupported() {
    startWithSso();
    Resp config = scim("GET", "/v2/scim/2.0/ServiceProviderConfig", token, null);
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.header("Content-Type")).isEqualTo(SCIM_JSON);
    assertThat(config.json().at("/filter/supported").asBoolean()).isTrue();
    assertThat(config.json().at("/filter/maxResults").asInt()).isEqualTo(200);
    assertThat(config.json().at("/patch/supported").asBoolean()).isFalse();
    Resp types = scim("GET", "/v2/scim/2.0/ResourceTypes", token, null);
    assertThat(types.json().get("totalResults").asInt()).isEqualTo(1);
    assertThat(types.json().at("/Resources/0/endpoint").asText()).isEqualTo("/Users");
    assertThat(scim("GET", "/v2/scim/2.0/ResourceTypes/User", token, null).json().get("schema").asText())
        .isEqualTo(USER_URN);
    assertScimError(scim("GET", "/v2/scim/2.0/ResourceTypes/Group", token, null), 404, null);
    Resp schemas = scim("GET", "/v2/scim/2.0/Schemas", token, null);
    assertThat(schemas.json().at("/Resources/0/id").asText()).isEqualTo(USER_URN);
    Resp schema = scim("GET", "/v2/scim/2.0/Schemas/" + USER_URN, token, null);
    assertThat(schema.json().get("attributes").findValuesAsText("name")).contains("userName", "name", "active",
        "givenName");
    assertScimError(scim("GET", "/v2/scim/2.0/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group", token, null),
        404, null);
  }

  @Test
  void theScimTokenIsABearerOfItsOwn() {
    startWithSso();
    Resp none = scim("GET", "/v2/scim/2.0/Users", null, null);
    assertScimError(none, 401, null);
    assertThat(none.json().get("detail").asText()).isEqualTo("missing SCIM token");
    assertScimError(scim("GET", "/v2/scim/2.0/Users", loginDefault(), null), 401, null);
    assertScimError(scim("GET", "/v2/scim/2.0/ServiceProviderConfig", "not-a-scim-token", null), 401, null);
    // A SCIM token is no Hub JWT either.
    assertThat(get("/v2/user", token).status()).isEqualTo(401);
    // Each token sees its own organization's users only.
    assertThat(userNames(users(""))).containsExactly("jane.doe@example.com", "john.roe@example.com");
    assertThat(userNames(scim("GET", "/v2/scim/2.0/Users", otherToken, null))).containsExactly("zoe@globex.example");
    String janeId = users("").json().at("/Resources/0/id").asText();
    assertScimError(scim("GET", "/v2/scim/2.0/Users/" + janeId, otherToken, null), 404, null);
  }

  @Test
  void aReseededTokenReplacesTheOldOne() {
    startWithSso();
    hub.seed(s -> s.scim("acme").token("acme-rotated-token-0123456789"));
    assertScimError(users(""), 401, null);
    assertThat(userNames(scim("GET", "/v2/scim/2.0/Users", "acme-rotated-token-0123456789", null))).hasSize(2);
  }

  @Test
  void provisioningGivesASeatAndDeactivationTakesItAway() {
    startWithSso();
    assertThat(orgsOf("mona", "s3cret")).isEmpty();
    Resp created = scim("POST", "/v2/scim/2.0/Users", token, newUser("Mona@Example.com"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.header("Content-Type")).isEqualTo(SCIM_JSON);
    JsonNode user = created.json();
    assertThat(user.get("displayName").asText()).as("the account with that address").isEqualTo("mona");
    assertThat(user.get("active").asBoolean()).isTrue();
    assertThat(user.at("/meta/location").asText()).isEqualTo(hub.baseUrl() + "/v2/scim/2.0/Users/"
        + user.get("id").asText());
    assertThat(user.at("/meta/created").asText()).isEqualTo(T0.toString());
    assertThat(orgsOf("mona", "s3cret")).containsExactly("acme");

    clock.advance(Duration.ofMinutes(5));
    String path = "/v2/scim/2.0/Users/" + user.get("id").asText();
    Resp off = scim("PUT", path, token, Map.of("schemas", List.of(USER_URN), "enabled", false));
    assertThat(off.json().get("active").asBoolean()).isFalse();
    assertThat(off.json().at("/meta/lastModified").asText()).isEqualTo(T0.plus(Duration.ofMinutes(5)).toString());
    assertThat(orgsOf("mona", "s3cret")).isEmpty();
    assertThat(scim("GET", path, token, null).json().get("active").asBoolean()).isFalse();

    Resp on = scim("PUT", path, token, Map.of("schemas", List.of(USER_URN), "enabled", true));
    assertThat(on.json().get("active").asBoolean()).isTrue();
    assertThat(orgsOf("mona", "s3cret")).containsExactly("acme");
  }

  /** A member removed by an owner (not through SCIM) has no seat: its SCIM user reads inactive. */
  @Test
  void aMemberRemovedByAnOwnerIsInactive() {
    startWithSso();
    String jane = users("").json().at("/Resources/0/id").asText();
    String name = users("").json().at("/Resources/0/displayName").asText();
    Resp removed = send("DELETE", "/v2/orgs/acme/members/" + name, loginDefault(), null);
    assertThat(removed.status()).as("%s", removed).isEqualTo(204);
    assertThat(scim("GET", "/v2/scim/2.0/Users/" + jane, token, null).json().get("active").asBoolean()).isFalse();
    Resp back = scim("PUT", "/v2/scim/2.0/Users/" + jane, token, Map.of("schemas", List.of(USER_URN), "enabled", true));
    assertThat(back.json().get("active").asBoolean()).isTrue();
  }

  @Test
  void anUnknownAddressGetsANewAccountNamedAfterIt() {
    startWithSso();
    JsonNode a = scim("POST", "/v2/scim/2.0/Users", token, newUser("ab@example.com")).json();
    JsonNode b = scim("POST", "/v2/scim/2.0/Users", token, newUser("a.b@other.example")).json();
    assertThat(a.get("displayName").asText()).isEqualTo("ab00");
    assertThat(b.get("displayName").asText()).isEqualTo("ab001");
    assertThat(a.at("/name/givenName").asText()).isEqualTo("New");
    assertThat(a.at("/emails/0/value").asText()).isEqualTo("ab@example.com");
  }

  @Test
  void aDuplicateIs409Uniqueness() {
    startWithSso();
    Resp again = scim("POST", "/v2/scim/2.0/Users", token, newUser("JANE.DOE@example.com"));
    assertScimError(again, 409, "uniqueness");
    assertThat(again.json().get("detail").asText()).contains("JANE.DOE@example.com");
    // Another organization may provision the same address.
    assertThat(scim("POST", "/v2/scim/2.0/Users", otherToken, newUser("jane.doe@example.com")).status())
        .isEqualTo(201);
  }

  @Test
  void badBodiesAreScimErrors() {
    startWithSso();
    assertScimError(scim("POST", "/v2/scim/2.0/Users", token, Map.of("userName", "x@example.com")), 400,
        "invalidValue");
    assertScimError(scim("POST", "/v2/scim/2.0/Users", token, Map.of("schemas", List.of(USER_URN),
        "userName", "not an address")), 400, "invalidValue");
    assertScimError(scim("POST", "/v2/scim/2.0/Users", token, Map.of("schemas", List.of(USER_URN))), 400,
        "invalidValue");
    assertScimError(scim("POST", "/v2/scim/2.0/Users", token, "[1,2]"), 400, "invalidValue");
    String jane = users("").json().at("/Resources/0/id").asText();
    assertScimError(scim("PUT", "/v2/scim/2.0/Users/" + jane, token, Map.of("enabled", true)), 400, "invalidValue");
    assertScimError(scim("GET", "/v2/scim/2.0/Users/7beda39d-dce6-469d-8363-cac275f3c433", token, null), 404, null);
    assertScimError(scim("GET", "/v2/scim/2.0/Users/not-a-uuid", token, null), 404, null);
  }

  @Test
  void replaceChangesTheNameAndAnAbsentEnabledDeactivates() {
    startWithSso();
    String jane = users("").json().at("/Resources/0/id").asText();
    Resp renamed = scim("PUT", "/v2/scim/2.0/Users/" + jane, token, Map.of("schemas", List.of(USER_URN),
        "name", Map.of("familyName", "Smith")));
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().at("/name/givenName").asText()).as("a part not sent is kept").isEqualTo("Jane");
    assertThat(renamed.json().at("/name/familyName").asText()).isEqualTo("Smith");
    assertThat(renamed.json().get("active").asBoolean()).as("Docker Hub's quirk: no enabled means false").isFalse();
  }

  @Test
  void theLastOwnerCannotBeDeactivated() {
    start(b -> b.seed(s -> {
      s.org("acme", Plan.BUSINESS).owners("hubsdk");
      token = s.scim("acme").accountEmail("hubsdk", "hubsdk@example.com").user("hubsdk@example.com").token();
    }));
    String id = users("").json().at("/Resources/0/id").asText();
    Resp refused = scim("PUT", "/v2/scim/2.0/Users/" + id, token, Map.of("schemas", List.of(USER_URN),
        "enabled", false));
    assertScimError(refused, 409, "mutability");
    assertThat(orgsOf(DockerHubEmulator.DEFAULT_USERNAME, DockerHubEmulator.DEFAULT_PASSWORD)).contains("acme");
  }

  @Test
  void filtersFollowTheScimGrammar() {
    startWithSso();
    assertThat(userNames(filter("userName eq \"jane.doe@example.com\""))).containsExactly("jane.doe@example.com");
    assertThat(userNames(filter("USERNAME EQ \"JANE.DOE@EXAMPLE.COM\""))).containsExactly("jane.doe@example.com");
    assertThat(userNames(filter("userName ne \"jane.doe@example.com\""))).containsExactly("john.roe@example.com");
    assertThat(userNames(filter("userName co \"roe\""))).containsExactly("john.roe@example.com");
    assertThat(userNames(filter("name.givenName sw \"J\" and not (name.familyName eq \"Doe\")")))
        .containsExactly("john.roe@example.com");
    assertThat(userNames(filter("(displayName eq \"janedoe\") or emails.value co \"john\"")))
        .as("new accounts are named after the address").containsExactly("jane.doe@example.com", "john.roe@example.com");
    assertThat(userNames(filter("displayName eq \"janedoe\" and userName sw \"john\""))).isEmpty();
    assertThat(userNames(filter("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"jane\"")))
        .containsExactly("jane.doe@example.com");
    assertThat(userNames(filter("active eq true"))).hasSize(2);
    assertThat(userNames(filter("active eq false"))).isEmpty();
  }

  @Test
  void aQuotedValueCannotEndEarly() {
    startWithSso();
    // Escaped quotes and backslashes are data: this is one comparison with an odd value, matching nobody.
    assertThat(userNames(filter("userName eq \"x\\\" or userName sw \\\"\""))).isEmpty();
    assertThat(userNames(filter("userName eq \"jane.doe@example.com\\\\\""))).isEmpty();
    assertThat(userNames(filter("userName eq \"jane.doe\\u0040example.com\""))).containsExactly("jane.doe@example.com");
  }

  @Test
  void unsupportedFiltersAreRefusedNotIgnored() {
    startWithSso();
    Resp unknown = filter("mail eq \"x\"");
    assertScimError(unknown, 400, "invalidFilter");
    assertThat(unknown.json().get("detail").asText()).isEqualTo("filter: unknown attribute \"mail\"");
    for (String bad : List.of("userName gt \"a\"", "userName pr", "emails[type eq \"work\"]",
        "userName eq \"unterminated", "userName eq \"\\u+041\"", "userName eq \"\\x\"",
        "userName eq jane", "userName eq", "(userName eq \"a\"", "userName eq \"a\" )",
        "active co true", "userName eq true", "not userName eq \"a\"", "", "userName eq \"a\" nor active eq true",
        "x".repeat(1001))) {
      assertScimError(filter(bad), 400, "invalidFilter");
    }
    assertScimError(filter("(".repeat(20) + "userName eq \"a\"" + ")".repeat(20)), 400, "invalidFilter");
  }

  @Test
  void scimPagingCountsFromOne() {
    start(b -> b.seed(s -> {
      s.org("acme", Plan.BUSINESS).owners("hubsdk");
      token = s.scim("acme").users(250).token();
    }));
    JsonNode first = users("").json();
    assertThat(first.get("totalResults").asInt()).isEqualTo(250);
    assertThat(first.get("startIndex").asInt()).isEqualTo(1);
    assertThat(first.get("itemsPerPage").asInt()).as("the default count").isEqualTo(100);
    assertThat(first.at("/Resources/0/userName").asText()).isEqualTo("scim-user-00001@example.com");
    JsonNode last = users("?startIndex=201&count=100").json();
    assertThat(last.get("itemsPerPage").asInt()).isEqualTo(50);
    assertThat(last.at("/Resources/0/userName").asText()).isEqualTo("scim-user-00201@example.com");
    JsonNode past = users("?startIndex=251&count=10").json();
    assertThat(past.get("itemsPerPage").asInt()).isZero();
    assertThat(past.get("Resources")).isEmpty();
    assertThat(users("?count=200").json().get("itemsPerPage").asInt()).isEqualTo(200);
    assertThat(users("?startIndex=3&count=2&filter=" + URLEncoder.encode("name.familyName sw \"001\"",
        StandardCharsets.UTF_8)).json().get("totalResults").asInt()).isEqualTo(100);
    for (String bad : List.of("?count=201", "?count=0", "?startIndex=0", "?startIndex=x", "?count=1.5")) {
      assertScimError(users(bad), 400, "invalidValue");
    }
  }

  @Test
  void sortingAndAttributes() {
    startWithSso();
    assertThat(userNames(users("?sortBy=name.givenName&sortOrder=descending")))
        .containsExactly("john.roe@example.com", "jane.doe@example.com");
    assertThat(userNames(users("?sortBy=userName"))).containsExactly("jane.doe@example.com", "john.roe@example.com");
    assertScimError(users("?sortBy=password"), 400, "invalidValue");
    assertScimError(users("?sortOrder=sideways"), 400, "invalidValue");
    JsonNode only = users("?attributes=userName,name.familyName").json().at("/Resources/0");
    assertThat(only.has("id")).as("id is always returned").isTrue();
    assertThat(only.get("userName").asText()).isEqualTo("jane.doe@example.com");
    assertThat(only.at("/name/familyName").asText()).isEqualTo("Doe");
    assertThat(only.at("/name").has("givenName")).isFalse();
    assertThat(only.has("active")).isFalse();
    assertThat(only.has("meta")).isFalse();
    assertScimError(users("?attributes=password"), 400, "invalidValue");
  }

  @Test
  void aFullDirectoryRefusesTheNextUser() {
    start(b -> b.seed(s -> {
      s.org("acme", Plan.BUSINESS).owners("hubsdk");
      token = s.scim("acme").users(io.github.hubsdk.emulator.internal.state.ScimState.MAX_USERS_PER_ORG).token();
    }));
    assertScimError(scim("POST", "/v2/scim/2.0/Users", token, newUser("one.more@example.com")), 403, null);
  }

  @Test
  void seedingChecksItsInput() {
    start(b -> b.seed(s -> s.org("team", Plan.TEAM).owners("hubsdk")));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> hub.seed(s -> s.scim("team")))
        .hasMessageContaining("Business");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> hub.seed(s -> s.scim("nobody")))
        .isInstanceOf(IllegalArgumentException.class);
    get("/v2/user", loginDefault()); // something for the spec validator to see
  }
}
