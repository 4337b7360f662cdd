package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.MalformedResponseException;
import io.github.hubsdk.client.error.ScimBadRequestException;
import io.github.hubsdk.client.error.ScimServerErrorException;
import io.github.hubsdk.client.error.ScimUnauthorizedException;
import io.github.hubsdk.client.error.UnauthorizedException;
import io.github.hubsdk.openapi.model.ScimUser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SCIM group over the wire: its own bearer, SCIM paging, SCIM errors, masking, input checks. */
class ScimClientTest {

  static final String TOKEN = "scim-secret-token-7Qx0aa";
  static final String SCIM = "application/scim+json";

  static HubStub.Reply scim(int status, String body) {
    return json(status, body).header("Content-Type", SCIM);
  }

  static String user(int i) {
    return "{\"id\":\"00000000-0000-4000-8000-" + String.format("%012d", i) + "\",\"userName\":\"u" + i
        + "@example.com\",\"active\":true}";
  }

  static String page(int total, int start, int from, int count) {
    StringBuilder items = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      items.append(items.length() == 0 ? "" : ",").append(user(i));
    }
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":" + total
        + ",\"startIndex\":" + start + ",\"itemsPerPage\":" + count + ",\"Resources\":[" + items + "]}";
  }

  static DockerHubClient client(HubStub stub) {
    return DockerHubClient.builder().baseUrl(stub.baseUrl()).retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void sendsTheScimTokenAndTheScimMediaType() throws Exception {
    try (HubStub stub = new HubStub(); DockerHubClient hub = DockerHubClient.builder().baseUrl(stub.baseUrl())
        .credentials(Credentials.bearer(TestSupport.jwt("hub", TestSupport.T0.plusSeconds(86_400)))).build()) {
      stub.on("POST /v2/scim/2.0/Users", r -> scim(201, user(1)));
      ScimUser created = hub.scim(TOKEN).create("u1@example.com", "U", null);
      assertThat(created.getUserName()).isEqualTo("u1@example.com");
      HubStub.Recorded sent = stub.requests().get(0);
      assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(sent.header("Content-Type")).startsWith(SCIM);
      assertThat(sent.body()).contains("\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]")
          .contains("\"givenName\":\"U\"").doesNotContain("familyName");
    }
  }

  @Test
  void pagesFromTheIndexAfterTheLastItemReceived() throws Exception {
    try (HubStub stub = new HubStub(); DockerHubClient hub = client(stub)) {
      // A server that sends fewer items than asked for: the next page starts after what arrived.
      stub.script("GET /v2/scim/2.0/Users", scim(200, page(7, 1, 1, 3)), scim(200, page(7, 4, 4, 2)),
          scim(200, page(7, 6, 6, 2)));
      List<ScimUser> users = hub.scim(TOKEN).users().pageSize(3).toList();
      assertThat(users).extracting(ScimUser::getUserName).containsExactly("u1@example.com", "u2@example.com",
          "u3@example.com", "u4@example.com", "u5@example.com", "u6@example.com", "u7@example.com");
      assertThat(stub.requests()).extracting(HubStub.Recorded::rawQuery)
          .containsExactly("startIndex=1&count=3", "startIndex=4&count=3", "startIndex=6&count=3");
    }
  }

  /** Parallel paging asks by number, which only works for full pages: a short first page keeps it sequential. */
  @Test
  void aServerThatPagesShortIsNotReadInParallelByNumber() throws Exception {
    try (HubStub stub = new HubStub(); DockerHubClient hub = client(stub)) {
      stub.on("GET /v2/scim/2.0/Users", r -> {
        int start = Integer.parseInt(r.rawQuery().replaceAll(".*startIndex=(\\d+).*", "$1"));
        return scim(200, page(7, start, start, Math.min(2, 8 - start)));
      });
      List<ScimUser> users = hub.scim(TOKEN).users().pageSize(3).parallelism(4).toList();
      assertThat(users).extracting(ScimUser::getUserName).containsExactly("u1@example.com", "u2@example.com",
          "u3@example.com", "u4@example.com", "u5@example.com", "u6@example.com", "u7@example.com");
    }
  }

  @Test
  void theFilterArrivesExactly() throws Exception {
    try (HubStub stub = new HubStub(); DockerHubClient hub = client(stub)) {
      stub.on("GET /v2/scim/2.0/Users", r -> scim(200, page(0, 1, 1, 0)));
      String value = "a\"b\\c+d&e=f%41 g";
      assertThat(hub.scim(TOKEN).users(ScimFilter.userName().eq(value)).toList()).isEmpty();
      String raw = stub.requests().get(0).rawQuery();
      String filter = raw.substring(raw.indexOf("filter=") + "filter=".length());
      assertThat(filter).doesNotContain("+").doesNotContain("&").doesNotContain(" ");
      assertThat(URLDecoder.decode(filter, StandardCharsets.UTF_8))
          .isEqualTo("userName eq " + ScimFilter.literal(value));
    }
  }

  @Test
  void malformedListsAreRefusedNotGuessed() throws Exception {
    try (HubStub stub = new HubStub(); DockerHubClient hub = client(stub)) {
      stub.script("GET /v2/scim/2.0/Users", scim(200, "{\"Resources\":[]}"),
          scim(200, "{\"totalResults\":5,\"startIndex\":1}"), scim(200, page(5, 3, 3, 2)));
      Scim scim = hub.scim(TOKEN);
      assertThatThrownBy(() -> scim.users().toList()).isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("totalResults");
      assertThatThrownBy(() -> scim.users().toList()).isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("without Resources");
      assertThatThrownBy(() -> scim.users().toList()).isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("from index 3 for a request from 1");
    }
  }

  @Test
  void scimErrorsAreTypedAndMasked() throws Exception {
    try (HubStub stub = new HubStub(); DockerHubClient hub = client(stub)) {
      stub.script("GET /v2/scim/2.0/Users", scim(400, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
          + "\"status\":\"400\",\"scimType\":\"invalidFilter\",\"detail\":\"filter: unknown attribute \\\"mail\\\"\"}"),
          scim(401, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"401\","
              + "\"detail\":\"invalid SCIM token " + TOKEN + "\"}"),
          scim(500, "{\"schemas\":[],\"status\":\"500\",\"detail\":\"internal error\"}"));
      Scim scim = hub.scim(TOKEN);
      assertThatThrownBy(() -> scim.users().toList()).isInstanceOfSatisfying(ScimBadRequestException.class, e -> {
        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.scimType()).hasValue("invalidFilter");
        assertThat(e.detail()).hasValue("filter: unknown attribute \"mail\"");
      });
      assertThatThrownBy(() -> scim.users().toList()).isInstanceOfSatisfying(ScimUnauthorizedException.class, e -> {
        assertThat(e).isInstanceOf(UnauthorizedException.class);
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        assertThat(e.detail()).get().asString().doesNotContain(TOKEN).contains("****");
      });
      assertThatThrownBy(() -> scim.users().toList()).isInstanceOf(ScimServerErrorException.class);
    }
  }

  /** DEBUG wire logging of SCIM calls, a server echoing the token in a success and an error body: never shown. */
  @Test
  void theScimTokenNeverReachesTheLog() throws Exception {
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.classic.Level previous = root.getLevel();
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new ch.qos.logback.core.read.ListAppender<>();
    appender.start();
    root.addAppender(appender);
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try (HubStub stub = new HubStub(); DockerHubClient hub = client(stub)) {
      stub.script("GET /v2/scim/2.0/Users/00000000-0000-4000-8000-000000000001",
          scim(200, "{\"id\":\"00000000-0000-4000-8000-000000000001\",\"userName\":\"" + TOKEN + "@example.com\"}"),
          scim(404, "{\"schemas\":[],\"status\":\"404\",\"detail\":\"no user for token " + TOKEN + "\"}"));
      Scim scim = hub.scim(TOKEN);
      scim.get("00000000-0000-4000-8000-000000000001");
      assertThatThrownBy(() -> scim.get("00000000-0000-4000-8000-000000000001"))
          .hasMessageNotContaining(TOKEN);
    } finally {
      root.detachAppender(appender);
      root.setLevel(previous);
    }
    StringBuilder logs = new StringBuilder();
    appender.list.forEach(e -> logs.append(e.getFormattedMessage()).append('\n'));
    assertThat(logs).as("DEBUG wire logging was captured").contains("/v2/scim/2.0/Users/", "Authorization: ****");
    assertThat(logs.toString()).doesNotContain(TOKEN);
  }

  @Test
  void badInputFailsBeforeAnyRequest() throws Exception {
    try (HubStub stub = new HubStub(); DockerHubClient hub = client(stub)) {
      Scim scim = hub.scim(TOKEN);
      assertThatThrownBy(() -> hub.scim(" ")).isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> hub.scim("two words")).isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> scim.create("not-an-address")).isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> scim.create("a@b", " ", null)).isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> scim.get("42")).isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> scim.replace("7beda39d-dce6-469d-8363-cac275f3c433", null))
          .isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> ScimUserChange.enabled(true).withGivenName(""))
          .isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> scim.users(null)).isInstanceOf(InvalidRequestException.class);
      assertThatThrownBy(() -> scim.resourceType("..")).isInstanceOf(InvalidRequestException.class);
      assertThat(stub.requests()).isEmpty();
      assertThat(scim.toString()).doesNotContain(TOKEN);
    }
  }

  @Test
  void aScimTokenIsNotSentOverPlainHttpToAnotherMachine() {
    try (DockerHubClient hub = DockerHubClient.builder().baseUrl("http://hub.example.com").build()) {
      assertThatThrownBy(() -> hub.scim(TOKEN)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("plain http").hasMessageNotContaining(TOKEN);
    }
    try (DockerHubClient hub = DockerHubClient.builder().baseUrl("http://hub.example.com")
        .allowPlainHttpToRemoteHost().build()) {
      assertThat(hub.scim(TOKEN)).isNotNull();
    }
  }

  @Test
  void theJwtIsNeverSentToScimEvenThroughTheRawInterface() throws Exception {
    try (HubStub stub = new HubStub(); DockerHubClient hub = DockerHubClient.builder().baseUrl(stub.baseUrl())
        .credentials(Credentials.bearer(TestSupport.jwt("hub", TestSupport.T0.plusSeconds(86_400))))
        .retryPolicy(RetryPolicy.none()).build()) {
      stub.on("GET /v2/scim/2.0/ServiceProviderConfig", r -> scim(200, "{\"schemas\":[]}"));
      hub.api(io.github.hubsdk.openapi.api.ScimApi.class).getScimServiceProviderConfig();
      assertThat(stub.requests().get(0).header("Authorization")).isNull();
    }
  }
}
