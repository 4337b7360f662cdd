package io.github.hubsdk.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A server of canned answers, for measuring a client alone: started in a process of its own (so that
 * none of its work or allocation is counted in the client's JVM), it first asks a throw-away in-process
 * emulator for the real answers of the benchmarked calls (the login, {@code getAccessToken}, one page of
 * 100 images), then serves those bytes, unchanged but for the base URL in the page's links, with the
 * emulator's headers ({@code Content-Type}, {@code X-RateLimit-*} with no limit). Each answer costs it a
 * map lookup and a write.
 *
 * <p>Prints {@code LISTENING <base url> <token uuid>} on one line once it serves, and stops when its
 * standard input closes (its parent's end). Arguments: none.
 */
public final class CannedServer {

  private CannedServer() {}

  /** A canned answer. */
  record Canned(byte[] body, Map<String, String> headers) {}

  /**
   * Starts the server.
   *
   * @param args none
   * @throws Exception when it cannot start
   */
  public static void main(String[] args) throws Exception {
    // The JDK's server writes the headers and the body separately: without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK hold every answer about 40 ms. Read once, when the first server is made.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Map<String, Canned> answers;
    String tokenId;
    try (Fixture fixture = Fixture.start(CallOverheadBenchmark.IMAGES, Duration.ZERO)) {
      tokenId = fixture.tokenId().toString();
      answers = record(fixture.baseUrl(), base, tokenId);
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    server.setExecutor(pool);
    server.createContext("/", exchange -> serve(exchange, answers));
    server.start();
    System.out.println("LISTENING " + base + " " + tokenId);
    System.out.flush();
    // Until the parent goes away.
    while (System.in.read() >= 0) {
      // nothing to read
    }
    server.stop(0);
    pool.shutdownNow();
  }

  private static Map<String, Canned> record(String emulator, String base, String tokenId) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<byte[]> login = http.send(HttpRequest.newBuilder(URI.create(emulator + "/v2/auth/token"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"" + Fixture.USER + "\",\"secret\":\""
            + Fixture.PASSWORD + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    String jwt = new com.fasterxml.jackson.databind.ObjectMapper().readTree(login.body()).get("access_token").asText();
    String token = "/v2/access-tokens/" + tokenId;
    String images = "/v2/namespaces/" + Fixture.USER + "/repositories/" + Fixture.REPO + "/images";
    return Map.of(
        "POST /v2/auth/token", canned(login, emulator, base),
        "GET " + token, canned(get(http, emulator + token, jwt), emulator, base),
        "GET " + images, canned(get(http, emulator + images + "?page=1&page_size=100", jwt), emulator, base));
  }

  private static HttpResponse<byte[]> get(HttpClient http, String url, String jwt) throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + jwt)
        .build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
    return r;
  }

  private static Canned canned(HttpResponse<byte[]> r, String emulator, String base) {
    String body = new String(r.body(), StandardCharsets.UTF_8).replace(emulator, base);
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Content-Type", r.headers().firstValue("Content-Type").orElse("application/json"));
    // No limit, as the emulator says without rate limiting; the reset a day ahead so it never passes.
    long reset = System.currentTimeMillis() / 1000 + 86_400;
    headers.put("X-RateLimit-Limit", "2147483647");
    headers.put("X-RateLimit-Remaining", "2147483646");
    headers.put("X-RateLimit-Reset", Long.toString(reset));
    return new Canned(body.getBytes(StandardCharsets.UTF_8), Map.copyOf(headers));
  }

  private static void serve(HttpExchange exchange, Map<String, Canned> answers) throws IOException {
    try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
      in.readAllBytes();
      Canned c = answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
      if (c == null) {
        byte[] missing = "{\"detail\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(404, missing.length);
        out.write(missing);
        return;
      }
      c.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.sendResponseHeaders(200, c.body().length);
      out.write(c.body());
    }
  }
}
