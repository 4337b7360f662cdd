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
import io.github.hubsdk.openapi.api.ImagesApi;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.AuthTokenRequest;
import io.github.hubsdk.openapi.model.LoginRequest;
import io.github.hubsdk.openapi.model.UpdateAccessTokenRequest;
import io.swagger.v3.oas.models.media.MediaType;
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
 * class. The operations, their arguments and the expected requests come from the spec and the operation
 * catalogue ({@link SpecCalls}), so a new operation is covered without an edit here.
 */
class GeneratedClientTest {

  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtb25hIn0.c2ln";
  private static final UUID TOKEN = UUID.fromString("b30bbf97-506c-4ecd-aabc-842f3cb484fb");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static StubServer stub;
  private static final Map<String, Object> TARGETS = new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    stub = new StubServer();
    assertThat(SpecCalls.spec()).as("spec parsed").isNotNull();
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void clear() {
    stub.clear();
  }

  /** The interface's Feign target: with the bearer for authenticated operations, without for logins. */
  private static Object target(Class<?> api, boolean anonymous) {
    return TARGETS.computeIfAbsent(api.getName() + anonymous,
        k -> TestFeign.build(api, stub.baseUrl(), anonymous ? null : JWT));
  }

  private static <T> T api(Class<T> type) {
    return type.cast(target(type, false));
  }

