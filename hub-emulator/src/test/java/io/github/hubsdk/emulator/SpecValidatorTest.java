package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard itself: a response that breaks the spec must be reported, a good one must not. */
class SpecValidatorTest {

  private static Exchange exchange(String method, String path, int status, String body) {
    boolean login = path.equals("/v2/auth/token");
    RecordedRequest request = new RecordedRequest(method, path, null,
        login ? Map.of("Content-Type", List.of("application/json"))
            : Map.of("Authorization", List.of("Bearer a.b.c")),
        login ? "{\"identifier\":\"mona\",\"secret\":\"s3cret\"}" : "", Instant.EPOCH);
    return new Exchange(request, status, Map.of("Content-Type", List.of("application/json")), body, false);
  }

  @Test
  void reportsAWrongShapeAnUndocumentedStatusAndAWrongType() {
    SpecValidator validator = new SpecValidator();
    validator.onExchange(exchange("POST", "/v2/auth/token", 200, "{\"token\":\"x\"}"));
    validator.onExchange(exchange("GET", "/v2/access-tokens", 418, "{\"detail\":\"teapot\"}"));
    validator.onExchange(exchange("GET", "/v2/namespaces/a/repositories/b/images-summary", 200,
        "{\"active_from\":\"2026-01-01T00:00:00Z\",\"statistics\":{\"total\":\"three\",\"active\":1,\"inactive\":2}}"));
    assertThat(validator.failures()).hasSize(3);
  }

  @Test
  void reportsAnAcceptedRequestThatTheSpecForbids() {
    SpecValidator validator = new SpecValidator();
    RecordedRequest request = new RecordedRequest("POST", "/v2/access-tokens", null,
        Map.of("Authorization", List.of("Bearer a.b.c"), "Content-Type", List.of("application/json")),
        "{\"token_label\":\"\",\"scopes\":[]}", Instant.EPOCH);
    validator.onExchange(new Exchange(request, 201, Map.of("Content-Type", List.of("application/json")),
        "{\"uuid\":\"b30bbf97-506c-4ecd-aabc-842f3cb484fb\",\"client_id\":\"HUB\",\"creator_ip\":\"127.0.0.1\","
            + "\"creator_ua\":\"\",\"created_at\":\"2026-11-26T10:00:00Z\",\"last_used\":null,\"generated_by\":\"manual\","
            + "\"is_active\":true,\"token\":\"dckr_pat_x\",\"token_label\":\"x\",\"scopes\":[\"repo:read\"]}", false));
    assertThat(validator.failures()).singleElement().asString().startsWith("accepted an invalid request");
  }

  /** SCIM answers in application/scim+json: the validator must check those bodies too, not skip the media type. */
  @Test
  void checksScimBodiesAndTheirMediaType() {
    SpecValidator validator = new SpecValidator();
    Map<String, List<String>> scim = Map.of("Content-Type", List.of("application/scim+json"));
    RecordedRequest get = new RecordedRequest("GET", "/v2/scim/2.0/Users", null,
        Map.of("Authorization", List.of("Bearer scim-token")), "", Instant.EPOCH);
    validator.onExchange(new Exchange(get, 200, scim, "{\"totalResults\":\"many\"}", false));
    validator.onExchange(new Exchange(get, 200, Map.of("Content-Type", List.of("text/plain")),
        "{\"totalResults\":1}", false));
    validator.onExchange(new Exchange(get, 200, scim, "{\"totalResults\":0,\"startIndex\":1,\"itemsPerPage\":0,"
        + "\"Resources\":[]}", false));
    RecordedRequest post = new RecordedRequest("POST", "/v2/scim/2.0/Users", null, Map.of("Authorization",
        List.of("Bearer scim-token"), "Content-Type", List.of("application/scim+json")), "{\"userName\":\"\"}",
        Instant.EPOCH);
    validator.onExchange(new Exchange(post, 201, scim, "{\"userName\":\"a@example.com\"}", false));
    assertThat(validator.failures()).hasSize(3);
    assertThat(validator.failures().get(2)).startsWith("accepted an invalid request");
  }

  @Test
  void acceptsADocumentedResponse() {
    SpecValidator validator = new SpecValidator();
    validator.onExchange(exchange("POST", "/v2/auth/token", 200, "{\"access_token\":\"a.b.c\"}"));
    assertThat(validator.failures()).isEmpty();
    assertThat(validator.validated()).isEqualTo(1);
  }
}
