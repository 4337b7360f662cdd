package io.github.hubsdk.client;

import static io.github.hubsdk.client.TestSupport.UUID_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.MalformedResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A success answer that cannot be what the operation returns is a typed {@link MalformedResponseException}
 * naming the status and operation with a short, masked excerpt; never a {@code null} result and never a
 * {@link NullPointerException} later.
 */
class MalformedAnswerTest {

  private static final String JWT = TestSupport.jwt("mona", TestSupport.T0.plusSeconds(36_000_000));
  private RawServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private DockerHubClient client() {
    return DockerHubClient.builder().baseUrl(server.baseUrl()).credentials(Credentials.bearer(JWT))
        .retryPolicy(RetryPolicy.none()).build();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "200|''|empty body",
      "200|null|the JSON null",
      "200|[]|where an object is due",
      "200|\"text\"|where an object is due",
      "200|{\"uuid\": \"b30bbf97-506c-4ecd-aabc-842f3cb484fb\"} trailing|not JSON",
      "200|<html>oops</html>|not JSON",
      "201|{\"is_active\": \"maybe\"}|does not fit",
      "204|''|204 without the body"})
  void aBodyThatIsNotAnAccessTokenIsTyped(int status, String body, String problem) throws Exception {
    server = new RawServer((r, out, s) -> status == 204
        ? RawServer.respond(out, 204, null, null) : RawServer.json(out, status, body));
    try (DockerHubClient client = client()) {
      assertThatThrownBy(() -> client.accessTokens().get(UUID_1))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.operation()).isEqualTo("getAccessToken");
            assertThat(e.getMessage()).contains(problem);
          });
    }
  }

  @Test
  void aPageWithoutResultsIsTypedNotANullPointer() throws Exception {
    server = new RawServer((r, out, s) -> RawServer.json(out, 200,
        "{\"count\": 3, \"next\": null, \"previous\": null, \"active_count\": 1}"));
    try (DockerHubClient client = client()) {
      assertThatThrownBy(() -> client.accessTokens().list().toList())
          .isInstanceOfSatisfying(MalformedResponseException.class,
              e -> assertThat(e.operation()).isEqualTo("listAccessTokens"))
          .hasMessageContaining("without results");
    }
  }

  @Test
  void anAuditLogPageWithoutLogsIsTyped() throws Exception {
    server = new RawServer((r, out, s) -> RawServer.json(out, 200, "{}"));
    try (DockerHubClient client = client()) {
      assertThatThrownBy(() -> client.auditLogs("acme").list().toList())
          .isInstanceOf(MalformedResponseException.class);
    }
  }

  @Test
  void theExcerptIsShortAndMasksSecrets() throws Exception {
    server = new RawServer((r, out, s) -> RawServer.json(out, 200,
        "[\"" + JWT + "\", \"" + "x".repeat(5000) + "\"]"));
    try (DockerHubClient client = client()) {
      assertThatThrownBy(() -> client.accessTokens().get(UUID_1))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.excerpt()).contains("****").doesNotContain(JWT).hasSizeLessThan(300);
            assertThat(e.getMessage()).doesNotContain(JWT);
          });
    }
  }
}
