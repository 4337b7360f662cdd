package io.github.hubsdk.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.SeededToken;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the README's programs (their sources are the README's blocks, see {@code DocSnippetsTest}). */
class ReadmeSnippetsTest {

  private final PrintStream stdout = System.out;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @BeforeEach
  void capture() {
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(stdout);
  }

  @Test
  void listAccessTokensPrintsEveryToken() {
    SeededToken[] t = new SeededToken[1];
    try (DockerHubEmulator hub = DockerHubEmulator.builder()
        .seed(s -> t[0] = s.personalAccessToken("hubsdk", "laptop").scopes("repo:read").create()).start();
        DockerHubClient client = DockerHubClient.builder().baseUrl(hub.baseUrl())
            .credentials(Credentials.password(hub.defaultUser().username(), hub.defaultUser().password()))
            .clock(hub.clock()).build()) {
      // main() builds the same client for hub.docker.com from the environment; here it points at the emulator
      ListAccessTokens.printTokens(client);
    }

    assertThat(out()).contains(t[0].uuid().toString(), "laptop", "active=true", "last used null");
  }

  @Test
  void thePlainJavaEmulatorProgramRunsToTheEnd() {
    PlainJavaEmulator.main(new String[0]);

    assertThat(out()).contains("mona has 1 token(s)", "the CI token logs in as mona");
  }

  private String out() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
