package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.AuthenticationState.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.AccountLockedException;
import io.github.hubsdk.client.error.LoginFailedException;
import io.github.hubsdk.client.error.TwoFactorRequiredException;
import io.github.hubsdk.openapi.api.AuthenticationApi;
import io.github.hubsdk.openapi.model.AuthTokenRequest;
import io.github.hubsdk.openapi.model.FieldsError;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** createAuthToken, login and login2fa: the SDK's three ways to obtain a JWT. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class AuthenticationPactTest {

  @Pact(consumer = CONSUMER)
  V4Pact createAuthToken(PactDslWithProvider p) {
    return json(p.given(USER)
        .uponReceiving("createAuthToken: a password login")
        .method("POST").path("/v2/auth/token"))
        .body(new PactDslJsonBody()
            .valueFromProviderState("identifier", "${username}", "hubsdk")
            .valueFromProviderState("secret", "${password}", "<password from the provider state>"))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringMatcher("access_token", JWT, FAKE_JWT))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createAuthToken")
  void passwordLoginSucceedsAndHidesThePassword(MockServer server) {
    // The mock answers only the recorded request, so a login that succeeds sent it; the JWT it answered is
    // the SDK's business (what it sends next is covered by the bearer of the other interactions).
    try (DockerHubClient hub = Clients.with(server, Credentials.password("hubsdk", CONSUMER_PASSWORD))) {
      assertThatCode(hub::login).doesNotThrowAnyException();
      assertThat(hub.toString()).doesNotContain(CONSUMER_PASSWORD);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createAuthTokenRejected(PactDslWithProvider p) {
    return json(p.given(USER)
        .uponReceiving("createAuthToken: a login with a wrong password")
        .method("POST").path("/v2/auth/token"))
        .body(new PactDslJsonBody()
            .valueFromProviderState("identifier", "${username}", "hubsdk")
            .stringValue("secret", "wrong-password-on-purpose"))
        .willRespondWith().status(401)
        .body(new PactDslJsonBody().stringType("detail", "Incorrect authentication credentials"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createAuthTokenRejected")
  void wrongPasswordIsALoginFailureThatIsNotRetried(MockServer server) {
    try (DockerHubClient hub = Clients.with(server, Credentials.password("hubsdk", "wrong-password-on-purpose"))) {
      assertThatThrownBy(hub::login).isInstanceOf(LoginFailedException.class)
          .satisfies(e -> assertThat(((LoginFailedException) e).status()).isEqualTo(401));
      // Pact would match a repeated identical request again, so the mock cannot prove there was no second
      // request; only the SDK's "not trying again" message shows that it refused the retry itself.
      assertThatThrownBy(hub::login).isInstanceOf(LoginFailedException.class).hasMessageContaining("not trying again");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact login(PactDslWithProvider p) {
    return json(p.given(USER)
        .uponReceiving("login: a legacy password login")
        .method("POST").path("/v2/users/login"))
        .body(new PactDslJsonBody()
            .valueFromProviderState("username", "${username}", "hubsdk")
            .valueFromProviderState("password", "${password}", "<password from the provider state>"))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringMatcher("token", JWT, FAKE_JWT))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "login")
  void legacyLoginSucceedsAndHidesThePassword(MockServer server) {
    try (DockerHubClient hub = Clients.with(server, Credentials.legacyLogin("hubsdk", CONSUMER_PASSWORD, null))) {
      assertThatCode(hub::login).doesNotThrowAnyException();
      assertThat(hub.toString()).doesNotContain(CONSUMER_PASSWORD);
    }
  }

  /** The first step of a 2FA user's legacy login: a 401 carrying the one-time token for the second step. */
  private static PactDslResponse twoFactorChallenge(PactDslWithProvider p) {
    return json(p.given(USER_2FA)
        .uponReceiving("login: a legacy login of a user with two-factor authentication")
        .method("POST").path("/v2/users/login"))
        .body(new PactDslJsonBody()
            .valueFromProviderState("username", "${username}", "hubsdk-2fa")
            .valueFromProviderState("password", "${password}", "<password from the provider state>"))
        .willRespondWith().status(401)
        .body(new PactDslJsonBody().stringType("detail", "Login requires a second factor")
            .stringType("login_2fa_token", EXAMPLE_2FA_TOKEN));
  }

  @Pact(consumer = CONSUMER)
  V4Pact twoFactorLogin(PactDslWithProvider p) {
    return json(twoFactorChallenge(p)
        .given(PENDING_2FA)
        .uponReceiving("login2fa: the second step of a two-factor login")
        .method("POST").path("/v2/users/2fa-login"))
        .body(new PactDslJsonBody()
            .valueFromProviderState("login_2fa_token", "${login2faToken}", EXAMPLE_2FA_TOKEN)
            .valueFromProviderState("code", "${code}", "000000"))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringMatcher("token", JWT, FAKE_JWT))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "twoFactorLogin")
  void twoFactorLoginAsksForTheCodeAndCompletes(MockServer server) {
    int[] asked = {0};
    try (DockerHubClient hub = Clients.with(server, Credentials.legacyLogin("hubsdk-2fa", CONSUMER_PASSWORD, () -> {
      asked[0]++;
      return CONSUMER_2FA_CODE;
    }))) {
      hub.login();
    }
    assertThat(asked[0]).isEqualTo(1);
  }

  /** Without a code supplier the 401 with a one-time token surfaces as its own exception. */
  @Pact(consumer = CONSUMER)
  V4Pact twoFactorRequired(PactDslWithProvider p) {
    return twoFactorChallenge(p)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "twoFactorRequired")
  void twoFactorWithoutCodeSupplierSurfacesTheOneTimeToken(MockServer server) {
    try (DockerHubClient hub = Clients.with(server, Credentials.legacyLogin("hubsdk-2fa", CONSUMER_PASSWORD, null))) {
      assertThatThrownBy(hub::login).isInstanceOfSatisfying(TwoFactorRequiredException.class,
          e -> assertThat(e.login2faToken()).isEqualTo(EXAMPLE_2FA_TOKEN));
    }
  }

  /** The credentials types refuse a blank secret, so the generated API sends it: the server's answer is the contract. */
  @Pact(consumer = CONSUMER)
  V4Pact createAuthTokenBlankSecret(PactDslWithProvider p) {
    return json(p.given(USER)
        .uponReceiving("createAuthToken: a blank secret is a field error")
        .method("POST").path("/v2/auth/token"))
        .body(new PactDslJsonBody()
            .valueFromProviderState("identifier", "${username}", "hubsdk")
            .stringValue("secret", ""))
        .willRespondWith().status(400)
        .body(new PactDslJsonBody()
            .object("fields")
            .eachLike("secret", PactDslJsonRootValue.stringType("This field may not be blank."), 1)
            .closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createAuthTokenBlankSecret")
  void blankSecretIsALoginFailureNamingTheField(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      AuthenticationApi api = hub.api(AuthenticationApi.class);
      assertThatThrownBy(() -> api.createAuthToken(new AuthTokenRequest().identifier("hubsdk").secret("")))
          .isInstanceOfSatisfying(LoginFailedException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorBody(FieldsError.class).orElseThrow().getFields()).containsKey("secret");
          });
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createAuthTokenLockedOut(PactDslWithProvider p) {
    return json(p.given(LOCKED_OUT)
        .uponReceiving("createAuthToken: the right password of a locked-out account")
        .method("POST").path("/v2/auth/token"))
        .body(new PactDslJsonBody()
            .valueFromProviderState("identifier", "${username}", "hubsdk")
            .valueFromProviderState("secret", "${password}", "<password from the provider state>"))
        .willRespondWith().status(429)
        .matchHeader("Retry-After", "\\d+", "600")
        .body(new PactDslJsonBody().stringType("detail", "Too many failed login attempts for this account; try again later"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createAuthTokenLockedOut")
  void lockedOutAccountIsAnAccountLockWithItsWait(MockServer server) {
    try (DockerHubClient hub = Clients.with(server, Credentials.password("hubsdk", CONSUMER_PASSWORD))) {
      assertThatThrownBy(hub::login).isInstanceOfSatisfying(AccountLockedException.class, e -> {
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(600));
      });
    }
  }
}
