package io.github.hubsdk.client;

import static io.github.hubsdk.client.TestSupport.UUID_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.LoginFailedException;
import io.github.hubsdk.client.error.RedirectRefusedException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No redirect is ever followed: a 3xx answer to a login would otherwise resend the password to wherever
 * {@code Location} points, and to any other call the bearer JWT. Each case has a second server at the
 * redirect's target that must receive nothing.
 */
class RedirectTest {

  private static final String PASSWORD = "s3cret-password-for-redirects";
  private RawServer hub;
  private RawServer elsewhere;

  @BeforeEach
  void start() throws Exception {
    elsewhere = new RawServer("127.0.0.2", (r, out, s) -> RawServer.json(out, 200,
        "{\"access_token\":\"" + TestSupport.jwt("stolen", TestSupport.T0.plusSeconds(3600)) + "\"}"));
  }

  @AfterEach
  void stop() throws Exception {
    if (hub != null) {
      hub.close();
    }
    elsewhere.close();
  }

  static Stream<Arguments> targets() {
    return Stream.of(307, 308).flatMap(status -> Stream.of(
        Arguments.of(status, "other host"), Arguments.of(status, "same host, other port")));
  }

  @ParameterizedTest(name = "{0} to {1} on the login POST")
  @MethodSource("targets")
  void aRedirectedLoginIsRefusedAndThePasswordGoesNowhereElse(int status, String where) throws Exception {
    RawServer samePortElsewhere = where.startsWith("same") ? new RawServer(elsewhereBehaviour()) : null;
    String target = samePortElsewhere != null ? samePortElsewhere.baseUrl() : elsewhere.baseUrl();
    hub = new RawServer((r, out, s) -> RawServer.respond(out, status, null, null,
        "Location: " + target + "/v2/auth/token?secret=" + PASSWORD));
    try (DockerHubClient client = DockerHubClient.builder().baseUrl(hub.baseUrl())
        .credentials(Credentials.password("mona", PASSWORD)).build()) {
      assertThatThrownBy(client::login)
          .isInstanceOf(LoginFailedException.class)
          .hasRootCauseInstanceOf(RedirectRefusedException.class)
          .satisfies(e -> {
            RedirectRefusedException refused = (RedirectRefusedException) e.getCause();
            assertThat(refused.status()).isEqualTo(status);
            assertThat(refused.targetOrigin()).isEqualTo(target);
            assertThat(refused.getMessage()).contains(target).doesNotContain("/v2/auth/token")
                .doesNotContain("secret=").doesNotContain(PASSWORD);
          });
    }
    assertThat(hub.requests("POST")).hasSize(1);
    RawServer other = samePortElsewhere != null ? samePortElsewhere : elsewhere;
    assertThat(other.connections.get()).as("the redirect target is never contacted").isZero();
    if (samePortElsewhere != null) {
      samePortElsewhere.close();
    }
  }

  @ParameterizedTest(name = "{0} on a GET")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectedGetIsRefusedAndTheJwtGoesNowhereElse(int status) throws Exception {
    String jwt = TestSupport.jwt("mona", TestSupport.T0.plusSeconds(36_000_000));
    hub = new RawServer((r, out, s) -> RawServer.respond(out, status, "text/html", "<a>moved</a>",
        "Location: " + elsewhere.baseUrl() + "/v2/access-tokens/" + UUID_1));
    try (DockerHubClient client = DockerHubClient.builder().baseUrl(hub.baseUrl()).credentials(Credentials.bearer(jwt))
        .build()) {
      assertThatThrownBy(() -> client.accessTokens().get(UUID_1))
          .isInstanceOfSatisfying(RedirectRefusedException.class, e -> {
            assertThat(e.operation()).isEqualTo("getAccessToken");
            assertThat(e.targetOrigin()).isEqualTo(elsewhere.baseUrl());
          });
    }
    assertThat(hub.requests("GET")).as("a 3xx is not retried either").hasSize(1);
    assertThat(elsewhere.connections.get()).isZero();
  }

  @ParameterizedTest(name = "a relative Location on {0}")
  @ValueSource(ints = {302, 307})
  void evenASameOriginRedirectIsNotFollowed(int status) throws Exception {
    hub = new RawServer((r, out, s) -> RawServer.respond(out, status, null, null, "Location: /v2/elsewhere"));
    try (DockerHubClient client = DockerHubClient.builder().baseUrl(hub.baseUrl())
        .credentials(Credentials.bearer(TestSupport.jwt("mona", TestSupport.T0.plusSeconds(36_000_000)))).build()) {
      assertThatThrownBy(() -> client.org("acme").settings()).isInstanceOf(RedirectRefusedException.class)
          .hasMessageContaining(hub.baseUrl()).hasMessageNotContaining("/v2/elsewhere");
    }
    assertThat(hub.requests).extracting(RawServer.Request::target).isEqualTo(List.of("/v2/orgs/acme/settings"));
  }

  private static RawServer.Behaviour elsewhereBehaviour() {
    return (r, out, s) -> RawServer.json(out, 200, "{\"access_token\":\"x.y.z\"}");
  }
}
