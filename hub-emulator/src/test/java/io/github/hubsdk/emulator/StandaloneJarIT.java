package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the shaded jar as users would ({@code java -jar ... --port 0}) and logs in as the demo user. */
class StandaloneJarIT {

  @Test
  void javaDashJarServesTheDemoSeed() throws Exception {
    Path jar = Path.of(System.getProperty("hubsdk.standalone.jar", "target/missing.jar"));
    assertThat(jar).exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--port", "0")
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).as("banner").isNotNull();
      Matcher url = Pattern.compile("listening on (http://\\S+)").matcher(first);
      assertThat(url.find()).as(first).isTrue();
      String base = url.group(1);

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/v2/auth/token"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"demo\",\"secret\":\"demo-password\"}"))
          .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build();
      HttpResponse<String> response = http.send(login, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);

      // The same spec check as the in-process tests.
      SpecValidator validator = new SpecValidator();
      validator.onExchange(new Exchange(new RecordedRequest("POST", "/v2/auth/token", null,
          Map.of("Content-Type", List.of("application/json")),
          "{\"identifier\":\"demo\",\"secret\":\"demo-password\"}", Instant.now()),
          response.statusCode(), response.headers().map(), response.body(), false));
      assertThat(validator.failures()).isEmpty();
      assertThat(new ObjectMapper().readTree(response.body()).get("access_token").asText()).contains(".");
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    assertThat(Files.size(jar)).isPositive();
  }
}
