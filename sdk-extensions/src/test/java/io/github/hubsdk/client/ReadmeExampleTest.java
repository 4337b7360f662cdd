package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.openapi.model.AccessToken;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's example, run against the stub, so that the documented code compiles and works. */
class ReadmeExampleTest {

  @Test
  void logInAndListEveryAccessToken() throws Exception {
    try (HubStub stub = new HubStub()) {
      stub.on("POST /v2/auth/token", r -> json(200, TestSupport.authTokenBody("opaque.jwt")));
      stub.on("GET /v2/access-tokens", r -> json(200, "{\"count\":1,\"next\":null,\"previous\":null,"
          + "\"active_count\":1,\"results\":[" + TestSupport.accessTokenJson(TestSupport.UUID_1, "ci", "") + "]}"));
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
      String password = "pw";

      // --- README snippet (baseUrl added for the stub) ---
      try (DockerHubClient hub = DockerHubClient.builder()
          .baseUrl(stub.baseUrl())
          .credentials(Credentials.password("mona", password))
          .build()) {
        hub.login(); // fails fast on bad credentials; a failed login is never retried
        for (AccessToken token : hub.accessTokens().list()) { // fetches every page lazily
          out.printf("%s %-30s active=%s last used %s%n", token.getUuid(), token.getTokenLabel(),
              token.getIsActive(), token.getLastUsed());
        }
      }
      // --- end of snippet ---

      assertThat(captured.toString(StandardCharsets.UTF_8)).contains(TestSupport.UUID_1, "ci", "active=true");
    }
  }
}
