package io.github.hubsdk.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving HTTP/1.1 server on a loopback socket, for what a well-behaved stub cannot do: redirects to
 * other origins, endless or compressed bodies, closing idle keep-alive connections, echoing secrets. Every
 * request it reads is recorded (method, path, headers, body) and connections are counted, so a test can
 * prove what did, or did not, reach it.
 */
final class RawServer implements AutoCloseable {

  /** One request as read off the wire. */
  record Request(String method, String target, Map<String, String> headers, String body, int connection) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Writes the answer to one request; may keep the connection ({@code true}) or end it ({@code false}). */
  @FunctionalInterface
  interface Behaviour {
    boolean answer(Request request, OutputStream out, Socket socket) throws IOException;
  }

  final AtomicInteger connections = new AtomicInteger();
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-server");
    t.setDaemon(true);
    return t;
  });
  private volatile Behaviour behaviour;

  RawServer(String bindAddress, Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.socket = new ServerSocket(0, 50, InetAddress.getByName(bindAddress));
    pool.execute(this::acceptLoop);
  }

  RawServer(Behaviour behaviour) throws IOException {
    this("127.0.0.1", behaviour);
  }

  void behave(Behaviour b) {
    this.behaviour = b;
  }

  String baseUrl() {
    return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  int port() {
    return socket.getLocalPort();
  }

  List<Request> requests(String method) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.method().equals(method)).toList();
    }
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        int n = connections.incrementAndGet();
        pool.execute(() -> serve(s, n));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket s, int connection) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        Request r = read(in, connection);
        if (r == null) {
          return;
        }
        requests.add(r);
        if (!behaviour.answer(r, out, s)) {
          return;
        }
      }
    } catch (IOException gone) {
      // the client went away
    }
  }

  private static Request read(InputStream in, int connection) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      b = in.read();
      if (b == -1) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] start = lines[0].split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Request(start[0], start[1], headers, new String(body, StandardCharsets.UTF_8), connection);
  }

  /** A complete answer with a body and Content-Length; keeps the connection open. */
  static boolean respond(OutputStream out, int status, String contentType, String body, String... headers)
      throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
    if (contentType != null) {
      sb.append("Content-Type: ").append(contentType).append("\r\n");
    }
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    sb.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
    return true;
  }

  static boolean json(OutputStream out, int status, String body, String... headers) throws IOException {
    return respond(out, status, "application/json", body, headers);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
