package io.github.hubsdk.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone jar started as its users start it ({@code java -jar ... args}), and a plain HTTP client for
 * it: what a Python, Go or JavaScript test would do with curl.
 */
final class Standalone implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  final Process process;
  final List<String> banner = new CopyOnWriteArrayList<>();
  final String base;

  private Standalone(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("hubsdk.standalone.jar", "target/missing.jar"));
    assertThat(jar).exists();
    return jar;
  }

  static ProcessBuilder command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  /** Starts the jar and waits for its banner (every line up to the control API's, or the first few). */
  static Standalone start(String... args) throws IOException {
    Process p = command(args).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertThat(first).as("banner of %s", List.of(args)).isNotNull();
    Matcher url = Pattern.compile("listening on (http://\\S+)").matcher(first);
    assertThat(url.find()).as(first).isTrue();
    Standalone s = new Standalone(p, url.group(1));
    s.banner.add(first);
    Thread reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          s.banner.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "standalone-output");
    reader.setDaemon(true);
    reader.start();
    return s;
  }

  /** The finished run of a jar that is expected to exit by itself. */
  record Exit(int code, String stdout, String stderr) {}

  static Exit run(String... args) throws IOException, InterruptedException {
    Process p = command(args).start();
    p.getOutputStream().close();
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("the jar exits by itself").isTrue();
    return new Exit(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** One answer: status, headers and body (parsed when JSON). */
  record Answer(int status, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + raw.body(), e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  Answer send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r);
  }

  Answer get(String path, String... headers) throws IOException, InterruptedException {
    return send("GET", path, null, headers);
  }

  Answer post(String path, String body, String... headers) throws IOException, InterruptedException {
    return send("POST", path, body, headers);
  }

  /** A password login's JWT. */
  String login(String user, String password) throws IOException, InterruptedException {
    Answer a = post("/v2/auth/token", "{\"identifier\":\"" + user + "\",\"secret\":\"" + password + "\"}");
    assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
    return a.json().get("access_token").asText();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
