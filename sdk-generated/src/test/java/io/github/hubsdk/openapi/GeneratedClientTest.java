package io.github.hubsdk.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import feign.FeignException;
import io.github.hubsdk.openapi.api.AccessTokensApi;
import io.github.hubsdk.openapi.api.AuditLogsApi;
import io.github.hubsdk.openapi.api.AuthenticationApi;
import io.github.hubsdk.openapi.api.ImagesApi;
import io.github.hubsdk.openapi.api.OrgSettingsApi;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.AuthTokenRequest;
import io.github.hubsdk.openapi.model.CreateAccessTokenRequest;
import io.github.hubsdk.openapi.model.DeleteImagesRequest;
import io.github.hubsdk.openapi.model.ImageWarning;
import io.github.hubsdk.openapi.model.ImageWarningType;
import io.github.hubsdk.openapi.model.LoginRequest;
import io.github.hubsdk.openapi.model.ManifestRef;
import io.github.hubsdk.openapi.model.OrgSettings;
import io.github.hubsdk.openapi.model.RestrictedImages;
import io.github.hubsdk.openapi.model.TwoFactorLoginRequest;
import io.github.hubsdk.openapi.model.UpdateAccessTokenRequest;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives every generated operation over a real socket: what it sends (method, encoded path, query,
 * Authorization, JSON body) and that every response documented in the spec decodes into its schema's
 * class. The operation and response lists come from the spec, so a new operation without a call here
 * fails {@link #everySpecOperationHasACall()}.
 */
class GeneratedClientTest {

  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtb25hIn0.c2ln";
  private static final UUID TOKEN = UUID.fromString("b30bbf97-506c-4ecd-aabc-842f3cb484fb");
  private static final String DIGEST = "sha256:5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9";
  private static final OffsetDateTime FROM = OffsetDateTime.parse("2026-10-26T02:00+02:00");
  private static final OffsetDateTime TO = OffsetDateTime.parse("2026-11-26T10:15:30.5Z");

  private static StubServer stub;
  private static Apis apis;
  private static OpenAPI spec;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The generated interfaces, authenticated ones and an anonymous one for the login calls. */
  record Apis(AccessTokensApi tokens, ImagesApi images, AuditLogsApi audit, OrgSettingsApi org,
      AuthenticationApi auth, ObjectMapper mapper) {}

  @FunctionalInterface
  interface Invocation {
    Object invoke(Apis apis) throws Exception;
  }

  /** One operation: how to call it and exactly what must go over the wire. */
  record Call(String operationId, String method, String rawPath, Map<String, String> query, String body,
      boolean authenticated, Invocation invocation) {
    @Override
    public String toString() {
      return operationId;
    }
  }

  static List<Call> calls() {
    List<Call> calls = new ArrayList<>();
    calls.add(new Call("createAuthToken", "POST", "/v2/auth/token", Map.of(),
        "{\"identifier\":\"mona\",\"secret\":\"s3cret\"}", false,
        a -> a.auth().createAuthToken(new AuthTokenRequest().identifier("mona").secret("s3cret"))));
    calls.add(new Call("login", "POST", "/v2/users/login", Map.of(),
        "{\"username\":\"mona\",\"password\":\"s3cret\"}", false,
        a -> a.auth().login(new LoginRequest().username("mona").password("s3cret"))));
    calls.add(new Call("login2fa", "POST", "/v2/users/2fa-login", Map.of(),
        "{\"login_2fa_token\":\"t-2fa\",\"code\":\"492039\"}", false,
        a -> a.auth().login2fa(new TwoFactorLoginRequest().login2faToken("t-2fa").code("492039"))));
    calls.add(new Call("createAccessToken", "POST", "/v2/access-tokens", Map.of(),
        "{\"token_label\":\"ci\",\"scopes\":[\"repo:read\"],\"expires_at\":\"2027-01-31T00:00:00Z\"}", true,
        a -> a.tokens().createAccessToken(new CreateAccessTokenRequest().tokenLabel("ci")
            .scopes(List.of(AccessTokenScope.REPO_READ)).expiresAt(OffsetDateTime.parse("2027-01-31T00:00:00Z")))));
    calls.add(new Call("listAccessTokens", "GET", "/v2/access-tokens", Map.of("page", "2", "page_size", "50"), null, true,
        a -> a.tokens().listAccessTokens(2, 50)));
    calls.add(new Call("getAccessToken", "GET", "/v2/access-tokens/" + TOKEN, Map.of(), null, true,
        a -> a.tokens().getAccessToken(TOKEN)));
    calls.add(new Call("updateAccessToken", "PATCH", "/v2/access-tokens/" + TOKEN, Map.of(),
        "{\"is_active\":false}", true,
        a -> a.tokens().updateAccessToken(TOKEN, new UpdateAccessTokenRequest().isActive(false))));
    calls.add(new Call("deleteAccessToken", "DELETE", "/v2/access-tokens/" + TOKEN, Map.of(), null, true,
        a -> {
          a.tokens().deleteAccessToken(TOKEN);
          return null;
        }));
    calls.add(new Call("listRepositoryImages", "GET", "/v2/namespaces/acme/repositories/web/images",
        Map.of("status", "active", "currently_tagged", "true", "ordering", "-last_activity",
            "active_from", "2026-10-26T00:00:00Z", "page", "3", "page_size", "100"), null, true,
        a -> a.images().listRepositoryImages("acme", "web", "active", true, "-last_activity", FROM, 3, 100)));
    calls.add(new Call("listImageTags", "GET",
        "/v2/namespaces/acme/repositories/web/images/" + DIGEST.replace(":", "%3A") + "/tags",
        Map.of("page", "1", "page_size", "10"), null, true,
        a -> a.images().listImageTags("acme", "web", DIGEST, 1, 10)));
    calls.add(new Call("getImagesSummary", "GET", "/v2/namespaces/acme/repositories/web/images-summary",
        Map.of("active_from", "2026-10-26T00:00:00Z"), null, true,
        a -> a.images().getImagesSummary("acme", "web", FROM)));
    calls.add(new Call("deleteImages", "POST", "/v2/namespaces/acme/delete-images", Map.of(),
        "{\"dry_run\":true,\"manifests\":[{\"repository\":\"web\",\"digest\":\"" + DIGEST + "\"}],"
            + "\"ignore_warnings\":[{\"repository\":\"web\",\"digest\":\"" + DIGEST
            + "\",\"warning\":\"current_tag\",\"tags\":[\"latest\"]}]}", true,
        a -> a.images().deleteImages("acme", new DeleteImagesRequest().dryRun(true)
            .manifests(List.of(new ManifestRef().repository("web").digest(DIGEST)))
            .ignoreWarnings(List.of(new ImageWarning().repository("web").digest(DIGEST)
                .warning(ImageWarningType.CURRENT_TAG).tags(List.of("latest")))))));
    calls.add(new Call("listAuditLogs", "GET", "/v2/auditlogs/acme",
        Map.of("action", "repo.tag.push", "name", "acme/web", "actor", "mona",
            "from", "2026-10-26T00:00:00Z", "to", "2026-11-26T10:15:30.500Z", "page", "2", "page_size", "25"), null, true,
        a -> a.audit().listAuditLogs("acme", "repo.tag.push", "acme/web", "mona", FROM, TO, 2, 25)));
    calls.add(new Call("listAuditLogActions", "GET", "/v2/auditlogs/acme/actions", Map.of(), null, true,
        a -> a.audit().listAuditLogActions("acme")));
    calls.add(new Call("getOrgSettings", "GET", "/v2/orgs/acme/settings", Map.of(), null, true,
        a -> a.org().getOrgSettings("acme")));
    calls.add(new Call("updateOrgSettings", "PUT", "/v2/orgs/acme/settings", Map.of(),
        "{\"restricted_images\":{\"enabled\":true,\"allow_official_images\":true,\"allow_verified_publishers\":false}}", true,
        a -> a.org().updateOrgSettings("acme", new OrgSettings().restrictedImages(new RestrictedImages()
            .enabled(true).allowOfficialImages(true).allowVerifiedPublishers(false)))));
    return calls;
  }

  @BeforeAll
  static void start() throws Exception {
    stub = new StubServer();
    String base = stub.baseUrl();
    apis = new Apis(TestFeign.build(AccessTokensApi.class, base, JWT), TestFeign.build(ImagesApi.class, base, JWT),
        TestFeign.build(AuditLogsApi.class, base, JWT), TestFeign.build(OrgSettingsApi.class, base, JWT),
        TestFeign.build(AuthenticationApi.class, base, null), TestFeign.MAPPER);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    spec = new OpenAPIV3Parser().read(System.getProperty("hubsdk.spec.file",
        "../spec/docker-hub-api.yaml"), null, options);
    assertThat(spec).as("spec parsed").isNotNull();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void clear() {
    stub.clear();
  }

  @Test
  void everySpecOperationHasACall() {
    Set<String> specOps = operations().keySet();
    Set<String> covered = calls().stream().map(Call::operationId).collect(Collectors.toCollection(TreeSet::new));
    assertThat(covered).containsExactlyInAnyOrderElementsOf(specOps);
    assertThat(specOps).hasSize(16);
  }

  @ParameterizedTest(name = "{0} sends the documented request")
  @MethodSource("calls")
  void sendsTheDocumentedRequest(Call call) throws Exception {
    Operation op = operations().get(call.operationId());
    int success = successStatus(op);
    stub.answer(success, success == 204 ? null : JSON.writeValueAsString(example(response(op, success))));
    call.invocation().invoke(apis);
    StubServer.Recorded sent = stub.take();

    assertThat(sent.method()).isEqualTo(call.method());
    assertThat(sent.rawPath()).isEqualTo(call.rawPath());
    assertThat(decodeQuery(sent.rawQuery())).isEqualTo(new TreeMap<>(call.query()));
    if (call.authenticated()) {
      assertThat(sent.header("Authorization")).isEqualTo("Bearer " + JWT);
    } else {
      assertThat(sent.header("Authorization")).as("login calls carry no credentials header").isNull();
    }
    if (call.body() == null) {
      assertThat(sent.body()).isEmpty();
    } else {
      assertThat(sent.header("Content-Type")).startsWith("application/json");
      assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree(call.body()));
    }
  }

  static Stream<Arguments> documentedResponses() {
    loadSpecIfNeeded();
    List<Arguments> args = new ArrayList<>();
    Map<String, Call> byId = calls().stream().collect(Collectors.toMap(Call::operationId, c -> c));
    operations().forEach((id, op) -> op.getResponses().forEach((code, raw) ->
        args.add(Arguments.of(id, code, byId.get(id)))));
    return args.stream();
  }

  @ParameterizedTest(name = "{0} decodes its {1} response")
  @MethodSource("documentedResponses")
  void decodesEveryDocumentedResponse(String operationId, String code, Call call) throws Exception {
    Operation op = operations().get(operationId);
    ApiResponse response = resolve(op.getResponses().get(code));
    int status = "default".equals(code) ? 500 : Integer.parseInt(code);
    JsonNode example = response.getContent() == null ? null : example(response);
    stub.answer(status, example == null ? null : JSON.writeValueAsString(example));

    if (status < 300) {
      Object result = call.invocation().invoke(apis);
      if (example == null) {
        assertThat(result).isNull();
      } else {
        assertThat(normalize(apis.mapper().valueToTree(result))).isEqualTo(normalize(example));
      }
      return;
    }
    FeignException failure = catchThrowableOfType(FeignException.class, () -> call.invocation().invoke(apis));
    assertThat(failure).as("%s %s must fail", operationId, code).isNotNull();
    assertThat(failure.status()).isEqualTo(status);
    Class<?> type = schemaClass(response);
    Object decoded = apis.mapper().readValue(failure.contentUTF8(), type);
    assertThat(normalize(apis.mapper().valueToTree(decoded))).isEqualTo(normalize(example));
  }

  @Test
  void patchSendsOnlyTheFieldsThatAreSet() throws Exception {
    stub.answer(200, JSON.writeValueAsString(example(response(operations().get("updateAccessToken"), 200))));
    apis.tokens().updateAccessToken(TOKEN, new UpdateAccessTokenRequest().tokenLabel("renamed"));
    assertThat(stub.take().body()).isEqualTo("{\"token_label\":\"renamed\"}");
    apis.tokens().updateAccessToken(TOKEN, new UpdateAccessTokenRequest().isActive(true));
    StubServer.Recorded sent = stub.take();
    assertThat(sent.method()).isEqualTo("PATCH");
    assertThat(sent.body()).isEqualTo("{\"is_active\":true}");
  }

  @Test
  void pathParametersAreEncodedAsOneSegment() throws Exception {
    stub.answer(200, JSON.writeValueAsString(example(response(operations().get("getImagesSummary"), 200))));
    apis.images().getImagesSummary("a/b", "../x", (OffsetDateTime) null);
    StubServer.Recorded sent = stub.take();
    assertThat(sent.rawPath()).isEqualTo("/v2/namespaces/a%2Fb/repositories/..%2Fx/images-summary");

    // An escape in the value is sent escaped, so the server decodes exactly the caller's string, never a dot segment.
    apis.images().getImagesSummary("%2e%2e", "a%2Fb", (OffsetDateTime) null);
    assertThat(stub.take().rawPath()).isEqualTo("/v2/namespaces/%252e%252e/repositories/a%252Fb/images-summary");
    assertThat(sent.rawQuery()).as("an absent optional parameter is not sent").isNull();

    apis.images().getImagesSummary("my org", "caf\u00e9", (OffsetDateTime) null);
    assertThat(stub.take().rawPath()).isEqualTo("/v2/namespaces/my%20org/repositories/caf%C3%A9/images-summary");
  }

  @Test
  void dateTimesGoOutAsRfc3339UtcWithSeconds() throws Exception {
    stub.answer(200, JSON.writeValueAsString(example(response(operations().get("getImagesSummary"), 200))));
    apis.images().getImagesSummary("acme", "web", OffsetDateTime.parse("2026-10-26T02:00+02:00"));
    String query = stub.take().rawQuery();
    assertThat(query).doesNotContain("+").contains("active_from=2026-10-26T00%3A00%3A00Z");
  }

  @Test
  void secretsAreMaskedInToString() {
    assertThat(new AuthTokenRequest().identifier("mona").secret("hunter2").toString())
        .contains("mona").doesNotContain("hunter2");
    assertThat(new LoginRequest().username("mona").password("hunter2").toString()).doesNotContain("hunter2");
    assertThat(new io.github.hubsdk.openapi.model.AccessToken().token("dckr_pat_abc").toString())
        .doesNotContain("dckr_pat_abc");
    assertThat(new io.github.hubsdk.openapi.model.AuthTokenResponse().accessToken(JWT).toString())
        .doesNotContain(JWT);
  }

  @Test
  void unknownEnumValuesDecodeInsteadOfFailing() throws Exception {
    stub.answer(200, JSON.writeValueAsString(example(response(operations().get("getAccessToken"), 200)))
        .replace("repo:write", "repo:future"));
    assertThat(apis.tokens().getAccessToken(TOKEN).getScopes())
        .containsExactly(AccessTokenScope.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void errorsKeepStatusAndBody() {
    stub.answer(404, "{\"detail\":\"Not found.\"}");
    assertThatThrownBy(() -> apis.tokens().getAccessToken(TOKEN))
        .isInstanceOf(FeignException.NotFound.class)
        .satisfies(e -> assertThat(((FeignException) e).contentUTF8()).contains("Not found."));
  }

  // --- spec helpers -------------------------------------------------------------------------------

  private static synchronized void loadSpecIfNeeded() {
    if (spec == null) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      spec = new OpenAPIV3Parser().read(System.getProperty("hubsdk.spec.file", "../spec/docker-hub-api.yaml"),
          null, options);
    }
  }

  private static Map<String, Operation> operations() {
    loadSpecIfNeeded();
    Map<String, Operation> ops = new TreeMap<>();
    for (PathItem item : spec.getPaths().values()) {
      item.readOperationsMap().values().forEach(op -> ops.put(op.getOperationId(), op));
    }
    return ops;
  }

  private static int successStatus(Operation op) {
    return op.getResponses().keySet().stream().filter(c -> c.startsWith("2")).mapToInt(Integer::parseInt)
        .min().orElseThrow();
  }

  private static ApiResponse response(Operation op, int status) {
    return resolve(op.getResponses().get(String.valueOf(status)));
  }

  private static ApiResponse resolve(ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
    return spec.getComponents().getResponses().get(name);
  }

  private static JsonNode example(ApiResponse response) {
    MediaType media = response.getContent().get("application/json");
    assertThat(media.getExample()).as("response '%s' has an example", response.getDescription()).isNotNull();
    return Json.mapper().valueToTree(media.getExample());
  }

  private static Class<?> schemaClass(ApiResponse response) throws ClassNotFoundException {
    String ref = response.getContent().get("application/json").getSchema().get$ref();
    return Class.forName("io.github.hubsdk.openapi.model." + ref.substring(ref.lastIndexOf('/') + 1));
  }

  private static Map<String, String> decodeQuery(String rawQuery) {
    Map<String, String> query = new TreeMap<>();
    for (String pair : StubServer.split(rawQuery)) {
      int eq = pair.indexOf('=');
      query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  /** Drops nulls (absent and null mean the same) and compares date-times as instants. */
  private static JsonNode normalize(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = JSON.createObjectNode();
      Map<String, JsonNode> sorted = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          sorted.put(e.getKey(), normalize(e.getValue()));
        }
      }
      new TreeMap<>(sorted).forEach(out::set);
      return out;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode out = JSON.createArrayNode();
      array.forEach(n -> out.add(normalize(n)));
      return out;
    }
    if (node.isBinary()) {
      return new TextNode(node.asText());
    }
    if (node.isTextual() && node.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
      try {
        return new TextNode(OffsetDateTime.parse(node.asText()).toInstant().toString());
      } catch (DateTimeParseException notADateTime) {
        return node;
      }
    }
    return node;
  }
}
