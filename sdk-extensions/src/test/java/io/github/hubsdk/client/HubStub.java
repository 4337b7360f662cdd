package io.github.hubsdk.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted Docker Hub on a loopback socket (ephemeral port). Routes are {@code "METHOD /raw/path"};
 * every request is recorded with its raw path and query so tests can see exactly what went over the wire.
 * Handlers run on a thread pool, so concurrent and slow answers behave as on a real server.
 */
final class HubStub implements AutoCloseable {

  static {
    // The JDK's server writes the headers and the body separately: without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK hold many answers about 40 ms. Read once, when the first server is made.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  record Recorded(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body,
      int clientPort) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    String route() {
      return method + " " + rawPath;
    }

    String pathAndQuery() {
      return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }
  }

  record Reply(int status, String body, Map<String, String> headers, long delayMillis) {
    Reply header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, body, h, delayMillis);
    }

    Reply delayed(long millis) {
      return new Reply(status, body, headers, millis);
    }
  }

  @FunctionalInterface
  interface Handler {
    Reply handle(Recorded request) throws Exception;
  }

  static Reply json(int status, String body) {
    return new Reply(status, body, Map.of(), 0);
  }

  static Reply noContent() {
    return new Reply(204, null, Map.of(), 0);
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  HubStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Answers every request to the route with the handler. */
  HubStub on(String route, Handler handler) {
    routes.put(route, handler);
    return this;
  }

  /** Answers the route with these replies in turn; a request beyond them fails the test (599). */
  HubStub script(String route, Reply... replies) {
    Deque<Reply> queue = new ArrayDeque<>(List.of(replies));
    return on(route, r -> {
      synchronized (queue) {
        Reply next = queue.poll();
        if (next == null) {
          return json(599, "{\"detail\":\"unexpected extra request " + r.route() + "\"}");
        }
        return next;
      }
    });
  }

  List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  List<Recorded> requests(String route) {
    return requests.stream().filter(r -> r.route().equals(route)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Recorded rec = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), new TreeMap<>(exchange.getRequestHeaders()), body,
          exchange.getRemoteAddress().getPort());
      requests.add(rec);
      Handler h = routes.get(rec.route());
      Reply reply;
      try {
        reply = h == null ? json(404, "{\"detail\":\"no stub for " + rec.route() + "\"}") : h.handle(rec);
      } catch (Exception e) {
        reply = json(599, "{\"detail\":\"stub failed: " + e + "\"}");
      }
      if (reply.delayMillis() > 0) {
        try {
          Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      if (reply.body() == null || reply.status() == 204) {
        exchange.sendResponseHeaders(reply.status(), -1);
        return;
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      if (!reply.headers().containsKey("Content-Type")) {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
      }
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException clientWentAway) {
      // A test that times out on purpose closes the connection first.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
