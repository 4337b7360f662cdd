package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard itself: a response that breaks the spec must be reported, a good one must not. */
class SpecValidatorTest {

  private static Exchange exchange(String method, String path, int status, String body) {
    RecordedRequest request = new RecordedRequest(method, path, null, Map.of(), "", Instant.EPOCH);
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
  void acceptsADocumentedResponse() {
    SpecValidator validator = new SpecValidator();
    validator.onExchange(exchange("POST", "/v2/auth/token", 200, "{\"access_token\":\"a.b.c\"}"));
    assertThat(validator.failures()).isEmpty();
    assertThat(validator.validated()).isEqualTo(1);
  }
}
