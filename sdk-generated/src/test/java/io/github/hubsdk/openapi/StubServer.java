package io.github.hubsdk.openapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A one-answer-at-a-time HTTP stub on a real loopback socket. It keeps the raw request line so tests can
 * see exactly how the generated client encoded paths and queries.
 */
final class StubServer implements AutoCloseable {

  static {
    // The JDK's server writes the headers and the body separately: without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK hold many answers about 40 ms. Read once, when the first server is made.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  record Recorded(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  record Answer(int status, String body, Map<String, String> headers, String contentType) {}

  private final HttpServer server;
  private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
  private volatile Answer next = new Answer(200, "{}", Map.of(), "application/json");

  StubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void answer(int status, String body) {
    answer(status, body, "application/json");
  }

  void answer(int status, String body, String contentType) {
    next = new Answer(status, body, Map.of(), contentType == null ? "application/json" : contentType);
  }

  Recorded take() throws InterruptedException {
    Recorded r = requests.poll(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("the client sent no request");
    }
    return r;
  }

  void clear() {
    requests.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Recorded(
          exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(),
          new java.util.TreeMap<>(exchange.getRequestHeaders()),
          body));
      Answer a = next;
      a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      if (a.body() == null || a.status() == 204 || "HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(a.status(), -1);
        return;
      }
      byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", a.contentType());
      exchange.sendResponseHeaders(a.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static List<String> split(String rawQuery) {
    return rawQuery == null ? List.of() : new ArrayList<>(List.of(rawQuery.split("&")));
  }
}
