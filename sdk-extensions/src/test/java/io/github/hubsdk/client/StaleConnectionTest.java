package io.github.hubsdk.client;

import static io.github.hubsdk.client.TestSupport.UUID_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.DockerHubTransportException;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pooled connections the server closed while idle never cost a request, and no POST ever reaches the
 * server twice: the server here counts every request it read.
 */
class StaleConnectionTest {

  private static final String JWT = TestSupport.jwt("mona", TestSupport.T0.plusSeconds(36_000_000));
  private RawServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String created() {
    return TestSupport.accessTokenJson(UUID_1, "ci", "dckr_pat_new");
  }

  @Test
  void aConnectionTheServerClosedWhileIdleIsNotUsedForThePost() throws Exception {
    server = new RawServer((r, out, s) -> {
      if (r.method().equals("GET")) {
        s.setSoTimeout(100); // keep-alive for 100 ms, then the server closes the idle connection
        return RawServer.json(out, 200, TestSupport.accessTokenJson(UUID_1, "ci", ""));
      }
      return RawServer.json(out, 201, created());
    });
    TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
    try (DockerHubClient client = DockerHubClient.builder().baseUrl(server.baseUrl())
        .credentials(Credentials.bearer(JWT)).sleeper(sleeper).build()) {
      client.accessTokens().get(UUID_1);
      Thread.sleep(500); // the server has closed the pooled connection by now
      assertThat(client.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ)).getToken())
          .isEqualTo("dckr_pat_new");
    }
    assertThat(server.requests("POST")).as("the POST reached the server exactly once").hasSize(1);
    assertThat(server.connections.get()).isEqualTo(2);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aPostTheServerReadButNeverAnsweredIsNotSentAgain() throws Exception {
    server = new RawServer((r, out, s) -> r.method().equals("GET")
        ? RawServer.json(out, 200, TestSupport.accessTokenJson(UUID_1, "ci", ""))
        : false); // read the POST, then close without a word: it may have been done
    try (DockerHubClient client = DockerHubClient.builder().baseUrl(server.baseUrl())
        .credentials(Credentials.bearer(JWT)).sleeper(new TestSupport.RecordingSleeper()).build()) {
      client.accessTokens().get(UUID_1);
      assertThatThrownBy(() -> client.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ)))
          .isInstanceOfSatisfying(DockerHubTransportException.class,
              e -> assertThat(e.operation()).isEqualTo("createAccessToken"));
    }
    assertThat(server.requests("POST")).hasSize(1);
  }

  @Test
  void aPostWhoseConnectionCouldNotBeOpenedIsRetriedItNeverLeft() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
    try (DockerHubClient client = DockerHubClient.builder().baseUrl("http://127.0.0.1:" + closedPort)
        .credentials(Credentials.bearer(JWT)).sleeper(sleeper)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseBackoff(Duration.ofMillis(10)).jitter(0).build())
        .build()) {
      assertThatThrownBy(() -> client.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ)))
          .isInstanceOf(DockerHubTransportException.class).hasCauseInstanceOf(java.net.ConnectException.class);
    }
    assertThat(sleeper.sleeps).hasSize(2);
  }
}
