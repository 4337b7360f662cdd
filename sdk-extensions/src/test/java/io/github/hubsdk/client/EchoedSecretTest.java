package io.github.hubsdk.client;

import static io.github.hubsdk.client.TestSupport.UUID_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.LoginFailedException;
import io.github.hubsdk.client.error.NotFoundException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A server that repeats a secret back (a login error quoting the password, a 404 quoting the bearer) must
 * not get it into an exception's message, its error body, its stack trace or the wire log.
 */
class EchoedSecretTest {

  private static final String PASSWORD = "echoed-Passw0rd-\"quoted\"";
  private RawServer server;
  private ListAppender<ILoggingEvent> logs;
  private Logger root;
  private Level before;

  @BeforeEach
  void captureLogs() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    before = root.getLevel();
    root.setLevel(Level.DEBUG);
    logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stop() throws Exception {
    root.detachAppender(logs);
    root.setLevel(before);
    server.close();
  }

  @Test
  void aLoginErrorThatRepeatsThePasswordShowsItNowhere() throws Exception {
    String escaped = PASSWORD.replace("\"", "\\\"");
    server = new RawServer((r, out, s) -> RawServer.json(out, 400,
        "{\"fields\": {\"secret\": [\"'" + escaped + "' is not a valid secret\"]}, \"text\": \"bad " + escaped + "\"}"));
    try (DockerHubClient client = DockerHubClient.builder().baseUrl(server.baseUrl())
        .credentials(Credentials.password("mona", PASSWORD)).build()) {
      assertThatThrownBy(client::login).isInstanceOfSatisfying(LoginFailedException.class, e -> {
        assertThat(everything(e)).doesNotContain(PASSWORD).doesNotContain(escaped).contains("****");
      });
    }
    assertThat(logText()).contains("/v2/auth/token").doesNotContain(PASSWORD).doesNotContain(escaped);
  }

  @Test
  void aNotFoundThatRepeatsTheBearerShowsItNowhere() throws Exception {
    String jwt = TestSupport.jwt("mona", TestSupport.T0.plusSeconds(36_000_000));
    server = new RawServer((r, out, s) -> RawServer.json(out, 404,
        "{\"detail\": \"no token for " + r.header("Authorization") + "\", \"message\": \"" + jwt + "\"}",
        "X-Debug: " + jwt));
    try (DockerHubClient client = DockerHubClient.builder().baseUrl(server.baseUrl())
        .credentials(Credentials.bearer(jwt)).build()) {
      assertThatThrownBy(() -> client.accessTokens().get(UUID_1)).isInstanceOfSatisfying(NotFoundException.class,
          e -> assertThat(everything(e)).doesNotContain(jwt).contains("no token for Bearer ****"));
    }
    assertThat(logText()).contains("404").doesNotContain(jwt);
  }

  @Test
  void aJwtIssuedToTheClientIsMaskedWhenEchoed() throws Exception {
    String issued = TestSupport.jwt("issued", TestSupport.T0.plusSeconds(36_000_000));
    server = new RawServer((r, out, s) -> r.target().equals("/v2/auth/token")
        ? RawServer.json(out, 200, TestSupport.authTokenBody(issued))
        : RawServer.json(out, 500, "{\"detail\": \"crashed handling " + r.header("Authorization") + "\"}"));
    try (DockerHubClient client = DockerHubClient.builder().baseUrl(server.baseUrl())
        .credentials(Credentials.personalAccessToken("mona", "dckr_pat_echoed_secret_value"))
        .retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> client.org("acme").settings()).isInstanceOfSatisfying(DockerHubException.class,
          e -> assertThat(everything(e)).doesNotContain(issued).contains("Bearer ****"));
    }
    assertThat(logText()).doesNotContain(issued).doesNotContain("dckr_pat_echoed_secret_value");
  }

  /** Message, error body, stack trace and causes: whatever a log of the exception would show. */
  private static String everything(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    StringBuilder sb = new StringBuilder(w.toString());
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DockerHubException h) {
        h.errorBody().ifPresent(b -> sb.append('\n').append(b));
      }
    }
    return sb.toString();
  }

  private String logText() {
    return logs.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
  }
}
