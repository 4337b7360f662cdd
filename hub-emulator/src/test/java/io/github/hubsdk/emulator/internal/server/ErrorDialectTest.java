package io.github.hubsdk.emulator.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hubsdk.emulator.RetryAfterFormat;
import io.github.hubsdk.emulator.internal.rate.RetryAfter;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** One error, as each family says it: the operation's declared schema picks the shape. */
class ErrorDialectTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private final ErrorDialect dialect = new ErrorDialect(clock, new RetryAfter(clock, RetryAfterFormat.DELTA_SECONDS, false));

  private JsonNode body(HubOperation op, String apiCall, HubError e) throws IOException {
    return Wire.MAPPER.readTree(Wire.bytes(dialect.render(op, apiCall, e).body()));
  }

  @Test
  void anInvalidPageParameterInEachFamily() throws IOException {
    HubError e = HubError.invalidParam("page", Texts.POSITIVE_INTEGER);
    assertThat(body(HubOperation.LIST_ACCESS_TOKENS, null, e).toString())
        .isEqualTo("{\"fields\":{\"page\":[\"A valid integer of at least 1 is required.\"]},\"text\":\"invalid request\"}");
    JsonNode txn = body(HubOperation.LIST_REPOSITORY_IMAGES, "GetNamespaceRepositoryImages", e);
    assertThat(txn.get("message").asText()).isEqualTo("invalid query parameter page: must be an integer of at least 1");
    assertThat(txn.at("/errinfo/type").asText()).isEqualTo("validation");
    assertThat(txn.at("/errinfo/api_call_name").asText()).isEqualTo("GetNamespaceRepositoryImages");
    assertThat(txn.at("/errinfo/api_call_txnid").asText()).isEqualTo(txn.get("txnid").asText());
    assertThat(body(HubOperation.LIST_AUDIT_LOGS, null, e).toString())
        .isEqualTo("{\"code\":3,\"message\":\"invalid value for page: must be an integer of at least 1\",\"details\":[]}");
  }

  @Test
  void unauthenticatedAndForbiddenInEachFamily() throws IOException {
    assertThat(body(HubOperation.GET_ACCESS_TOKEN, null, HubError.unauthenticated(false)).get("detail").asText())
        .isEqualTo("Authentication credentials were not provided.");
    assertThat(body(HubOperation.GET_ACCESS_TOKEN, null, HubError.unauthenticated(true)).get("detail").asText())
        .isEqualTo("Given token not valid for any token type");
    assertThat(body(HubOperation.GET_IMAGES_SUMMARY, "X", HubError.unauthenticated(true)).get("message").asText())
        .isEqualTo("authentication required");
    assertThat(body(HubOperation.LIST_AUDIT_LOGS, null, HubError.unauthenticated(false)).has("errinfo"))
        .as("audit logs answer the Hub's {message, errinfo} for 401/403").isTrue();
    assertThat(body(HubOperation.LIST_AUDIT_LOGS, null, HubError.forbidden()).get("message").asText())
        .isNotBlank();
    assertThat(body(HubOperation.GET_ORG_SETTINGS, null, HubError.forbidden()).get("detail").asText())
        .isEqualTo("You do not have permission to perform this action.");
    assertThat(body(HubOperation.LIST_ACCESS_TOKENS, null, HubError.forbidden(Texts.PASSWORD_LOGIN_REQUIRED)).toString())
        .as("the Hub's terse TxnError without a call name")
        .isEqualTo("{\"message\":\"token issued from personal access token is not allowed\",\"errinfo\":{}}");
  }

  @Test
  void undeclaredStatusesUseTheOperationsValidationFamilyAndUnknownPathsDetailError() throws IOException {
    assertThat(ErrorDialect.schemaFor(HubOperation.CREATE_AUTH_TOKEN, HubError.tooLarge(10))).isEqualTo("FieldsError");
    assertThat(ErrorDialect.schemaFor(HubOperation.DELETE_IMAGES, HubError.tooLarge(10))).isEqualTo("TxnError");
    assertThat(ErrorDialect.schemaFor(HubOperation.LIST_AUDIT_LOGS, HubError.tooLarge(10))).isEqualTo("RpcStatus");
    assertThat(ErrorDialect.schemaFor(HubOperation.GET_ACCESS_TOKEN, HubError.tooLarge(10))).isEqualTo("DetailError");
    assertThat(ErrorDialect.schemaFor(null, HubError.notFound())).isEqualTo("DetailError");
    assertThat(ErrorDialect.schemaFor(null, HubError.tooMany(Instant.EPOCH, Texts.RATE_LIMITED))).isEqualTo("RateLimitError");
    assertThat(body(HubOperation.CREATE_AUTH_TOKEN, null, HubError.tooLarge(10)).at("/fields/non_field_errors/0").asText())
        .contains("at most 10 bytes");
  }

  @Test
  void aLoginFailureKeepsItsNullSecondFactorToken() throws IOException {
    assertThat(body(HubOperation.LOGIN, null, HubError.unauthorized(Texts.WRONG_CREDENTIALS)).toString())
        .isEqualTo("{\"detail\":\"Incorrect authentication credentials\",\"login_2fa_token\":null}");
  }

  @Test
  void aTooManyCarriesRetryAfter() {
    Reply r = dialect.render(HubOperation.CREATE_AUTH_TOKEN, null,
        HubError.tooMany(clock.instant().plusSeconds(42), Texts.LOCKED_OUT));
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.headers()).containsEntry("Retry-After", "42");
  }
}