  private static Object invoke(SpecCalls.Call call) throws Exception {
    try {
      return call.method().invoke(target(call.method().getDeclaringClass(), call.op().anonymous()), call.args());
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  static Stream<SpecCalls.Call> calls() {
    return Stream.of(HubOperation.values()).map(SpecCalls::call);
  }

  @Test
  void everySpecOperationIsInTheCatalogueAndHasAGeneratedMethod() {
    Set<String> catalogue = Stream.of(HubOperation.values()).map(HubOperation::operationId)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(catalogue).isEqualTo(SpecCalls.operations().keySet());
    Stream.of(HubOperation.values()).forEach(SpecCalls::methodOf);
  }

  @ParameterizedTest(name = "{0} sends the documented request")
  @MethodSource("calls")
  void sendsTheDocumentedRequest(SpecCalls.Call call) throws Exception {
    int success = call.op().successStatus();
    Object[] ok = SpecCalls.responses(call.operation()).stream().filter(r -> (int) r[0] == success).findFirst()
        .orElseThrow();
    stub.answer(success, ok[2] == null ? null : body(ok[2], (String) ok[1]), (String) ok[1]);
    invoke(call);
    StubServer.Recorded sent = stub.take();

    assertThat(sent.method()).isEqualTo(call.op().method());
    assertThat(sent.rawPath()).isEqualTo(call.rawPath());
    assertThat(decodeQuery(sent.rawQuery())).isEqualTo(new TreeMap<>(call.query()));
    if (call.op().anonymous()) {
      assertThat(sent.header("Authorization")).as("login calls carry no credentials header").isNull();
    } else {
      assertThat(sent.header("Authorization")).isEqualTo("Bearer " + JWT);
    }
    if (call.body() == null) {
      assertThat(sent.body()).isEmpty();
    } else {
      assertThat(sent.header("Content-Type")).contains("json");
      assertThat(normalize(JSON.readTree(sent.body()))).isEqualTo(normalize(call.body()));
    }
  }

  static Stream<Arguments> documentedResponses() {
    List<Arguments> args = new ArrayList<>();
    for (HubOperation op : HubOperation.values()) {
      SpecCalls.Call call = SpecCalls.call(op);
      for (Object[] r : SpecCalls.responses(call.operation())) {
        args.add(Arguments.of(op.operationId(), r[0], call, r));
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0} decodes its {1} response")
  @MethodSource("documentedResponses")
  void decodesEveryDocumentedResponse(String operationId, int status, SpecCalls.Call call, Object[] response)
      throws Exception {
    String type = (String) response[1];
    Object example = response[2];
    if (type != null && example == null && status < 300) {
      throw new AssertionError(operationId + " " + status + " has a body but no example");
    }
    stub.answer(status, example == null ? null : body(example, type), type);
    if (status < 300) {
      Object result = invoke(call);
      if (example == null || "HEAD".equals(call.op().method())) {
        assertThat(result).isNull();
      } else if (result instanceof String text && !type.contains("json")) {
        assertThat(text).isEqualTo(example);
      } else {
        assertThat(normalize(TestFeign.MAPPER.valueToTree(result))).isEqualTo(normalize(SpecCalls.json()
            .valueToTree(example)));
      }
      return;
    }
    FeignException failure = catchThrowableOfType(FeignException.class, () -> invoke(call));
    assertThat(failure).as("%s %s must fail", operationId, status).isNotNull();
    assertThat(failure.status()).isEqualTo(status);
    if (example != null && !"HEAD".equals(call.op().method())) {
      Class<?> schema = schemaClass((io.swagger.v3.oas.models.media.MediaType) response[3]);
      Object decoded = TestFeign.MAPPER.readValue(failure.contentUTF8(), schema);
      assertThat(normalize(TestFeign.MAPPER.valueToTree(decoded))).isEqualTo(normalize(SpecCalls.json()
          .valueToTree(example)));
    }
  }

  private static String body(Object example, String type) throws Exception {
    return example instanceof String text && type != null && !type.contains("json") ? text
        : JSON.writeValueAsString(SpecCalls.json().valueToTree(example));
  }

  private static Class<?> schemaClass(io.swagger.v3.oas.models.media.MediaType media) throws ClassNotFoundException {
    String ref = media.getSchema().get$ref();
    if (ref == null) {
      throw new AssertionError("an error body without a named schema");
    }
    return Class.forName("io.github.hubsdk.openapi.model." + ref.substring(ref.lastIndexOf('/') + 1));
  }

  @Test
  void patchSendsOnlyTheFieldsThatAreSet() throws Exception {
    stub.answer(200, okExample("updateAccessToken"));
    api(AccessTokensApi.class).updateAccessToken(TOKEN, new UpdateAccessTokenRequest().tokenLabel("renamed"));
    assertThat(stub.take().body()).isEqualTo("{\"token_label\":\"renamed\"}");
    api(AccessTokensApi.class).updateAccessToken(TOKEN, new UpdateAccessTokenRequest().isActive(true));
    StubServer.Recorded sent = stub.take();
    assertThat(sent.method()).isEqualTo("PATCH");
    assertThat(sent.body()).isEqualTo("{\"is_active\":true}");
  }

  @Test
  void pathParametersAreEncodedAsOneSegment() throws Exception {
    stub.answer(200, okExample("getImagesSummary"));
    api(ImagesApi.class).getImagesSummary("a/b", "../x", (OffsetDateTime) null);
    StubServer.Recorded sent = stub.take();
    assertThat(sent.rawPath()).isEqualTo("/v2/namespaces/a%2Fb/repositories/..%2Fx/images-summary");

    // An escape in the value is sent escaped, so the server decodes exactly the caller's string, never a dot segment.
    api(ImagesApi.class).getImagesSummary("%2e%2e", "a%2Fb", (OffsetDateTime) null);
    assertThat(stub.take().rawPath()).isEqualTo("/v2/namespaces/%252e%252e/repositories/a%252Fb/images-summary");
    assertThat(sent.rawQuery()).as("an absent optional parameter is not sent").isNull();

    api(ImagesApi.class).getImagesSummary("my org", "caf\u00e9", (OffsetDateTime) null);
    assertThat(stub.take().rawPath()).isEqualTo("/v2/namespaces/my%20org/repositories/caf%C3%A9/images-summary");
  }

  @Test
  void dateTimesGoOutAsRfc3339UtcWithSeconds() throws Exception {
    stub.answer(200, okExample("getImagesSummary"));
    api(ImagesApi.class).getImagesSummary("acme", "web", OffsetDateTime.parse("2026-10-26T02:00+02:00"));
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
    stub.answer(200, okExample("getAccessToken")
        .replace("repo:write", "repo:future"));
    assertThat(api(AccessTokensApi.class).getAccessToken(TOKEN).getScopes())
        .containsExactly(AccessTokenScope.UNKNOWN_DEFAULT_OPEN_API);
  }

  @Test
  void errorsKeepStatusAndBody() {
    stub.answer(404, "{\"detail\":\"Not found.\"}");
    assertThatThrownBy(() -> api(AccessTokensApi.class).getAccessToken(TOKEN))
        .isInstanceOf(FeignException.NotFound.class)
        .satisfies(e -> assertThat(((FeignException) e).contentUTF8()).contains("Not found."));
  }

  private static String okExample(String operationId) throws Exception {
    HubOperation op = HubOperation.byId(operationId);
    Object[] ok = SpecCalls.responses(SpecCalls.operations().get(operationId)).stream()
        .filter(r -> (int) r[0] == op.successStatus()).findFirst().orElseThrow();
    return body(ok[2], (String) ok[1]);
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
    if (node.isNumber()) {
      // An example's 1104 is an int, the model's field a long: equal numbers compare equal.
      return JSON.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros());
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
