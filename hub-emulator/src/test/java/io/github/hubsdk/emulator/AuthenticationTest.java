package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends EmulatorTestSupport {

  @Test
  void passwordLoginIssuesAnHs256JwtThatExpiresAfterTheTtl() throws Exception {
    start();
    String jwt = loginDefault();
    JsonNode claims = claims(jwt);
    assertThat(claims.get("username").asText()).isEqualTo("hubsdk");
    assertThat(claims.get("auth_method").asText()).isEqualTo("password");
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
    assertThat(claims.get("iat").asLong()).isEqualTo(T0.getEpochSecond());
    assertThat(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0]))).contains("HS256");

    assertThat(get("/v2/access-tokens", jwt).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(get("/v2/access-tokens", jwt).status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    Resp expired = get("/v2/access-tokens", jwt);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().get("detail").asText()).isNotBlank();
  }

  @Test
  void tokenTtlIsConfigurable() throws Exception {
    start(b -> b.tokenTtl(Duration.ofSeconds(30)));
    String jwt = loginDefault();
    assertThat(claims(jwt).get("exp").asLong()).isEqualTo(T0.getEpochSecond() + 30);
    clock.advance(Duration.ofSeconds(30));
    assertThat(get("/v2/access-tokens", jwt).status()).isEqualTo(401);
  }

  @Test
  void forgedOrForeignTokensAreRefused() {
    start();
    String jwt = loginDefault();
    String tampered = jwt.substring(0, jwt.length() - 2) + (jwt.endsWith("AA") ? "BB" : "AA");
    assertThat(get("/v2/access-tokens", tampered).status()).isEqualTo(401);
    assertThat(get("/v2/access-tokens", "not-a-jwt").status()).isEqualTo(401);
    Resp anonymous = get("/v2/access-tokens", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("detail").asText()).isEqualTo("Authentication credentials were not provided.");
  }

  @Test
  void badCredentialsAnswer401AndMalformedBodies400() {
    start();
    Resp wrong = post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", "nope"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("detail").asText()).isEqualTo("Incorrect authentication credentials");
    assertThat(post("/v2/auth/token", null, Map.of("identifier", "nobody", "secret", "x")).status()).isEqualTo(401);
    Resp missing = post("/v2/auth/token", null, Map.of("identifier", "hubsdk"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/fields/secret/0").asText()).isEqualTo("This field is required.");
    assertThat(post("/v2/auth/token", null, "[1,2]").status()).isEqualTo(400);

    Resp login = post("/v2/users/login", null, Map.of("username", "hubsdk", "password", "nope"));
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.json().get("login_2fa_token").isNull()).isTrue();
    assertThat(post("/v2/users/login", null, "not json").status()).isEqualTo(400);
    assertThat(post("/v2/users/2fa-login", null, Map.of("code", "1")).status()).isEqualTo(400);
  }

  @Test
  void deprecatedLoginAcceptsPasswordsAndPats() throws Exception {
    SeededToken[] pat = new SeededToken[1];
    start(b -> b.seed(s -> pat[0] = s.personalAccessToken("hubsdk", "ci", "repo:read")));
    Resp byPassword = post("/v2/users/login", null, Map.of("username", "hubsdk", "password", "hubsdk-password"));
    assertThat(byPassword.status()).isEqualTo(200);
    assertThat(claims(byPassword.json().get("token").asText()).get("auth_method").asText()).isEqualTo("password");
    Resp byPat = post("/v2/users/login", null, Map.of("username", "hubsdk", "password", pat[0].secret()));
    assertThat(byPat.status()).isEqualTo(200);
    assertThat(claims(byPat.json().get("token").asText()).get("auth_method").asText()).isEqualTo("pat");
  }

  @Test
  void twoFactorLoginNeedsTheSecondStep() throws Exception {
    start(b -> b.seed(s -> s.user("mona", "s3cret").twoFactor("492039")));
    Resp first = post("/v2/users/login", null, Map.of("username", "mona", "password", "s3cret"));
    assertThat(first.status()).isEqualTo(401);
    String pending = first.json().get("login_2fa_token").asText();
    assertThat(pending).isNotBlank();

    Resp wrongCode = post("/v2/users/2fa-login", null, Map.of("login_2fa_token", pending, "code", "000000"));
    assertThat(wrongCode.status()).isEqualTo(401);
    Resp ok = post("/v2/users/2fa-login", null, Map.of("login_2fa_token", pending, "code", "492039"));
    assertThat(ok.status()).isEqualTo(200);
    String jwt = ok.json().get("token").asText();
    assertThat(claims(jwt).get("username").asText()).isEqualTo("mona");
    assertThat(get("/v2/access-tokens", jwt).status()).isEqualTo(200);
    assertThat(post("/v2/users/2fa-login", null, Map.of("login_2fa_token", pending, "code", "492039")).status())
        .as("a 2FA token is single-use").isEqualTo(401);
    assertThat(post("/v2/auth/token", null, Map.of("identifier", "mona", "secret", "s3cret")).status())
        .as("auth/token does not take a bare password for a 2FA account").isEqualTo(401);
  }

  @Test
  void repeatedFailuresLockTheIdentifierWith429UntilTheLockExpires() {
    start(b -> b.loginLockout(3, Duration.ofMinutes(10)));
    for (int i = 0; i < 3; i++) {
      assertThat(post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", "nope")).status()).isEqualTo(401);
    }
    Resp locked = post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", "hubsdk-password"));
    assertThat(locked.status()).as("even the right password is refused while locked").isEqualTo(429);
    assertThat(locked.header("Retry-After")).isEqualTo("600");
    assertThat(locked.json().get("detail").asText()).contains("failed login");
    assertThat(post("/v2/users/login", null, Map.of("username", "hubsdk", "password", "hubsdk-password")).status())
        .isEqualTo(429);
    clock.advance(Duration.ofMinutes(4));
    assertThat(post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", "x")).header("Retry-After"))
        .isEqualTo("360");
    clock.advance(Duration.ofMinutes(6));
    assertThat(loginDefault()).isNotBlank();
  }

  @Test
  void successResetsTheFailureCount() {
    start(b -> b.loginLockout(3, Duration.ofMinutes(10)));
    post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", "nope"));
    post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", "nope"));
    loginDefault();
    post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", "nope"));
    post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", "nope"));
    assertThat(loginDefault()).isNotBlank();
  }

  @Test
  void patLoginsAreRefusedOnAccessTokenEndpointsAndUpdateLastUsed() throws Exception {
    SeededToken[] pat = new SeededToken[1];
    start(b -> b.seed(s -> pat[0] = s.personalAccessToken("hubsdk", "ci", "repo:write")));
    String password = loginDefault();
    assertThat(get("/v2/access-tokens/" + pat[0].uuid(), password).json().get("last_used").isNull()).isTrue();

    clock.advance(Duration.ofMinutes(1));
    String patJwt = login("hubsdk", pat[0].secret());
    assertThat(claims(patJwt).get("auth_method").asText()).isEqualTo("pat");
    for (Resp r : new Resp[] {get("/v2/access-tokens", patJwt), get("/v2/access-tokens/" + pat[0].uuid(), patJwt),
        post("/v2/access-tokens", patJwt, tokenRequest("x", "repo:read")),
        send("PATCH", "/v2/access-tokens/" + pat[0].uuid(), patJwt, Map.of("is_active", false)),
        send("DELETE", "/v2/access-tokens/" + pat[0].uuid(), patJwt, null)}) {
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.raw().body()).isEqualTo("{\"message\":\"token issued from personal access token is not allowed\",\"errinfo\":{}}");
    }
    assertThat(get("/v2/namespaces/hubsdk/repositories/example/images-summary", patJwt).status())
        .as("a PAT JWT works elsewhere").isEqualTo(200);
    assertThat(get("/v2/access-tokens", pat[0].secret()).status()).as("a raw PAT is no bearer").isEqualTo(401);
    assertThat(get("/v2/access-tokens/" + pat[0].uuid(), password).json().get("last_used").asText())
        .isEqualTo(T0.plus(Duration.ofMinutes(1)).toString());
  }

  @Test
  void inactiveExpiredAndDeletedPatsCannotLogIn() {
    SeededToken[] t = new SeededToken[3];
    start(b -> b.seed(s -> {
      t[0] = s.personalAccessToken("hubsdk", "off").inactive().create();
      t[1] = s.personalAccessToken("hubsdk", "short", s.now().plus(Duration.ofHours(1)), true, "repo:read");
      t[2] = s.personalAccessToken("hubsdk", "doomed", "repo:read");
    }));
    assertThat(post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", t[0].secret())).status()).isEqualTo(401);
    String shortLived = login("hubsdk", t[1].secret());
    String doomed = login("hubsdk", t[2].secret());
    assertThat(get("/v2/namespaces/hubsdk/repositories/example/images-summary", doomed).status()).isEqualTo(200);
    assertThat(send("DELETE", "/v2/access-tokens/" + t[2].uuid(), loginDefault(), null).status()).isEqualTo(204);
    assertThat(get("/v2/namespaces/hubsdk/repositories/example/images-summary", doomed).status())
        .as("deleting a PAT revokes its JWTs").isEqualTo(401);
    assertThat(post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", t[2].secret())).status()).isEqualTo(401);
    clock.advance(Duration.ofHours(1));
    assertThat(post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", t[1].secret())).status()).isEqualTo(401);
    assertThat(shortLived).isNotBlank();
  }

  @Test
  void organizationAccessTokensLogInWithTheOrgName() throws Exception {
    SeededToken[] oat = new SeededToken[1];
    start(b -> b.seed(s -> {
      s.org("acme", Plan.TEAM).owners("hubsdk");
      s.repository("acme", "web").images(3);
      oat[0] = s.organizationAccessToken("acme", "deploy");
    }));
    String jwt = login("acme", oat[0].secret());
    assertThat(claims(jwt).get("auth_method").asText()).isEqualTo("oat");
    assertThat(claims(jwt).get("username").asText()).isEqualTo("acme");
    assertThat(get("/v2/namespaces/acme/repositories/web/images", jwt).json().get("count").asInt()).isEqualTo(3);
    assertThat(get("/v2/access-tokens", jwt).status()).isEqualTo(403);
    assertThat(post("/v2/auth/token", null, Map.of("identifier", "hubsdk", "secret", oat[0].secret())).status())
        .as("an OAT logs in only with its org name").isEqualTo(401);
  }
}
