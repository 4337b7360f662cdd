package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static io.github.hubsdk.client.TestSupport.T0;
import static io.github.hubsdk.client.TestSupport.UUID_1;
import static io.github.hubsdk.client.TestSupport.accessTokenJson;
import static io.github.hubsdk.client.TestSupport.authTokenBody;
import static io.github.hubsdk.client.TestSupport.jwt;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs every path that handles a secret with DEBUG logging captured, then scans the log, every exception
 * (message, toString, stack trace with causes) and every toString for the secrets.
 */
class SecretLeakTest {

  private static final String PASSWORD = "Pa55-w0rd-LEAK";
  private static final String PAT = "dckr_pat_LEAKLEAKLEAK";
  private static final String OAT = "dckr_oat_LEAKLEAKLEAK";
  private static final String CREATED_PAT = "dckr_pat_CREATEDSECRET";
  private static final String TWO_FA_TOKEN = "2fa-LEAK-one-time";
  private static final String TOTP = "918273";
  private static final String JWT_1 = jwt("leak-first", T0.plusSeconds(600));
  private static final String JWT_2 = jwt("leak-second", T0.plusSeconds(1200));

  private HubStub stub;
  private ListAppender<ILoggingEvent> appender;
  private Logger root;
  private Level previous;
  private final List<Object> printed = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    stub = new HubStub();
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    previous = root.getLevel();
    root.setLevel(Level.DEBUG);
    appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
  }

  @AfterEach
  void stop() {
    root.detachAppender(appender);
    root.setLevel(previous);
    stub.close();
  }

  private void capture(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      printed.add(e);
    }
  }

  @Test
  void noPasswordTokenOrJwtAppearsInLogsExceptionsOrToString() {
    AtomicInteger logins = new AtomicInteger();
    stub.on("POST /v2/auth/token", r -> {
      if (r.body().contains(PASSWORD) || r.body().contains(PAT) || r.body().contains(OAT)) {
        return json(200, authTokenBody(logins.incrementAndGet() == 1 ? JWT_1 : JWT_2));
      }
      return json(401, "{\"detail\":\"Incorrect authentication credentials\"}");
    });
    stub.script("GET /v2/access-tokens/" + UUID_1, json(401, "{\"detail\":\"Token expired\"}"),
        json(200, accessTokenJson(UUID_1, "ci", "")));
    stub.on("GET /v2/access-tokens", r -> json(200, "{\"count\":1,\"next\":null,\"previous\":null,\"active_count\":1,"
        + "\"results\":[" + accessTokenJson(UUID_1, "ci", "") + "]}"));
    stub.on("POST /v2/access-tokens", r -> json(201, accessTokenJson(UUID_1, "ci", CREATED_PAT)));
    stub.on("DELETE /v2/access-tokens/" + UUID_1, r -> json(403,
        "{\"message\":\"token issued from personal access token is not allowed\",\"errinfo\":{}}"));
    stub.on("POST /v2/users/login", r -> json(401,
        "{\"detail\":\"Two-factor authentication required\",\"login_2fa_token\":\"" + TWO_FA_TOKEN + "\"}"));
    stub.on("POST /v2/users/2fa-login", r -> r.body().contains(TOTP)
        ? json(200, "{\"token\":\"" + JWT_2 + "\"}") : json(401, "{\"detail\":\"Incorrect code\"}"));

    Credentials password = Credentials.password("mona", PASSWORD);
    try (DockerHubClient hub = client(password)) {
      printed.add(hub);
      printed.add(password);
      capture(() -> hub.accessTokens().get(UUID_1));            // login, 401, renewal, repeat
      capture(() -> hub.accessTokens().list().toList());
      AccessToken created = hub.accessTokens().create("ci", List.of(AccessTokenScope.REPO_READ));
      assertThat(created.getToken()).isEqualTo(CREATED_PAT);      // the caller gets the secret ...
      printed.add(created);                                      // ... but toString masks it
      capture(() -> hub.accessTokens().delete(UUID_1));         // 403 PasswordLoginRequired
    }
    try (DockerHubClient hub = client(Credentials.personalAccessToken("mona", PAT))) {
      hub.login();
    }
    try (DockerHubClient hub = client(Credentials.organizationAccessToken("acme", OAT))) {
      hub.login();
    }
    try (DockerHubClient hub = client(Credentials.password("mona", "wrong-password"))) {
      capture(hub::login);                                       // 401 LoginFailed
      capture(hub::login);                                       // sticky failure
    }
    try (DockerHubClient hub = client(Credentials.legacyLogin("mona", PASSWORD, () -> TOTP))) {
      hub.login();                                               // 401 with 2FA token, then 2fa-login
    }
    try (DockerHubClient hub = client(Credentials.legacyLogin("mona", PASSWORD, null))) {
      capture(hub::login);                                       // TwoFactorRequired
    }
    try (DockerHubClient hub = client(Credentials.bearer(JWT_1))) {
      printed.add(hub);
    }

    String logs = logText();
    assertThat(appender.list).as("DEBUG wire logging was captured").isNotEmpty();
    assertThat(logs).contains("POST", "/v2/auth/token", "Authorization: " + RedactingLogger.MASK,
        "\"secret\":\"" + RedactingLogger.MASK + "\"", "\"access_token\":\"" + RedactingLogger.MASK + "\"",
        "\"login_2fa_token\":\"" + RedactingLogger.MASK + "\"", "\"code\":\"" + RedactingLogger.MASK + "\"",
        "\"token\":\"" + RedactingLogger.MASK + "\"", "\"password\":\"" + RedactingLogger.MASK + "\"");
    assertThat(printed.stream().filter(o -> o instanceof DockerHubException)).hasSize(4);

    StringBuilder everything = new StringBuilder(logs);
    for (Object o : printed) {
      everything.append('\n').append(o);
      if (o instanceof Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        everything.append('\n').append(trace);
        for (Throwable c = t; c != null; c = c.getCause()) {
          everything.append('\n').append(c.getMessage());
          if (c instanceof DockerHubException hubException) {
            hubException.errorBody().ifPresent(b -> everything.append('\n').append(b));
          }
        }
      }
    }
    String all = everything.toString();
    for (String secret : List.of(PASSWORD, PAT, OAT, CREATED_PAT, TWO_FA_TOKEN, TOTP, JWT_1, JWT_2,
        JWT_1.split("\\.")[1], JWT_2.split("\\.")[1])) {
      assertThat(all).as("secret %s leaked", secret.substring(0, 6) + "...").doesNotContain(secret);
    }
  }

  @Test
  void redactionCoversEverySecretFieldAndHeader() {
    assertThat(RedactingLogger.redactBody("{\"identifier\":\"mona\",\"secret\":\"s3\\\"cret\",\"token_label\":\"ci\","
        + "\"code\":13, \"token\" : \"abc\"}"))
        .isEqualTo("{\"identifier\":\"mona\",\"secret\":\"****\",\"token_label\":\"ci\",\"code\":13, \"token\" : \"****\"}");
    assertThat(RedactingLogger.redactHeader("authorization", "Bearer x")).isEqualTo(RedactingLogger.MASK);
    assertThat(RedactingLogger.redactHeader("Set-Cookie", "session=x")).isEqualTo(RedactingLogger.MASK);
    assertThat(RedactingLogger.redactHeader("Content-Type", "application/json")).isEqualTo("application/json");
  }

  @Test
  void generatedModelsMaskEverySecretInToString() {
    List<Object> models = List.of(
        new io.github.hubsdk.openapi.model.AuthTokenRequest().identifier("mona").secret(PASSWORD),
        new io.github.hubsdk.openapi.model.AuthTokenResponse().accessToken(JWT_1),
        new io.github.hubsdk.openapi.model.LoginRequest().username("mona").password(PASSWORD),
        new io.github.hubsdk.openapi.model.LoginResponse().token(JWT_1),
        new io.github.hubsdk.openapi.model.LoginFailure().detail("2FA").login2faToken(TWO_FA_TOKEN),
        new io.github.hubsdk.openapi.model.TwoFactorLoginRequest().login2faToken(TWO_FA_TOKEN).code(TOTP),
        new AccessToken().tokenLabel("ci").token(CREATED_PAT));
    for (Object model : models) {
      assertThat(model.toString()).as(model.getClass().getSimpleName())
          .doesNotContain(PASSWORD, JWT_1, TWO_FA_TOKEN, TOTP, CREATED_PAT);
    }
  }

  private DockerHubClient client(Credentials credentials) {
    return DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(credentials)
        .clock(new TestSupport.MutableClock(T0)).retryPolicy(RetryPolicy.none()).build();
  }

  private String logText() {
    StringBuilder sb = new StringBuilder();
    for (ILoggingEvent e : appender.list) {
      sb.append(e.getFormattedMessage()).append('\n');
      if (e.getThrowableProxy() != null) {
        sb.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
      }
    }
    return sb.toString();
  }
}
