package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static io.github.hubsdk.client.TestSupport.T0;
import static io.github.hubsdk.client.TestSupport.UUID_1;
import static io.github.hubsdk.client.TestSupport.accessTokenJson;
import static io.github.hubsdk.client.TestSupport.authTokenBody;
import static io.github.hubsdk.client.TestSupport.jwt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hubsdk.client.TestSupport.MutableClock;
import io.github.hubsdk.client.error.AccountLockedException;
import io.github.hubsdk.client.error.LoginFailedException;
import io.github.hubsdk.client.error.PasswordLoginRequiredException;
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.client.error.TwoFactorRequiredException;
import io.github.hubsdk.client.error.UnauthorizedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GET_TOKEN = "GET /v2/access-tokens/" + UUID_1;
  private static final String LOGIN = "POST /v2/auth/token";

  private HubStub stub;
  private MutableClock clock;
  private DockerHubClient hub;

  @BeforeEach
  void start() throws Exception {
    stub = new HubStub();
    clock = new MutableClock(T0);
    stub.on(GET_TOKEN, r -> json(200, accessTokenJson(UUID_1, "ci", "")));
  }

  @AfterEach
  void stop() {
    if (hub != null) {
      hub.close();
    }
    stub.close();
  }

  private DockerHubClient client(Credentials credentials) {
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(credentials).clock(clock)
        .retryPolicy(RetryPolicy.none()).build();
    return hub;
  }

  @Test
  void passwordLoginSendsIdentifierAndSecretOnceThenTheBearer() throws Exception {
    String token = jwt("mona", T0.plusSeconds(600));
    stub.script(LOGIN, json(200, authTokenBody(token)));
    client(Credentials.password("mona", "hunter2"));

    hub.accessTokens().get(UUID_1);
    hub.accessTokens().get(UUID_1);

    List<HubStub.Recorded> logins = stub.requests(LOGIN);
    assertThat(logins).hasSize(1);
    JsonNode body = JSON.readTree(logins.get(0).body());
    assertThat(body.get("identifier").asText()).isEqualTo("mona");
    assertThat(body.get("secret").asText()).isEqualTo("hunter2");
    assertThat(logins.get(0).header("Authorization")).as("the login itself carries no bearer").isNull();
    assertThat(stub.requests(GET_TOKEN)).hasSize(2)
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token))
        .allSatisfy(r -> assertThat(r.header("User-Agent")).matches("hubsdk-java/\\d+\\.\\d+\\.\\d+.*"));
  }

  @Test
  void accessTokenCredentialsUseTheSameLoginCall() throws Exception {
    stub.script(LOGIN, json(200, authTokenBody(jwt("a", T0.plusSeconds(600)))),
        json(200, authTokenBody(jwt("b", T0.plusSeconds(600)))));
    client(Credentials.personalAccessToken("mona", "dckr_pat_abc")).login();
    hub.close();
    client(Credentials.organizationAccessToken("acme", "dckr_oat_xyz")).login();

    List<HubStub.Recorded> logins = stub.requests(LOGIN);
    assertThat(logins).extracting(r -> JSON.readTree(r.body()).get("identifier").asText()).containsExactly("mona", "acme");
    assertThat(logins).extracting(r -> JSON.readTree(r.body()).get("secret").asText())
        .containsExactly("dckr_pat_abc", "dckr_oat_xyz");
  }

  @Test
  void loginIsEagerAndDoesNotRepeatWhileTheTokenIsFresh() {
    stub.script(LOGIN, json(200, authTokenBody(jwt("mona", T0.plusSeconds(600)))));
    client(Credentials.password("mona", "pw"));
    hub.login();
    assertThat(stub.requests(LOGIN)).hasSize(1);
    hub.login();
    hub.accessTokens().get(UUID_1);
    assertThat(stub.requests(LOGIN)).hasSize(1);
  }

  @Test
  void renewsTheTokenRefreshAheadBeforeItsExpiry() {
    String first = jwt("first", T0.plusSeconds(600));
    String second = jwt("second", T0.plusSeconds(1200));
    stub.script(LOGIN, json(200, authTokenBody(first)), json(200, authTokenBody(second)));
    client(Credentials.password("mona", "pw"));

    hub.accessTokens().get(UUID_1);
    clock.advance(Duration.ofSeconds(539)); // 61 s before exp: still fresh with the 60 s default
    hub.accessTokens().get(UUID_1);
    assertThat(stub.requests(LOGIN)).hasSize(1);

    clock.advance(Duration.ofSeconds(2)); // 59 s before exp: inside the margin
    hub.accessTokens().get(UUID_1);
    assertThat(stub.requests(LOGIN)).hasSize(2);
    assertThat(stub.requests(GET_TOKEN)).extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer " + first, "Bearer " + first, "Bearer " + second);
  }

  @Test
  void refreshAheadIsConfigurable() {
    stub.script(LOGIN, json(200, authTokenBody(jwt("a", T0.plusSeconds(600)))),
        json(200, authTokenBody(jwt("b", T0.plusSeconds(1200)))));
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.password("mona", "pw"))
        .clock(clock).refreshAhead(Duration.ofMinutes(5)).build();
    hub.login();
    clock.advance(Duration.ofSeconds(301)); // 299 s before exp
    hub.login();
    assertThat(stub.requests(LOGIN)).hasSize(2);
  }

  @Test
  void eightConcurrentCallersCauseOneLogin() throws Exception {
    AtomicInteger logins = new AtomicInteger();
    String token = jwt("shared", T0.plusSeconds(600));
    // Slow login, so that every caller arrives while it is in flight.
    stub.on(LOGIN, r -> {
      logins.incrementAndGet();
      return json(200, authTokenBody(token)).delayed(300);
    });
    client(Credentials.password("mona", "pw"));
    int callers = 8;
    CyclicBarrier start = new CyclicBarrier(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit((Callable<Object>) () -> {
          start.await(5, TimeUnit.SECONDS);
          return hub.accessTokens().get(UUID_1);
        }));
      }
      for (Future<Object> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isNotNull();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(logins.get()).isEqualTo(1);
    assertThat(stub.requests(GET_TOKEN)).hasSize(callers)
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
  }

  @Test
  void a401RenewsTheTokenAndRepeatsTheCallOnce() {
    String stale = jwt("stale", T0.plusSeconds(600));
    String fresh = jwt("fresh", T0.plusSeconds(600));
    stub.script(LOGIN, json(200, authTokenBody(stale)), json(200, authTokenBody(fresh)));
    stub.script(GET_TOKEN, json(401, "{\"detail\":\"Token expired\"}"), json(200, accessTokenJson(UUID_1, "ci", "")));
    client(Credentials.password("mona", "pw"));

    assertThat(hub.accessTokens().get(UUID_1).getTokenLabel()).isEqualTo("ci");
    assertThat(stub.requests(LOGIN)).hasSize(2);
    assertThat(stub.requests(GET_TOKEN)).extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer " + stale, "Bearer " + fresh);
  }

  @Test
  void aSecond401AfterRenewalIsThrownNotRetriedAgain() {
    stub.on(LOGIN, r -> json(200, authTokenBody(jwt("t" + System.nanoTime(), T0.plusSeconds(600)))));
    stub.on(GET_TOKEN, r -> json(401, "{\"detail\":\"nope\"}"));
    client(Credentials.password("mona", "pw"));

    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(UnauthorizedException.class)
        .satisfies(e -> assertThat(((UnauthorizedException) e).status()).isEqualTo(401));
    assertThat(stub.requests(GET_TOKEN)).hasSize(2);
    assertThat(stub.requests(LOGIN)).hasSize(2);
  }

  @Test
  void aBearerTokenIsSentAsIsAndNotRenewedOn401() {
    stub.on(GET_TOKEN, r -> json(401, "{\"detail\":\"expired\"}"));
    client(Credentials.bearer("static.jwt.value"));
    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(UnauthorizedException.class);
    assertThat(stub.requests()).hasSize(1);
    assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Bearer static.jwt.value");
  }

  @Test
  void aRejectedLoginIsNeverRetried() {
    stub.on(LOGIN, r -> json(401, "{\"detail\":\"Incorrect authentication credentials\",\"message\":\"x\"}"));
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.password("mona", "wrong"))
        .clock(clock).sleeper(d -> { }).build(); // default retry policy: GETs would be retried

    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(LoginFailedException.class)
        .hasMessageContaining("Incorrect authentication credentials");
    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(LoginFailedException.class)
        .hasMessageContaining("not trying again");
    assertThatThrownBy(hub::login).isInstanceOf(LoginFailedException.class);
    assertThat(stub.requests(LOGIN)).hasSize(1);
    assertThat(stub.requests(GET_TOKEN)).isEmpty();
  }

  @Test
  void aRateLimitedOrFailingLoginIsNotRetriedEvenInsideARetriedGet() {
    stub.on(LOGIN, r -> json(429, "{\"detail\":\"Rate limit exceeded\",\"error\":false}").header("Retry-After", "1"));
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.password("mona", "pw"))
        .clock(clock).sleeper(d -> { }).build();
    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(AccountLockedException.class)
        .satisfies(e -> assertThat(((AccountLockedException) e).retryAfter()).contains(Duration.ofSeconds(1)));
    assertThat(stub.requests(LOGIN)).hasSize(1);
    hub.close();

    stub.on(LOGIN, r -> json(503, "{\"detail\":\"down\"}"));
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.password("mona", "pw"))
        .clock(clock).sleeper(d -> { }).build();
    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(LoginFailedException.class)
        .hasCauseInstanceOf(ServerErrorException.class);
    assertThat(stub.requests(LOGIN)).hasSize(2);
  }

  @Test
  void aTokenArrivingInsideItsRenewalMarginIsKeptNotRenewedOnEveryCall() {
    // refreshAhead longer than the token lives (or a client clock running ahead) must not turn every call
    // into a login.
    stub.on(LOGIN, r -> json(200, authTokenBody(jwt("mona", clock.instant().plusSeconds(600)))));
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.password("mona", "hunter2"))
        .clock(clock).refreshAhead(Duration.ofMinutes(15)).retryPolicy(RetryPolicy.none()).build();

    hub.accessTokens().get(UUID_1);
    hub.accessTokens().get(UUID_1);
    clock.advance(Duration.ofMinutes(4));
    hub.accessTokens().get(UUID_1);
    assertThat(stub.requests(LOGIN)).as("kept for half of its remaining 10 minutes").hasSize(1);

    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    hub.accessTokens().get(UUID_1);
    assertThat(stub.requests(LOGIN)).hasSize(2);
  }

  @Test
  void aTokenKnownToBeExpiredIsNeverSent() {
    // A JWT living 10 s against a 60 s renewal margin: kept while valid, never sent past its exp.
    java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();
    stub.on(LOGIN, r -> json(200, authTokenBody(jwt("mona-" + logins.incrementAndGet(),
        clock.instant().plusSeconds(10)))));
    java.util.List<String> sentExpired = new java.util.concurrent.CopyOnWriteArrayList<>();
    stub.on(GET_TOKEN, r -> {
      String bearer = r.header("Authorization").substring("Bearer ".length());
      if (!Jwt.expiry(bearer).orElseThrow().isAfter(clock.instant())) {
        sentExpired.add(bearer);
        return json(401, "{\"detail\":\"Token expired\"}");
      }
      return json(200, accessTokenJson(UUID_1, "ci", ""));
    });
    hub = DockerHubClient.builder().baseUrl(stub.baseUrl()).credentials(Credentials.password("mona", "hunter2"))
        .clock(clock).refreshAhead(Duration.ofSeconds(60)).retryPolicy(RetryPolicy.none()).build();

    hub.accessTokens().get(UUID_1);
    clock.advance(Duration.ofSeconds(9));
    hub.accessTokens().get(UUID_1);
    assertThat(logins).as("still valid at 9 s: kept").hasValue(1);
    clock.advance(Duration.ofSeconds(2));
    hub.accessTokens().get(UUID_1);
    assertThat(logins).as("past exp at 11 s: a new login before the call").hasValue(2);
    assertThat(sentExpired).isEmpty();
    assertThat(stub.requests(GET_TOKEN)).hasSize(3);
  }

  @Test
  void aLockedOutLoginIsRetriedOnlyAfterTheRetryAfterTheServerNamed() {
    stub.script(LOGIN,
        json(429, "{\"detail\":\"Too many failed login attempts\",\"error\":false}").header("Retry-After", "600"),
        json(200, authTokenBody(jwt("mona", T0.plusSeconds(3600)))));
    client(Credentials.password("mona", "hunter2"));

    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(AccountLockedException.class);
    clock.advance(Duration.ofMinutes(9));
    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(LoginFailedException.class)
        .hasMessageContaining("not trying again");
    assertThat(stub.requests(LOGIN)).as("no attempt while the lock-out lasts").hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    hub.accessTokens().get(UUID_1);
    assertThat(stub.requests(LOGIN)).hasSize(2);
  }

  @Test
  void wrongCredentialsStayRejectedHoweverLongTheClientLives() {
    stub.script(LOGIN, json(401, "{\"detail\":\"Incorrect authentication credentials\"}"));
    client(Credentials.password("mona", "wrong"));

    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(LoginFailedException.class);
    clock.advance(Duration.ofHours(1));
    assertThatThrownBy(() -> hub.accessTokens().get(UUID_1)).isInstanceOf(LoginFailedException.class)
        .hasMessageContaining("not trying again");
    assertThat(stub.requests(LOGIN)).hasSize(1);
  }

  @Test
  void twoFactorLoginCompletesWithTheSuppliedCode() throws Exception {
    String token = jwt("mona", T0.plusSeconds(600));
    stub.script("POST /v2/users/login",
        json(401, "{\"detail\":\"Two-factor authentication required\",\"login_2fa_token\":\"one-time-2fa\"}"));
    stub.script("POST /v2/users/2fa-login", json(200, "{\"token\":\"" + token + "\"}"));
    AtomicInteger asked = new AtomicInteger();
    client(Credentials.legacyLogin("mona", "hunter2", () -> {
      asked.incrementAndGet();
      return "492039";
    }));

    hub.accessTokens().get(UUID_1);

    JsonNode login = JSON.readTree(stub.requests("POST /v2/users/login").get(0).body());
    assertThat(login.get("username").asText()).isEqualTo("mona");
    assertThat(login.get("password").asText()).isEqualTo("hunter2");
    List<HubStub.Recorded> second = stub.requests("POST /v2/users/2fa-login");
    assertThat(second).hasSize(1);
    JsonNode twoFa = JSON.readTree(second.get(0).body());
    assertThat(twoFa.get("login_2fa_token").asText()).isEqualTo("one-time-2fa");
    assertThat(twoFa.get("code").asText()).isEqualTo("492039");
    assertThat(asked.get()).isEqualTo(1);
    assertThat(stub.requests(GET_TOKEN).get(0).header("Authorization")).isEqualTo("Bearer " + token);
  }

  @Test
  void legacyLoginWithoutSecondFactor() {
    String token = jwt("mona", T0.plusSeconds(600));
    stub.script("POST /v2/users/login", json(200, "{\"token\":\"" + token + "\"}"));
    client(Credentials.legacyLogin("mona", "pw", null));
    hub.accessTokens().get(UUID_1);
    assertThat(stub.requests("POST /v2/users/2fa-login")).isEmpty();
    assertThat(stub.requests(GET_TOKEN).get(0).header("Authorization")).isEqualTo("Bearer " + token);
  }

  @Test
  void twoFactorWithoutACodeSupplierFailsWithoutLeakingTheOneTimeToken() {
    stub.script("POST /v2/users/login",
        json(401, "{\"detail\":\"Two-factor authentication required\",\"login_2fa_token\":\"one-time-2fa\"}"));
    client(Credentials.legacyLogin("mona", "pw", null));
    assertThatThrownBy(hub::login).isInstanceOf(TwoFactorRequiredException.class)
        .satisfies(e -> {
          TwoFactorRequiredException t = (TwoFactorRequiredException) e;
          assertThat(t.login2faToken()).isEqualTo("one-time-2fa");
          assertThat(t.toString()).doesNotContain("one-time-2fa");
          assertThat(String.valueOf(t.errorBody().orElseThrow())).doesNotContain("one-time-2fa");
        });
    assertThat(stub.requests("POST /v2/users/2fa-login")).isEmpty();
  }

  @Test
  void aWrongSecondFactorIsNotRetried() {
    stub.on("POST /v2/users/login",
        r -> json(401, "{\"detail\":\"Two-factor authentication required\",\"login_2fa_token\":\"one-time-2fa\"}"));
    stub.on("POST /v2/users/2fa-login", r -> json(401, "{\"detail\":\"Incorrect code\"}"));
    client(Credentials.legacyLogin("mona", "pw", () -> "000000"));
    assertThatThrownBy(hub::login).isInstanceOf(LoginFailedException.class).hasMessageContaining("Incorrect code");
    assertThatThrownBy(hub::login).isInstanceOf(LoginFailedException.class);
    assertThat(stub.requests("POST /v2/users/login")).hasSize(1);
    assertThat(stub.requests("POST /v2/users/2fa-login")).hasSize(1);
  }

  @Test
  void aPatDerivedTokenIsToldThatAccessTokensNeedAPasswordLogin() {
    stub.script(LOGIN, json(200, authTokenBody(jwt("pat", T0.plusSeconds(600)))));
    stub.on("GET /v2/access-tokens", r -> json(403,
        "{\"message\":\"token issued from personal access token is not allowed\",\"errinfo\":{}}"));
    client(Credentials.personalAccessToken("mona", "dckr_pat_abc"));
    assertThatThrownBy(() -> hub.accessTokens().list().toList())
        .isInstanceOf(PasswordLoginRequiredException.class)
        .hasMessageContaining("password login")
        .hasMessageContaining("Credentials.password")
        .satisfies(e -> assertThat(((PasswordLoginRequiredException) e).operation()).isEqualTo("listAccessTokens"));
  }

  @Test
  void aTokenWithoutReadableExpiryIsRenewedAfterAConservativeLifetime() {
    stub.script(LOGIN, json(200, authTokenBody("opaque-token")), json(200, authTokenBody("opaque-token-2")));
    client(Credentials.password("mona", "pw"));
    hub.login();
    clock.advance(TokenManager.UNKNOWN_LIFETIME.minusSeconds(1));
    hub.login();
    assertThat(stub.requests(LOGIN)).hasSize(1);
    clock.advance(Duration.ofSeconds(2));
    hub.login();
    assertThat(stub.requests(LOGIN)).hasSize(2);
  }

  @Test
  void credentialsAreValidatedAndNeverPrinted() {
    Set<String> shown = List.of(Credentials.password("mona", "hunter2"),
            Credentials.personalAccessToken("mona", "dckr_pat_abc"),
            Credentials.organizationAccessToken("acme", "dckr_oat_xyz"),
            Credentials.legacyLogin("mona", "hunter2", () -> "1"), Credentials.bearer("eyJ.secret.jwt"))
        .stream().map(Object::toString).collect(Collectors.toSet());
    assertThat(String.join(" ", shown)).contains("mona", "acme")
        .doesNotContain("hunter2", "dckr_pat_abc", "dckr_oat_xyz", "eyJ.secret.jwt");
    assertThatThrownBy(() -> Credentials.password("mona", " ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Credentials.password(null, "pw")).isInstanceOf(IllegalArgumentException.class);
  }
}
