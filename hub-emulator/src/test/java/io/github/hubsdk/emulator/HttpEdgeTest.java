package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP edge over a real socket: deadlines for stalled clients, the body limit, bounded logs, the
 * rate-limit headers on every answer, strict JSON, and JSON for every refusal. These exchanges include
 * statuses and paths the spec does not declare (404 on unknown paths, 405, 408, 413, a trailing slash), so
 * the spec validator here lets exactly those mismatches pass: an undeclared status or an unknown path.
 * Everything else must match the spec as in the other tests.
 */
class HttpEdgeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOGIN = "{\"identifier\":\"hubsdk\",\"secret\":\"hubsdk-password\"}";
  private final List<DockerHubEmulator> started = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();

  private final List<SpecValidator> validators = new ArrayList<>();

  private DockerHubEmulator start(DockerHubEmulator.Builder b) {
    SpecValidator validator = new SpecValidator();
    validators.add(validator);
    DockerHubEmulator hub = b.exchangeListener(validator).start();
    started.add(hub);
    return hub;
  }

  @AfterEach
  void close() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    started.forEach(DockerHubEmulator::close);
    for (SpecValidator v : validators) {
      assertThat(v.failures()).as("mismatches other than an undeclared status or path")
          .allMatch(f -> f.contains("No API path found") || f.contains("operation not allowed on path")
              || f.contains("not defined for path") || f.contains("Malformed escape"));
    }
  }

  /** A raw answer: status, headers (lower-case names), body. */
  record Raw(int status, Map<String, String> headers, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  private Socket connect(DockerHubEmulator hub) throws IOException {
    Socket s = new Socket("127.0.0.1", hub.port());
    s.setSoTimeout(10_000);
    sockets.add(s);
    return s;
  }

  /** Sends raw bytes on a new connection and reads one answer. */
  private Raw exchange(DockerHubEmulator hub, String request) throws IOException {
    Socket s = connect(hub);
    s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
    s.getOutputStream().flush();
    return read(s.getInputStream());
  }

  private static Raw read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before an answer: " + head);
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
  }

  private static String post(String path, String body) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }

  private static void assertJsonWithRateHeaders(Raw r) throws IOException {
    assertThat(r.headers()).containsEntry("content-type", "application/json")
        .containsKeys("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset");
    assertThat(r.json().isObject()).as(r.body()).isTrue();
  }

  /** One login on a fresh connection. */
  private void login(DockerHubEmulator hub) throws IOException {
    Raw r = exchange(hub, post("/v2/auth/token", LOGIN));
    assertThat(r.status()).isEqualTo(200);
  }

  /** The stalled connection is still open and unanswered: the emulator has not reached its deadline yet. */
  private static void assertStillWaiting(Socket stalled) throws IOException {
    stalled.setSoTimeout(50);
    assertThatThrownBy(() -> stalled.getInputStream().read()).as("no answer, no close yet")
        .isInstanceOf(java.net.SocketTimeoutException.class);
  }

  /** 64 connections: half stop in the middle of their head, half in the middle of their body. */
  private List<Socket> stall(DockerHubEmulator hub, int n) throws IOException {
    List<Socket> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Socket s = connect(hub);
      OutputStream o = s.getOutputStream();
      o.write((i % 2 == 0 ? "POST /v2/auth/token HTTP/1.1\r\nHost: x\r\nContent-Le"
          : "POST /v2/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 60\r\n\r\n{\"identifier\":")
          .getBytes(StandardCharsets.US_ASCII));
      o.flush();
      out.add(s);
    }
    return out;
  }

  @Test
  void sixtyFourStalledConnectionsDoNotDelayALogin() throws Exception {
    // The stalled connections are only cut off at the request deadline (a minute here); the logins are
    // answered while every one of them is still held, so none of them waited for a stalled one to go.
    DockerHubEmulator hub = start(DockerHubEmulator.builder().requestTimeout(Duration.ofMinutes(1)));
    login(hub);
    List<Socket> stalled = stall(hub, 64);
    Thread.sleep(200); // let the emulator take them all in
    for (int i = 0; i < 5; i++) {
      login(hub);
    }
    for (Socket s : stalled) {
      assertStillWaiting(s);
    }
  }

  @Test
  void stalledConnectionsAreAnswered408AndClosedAtTheDeadlineFreeingTheirThreads() throws Exception {
    DockerHubEmulator hub = start(DockerHubEmulator.builder().requestTimeout(Duration.ofMillis(500)).maxConnections(70));
    List<Socket> stalled = stall(hub, 64);
    login(hub);
    for (Socket s : stalled) {
      Raw r = read(s.getInputStream());
      assertThat(r.status()).isEqualTo(408);
      assertThat(r.headers()).containsEntry("connection", "close");
      assertJsonWithRateHeaders(r);
      assertThat(s.getInputStream().read()).as("closed after the 408").isEqualTo(-1);
    }
    // Only 70 connections may be open at once: a second wave of 64 fits only if the first freed its threads.
    Thread.sleep(100);
    stall(hub, 64);
    login(hub);
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAtTheDeadline() throws Exception {
    DockerHubEmulator hub = start(DockerHubEmulator.builder().requestTimeout(Duration.ofMillis(300)));
    Socket silent = connect(hub);
    long t0 = System.nanoTime();
    assertThat(silent.getInputStream().read()).isEqualTo(-1);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aBodyOverTheLimitIs413InTheOperationsShapeWithoutReadingIt() throws Exception {
    List<Exchange> seen = new CopyOnWriteArrayList<>();
    DockerHubEmulator hub = start(DockerHubEmulator.builder().maxRequestBodyBytes(1024).exchangeListener(seen::add));
    Socket s = connect(hub);
    // Ten megabytes announced, none sent: the answer must come from the head alone.
    s.getOutputStream().write(("POST /v2/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: 10000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    long t0 = System.nanoTime();
    Raw r = read(s.getInputStream());
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.headers()).containsEntry("connection", "close");
    assertJsonWithRateHeaders(r);
    assertThat(r.json().at("/fields/non_field_errors/0").asText()).contains("1024 bytes");
    assertThat(seen).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(413));

    String token = hub.accessTokenFor("hubsdk");
    Raw txn = exchange(hub, "POST /v2/namespaces/hubsdk/delete-images HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + token + "\r\nContent-Length: 5000\r\n\r\n");
    assertThat(txn.status()).isEqualTo(413);
    assertThat(txn.json().at("/errinfo/api_call_name").asText()).as("the images family's TxnError").isEqualTo("DeleteImages");

    Raw chunked = exchange(hub, "POST /v2/auth/token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "400\r\n" + "x".repeat(1024) + "\r\n10\r\n");
    assertThat(chunked.status()).as("a chunked body once it grows past the limit").isEqualTo(413);
    assertThat(exchange(hub, post("/v2/auth/token", LOGIN)).status()).as("a body within the limit").isEqualTo(200);
  }

  @Test
  void theRecordedLogIsBoundedByCountAndBytesAndCutsBodiesButHandlersSeeThemWhole() throws Exception {
    List<Exchange> seen = new CopyOnWriteArrayList<>();
    DockerHubEmulator hub = start(DockerHubEmulator.builder().maxRecordedBytes(200_000).exchangeListener(seen::add));
    String label = "x".repeat(90_000);
    String body = "{\"token_label\":\"" + label + "\",\"scopes\":[\"repo:read\"]}";
    String token = hub.accessTokenFor("hubsdk");
    for (int i = 0; i < 5; i++) {
      Raw r = exchange(hub, "POST /v2/access-tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
      assertThat(r.status()).as("the handler read the whole body: its label is too long").isEqualTo(400);
      assertThat(r.json().at("/fields/token_label/0").asText()).contains("100 characters");
    }
    assertThat(hub.requestCount()).isEqualTo(5);
    List<RecordedRequest> kept = hub.requests();
    assertThat(kept).hasSizeBetween(2, 3);
    assertThat(kept).allSatisfy(r -> {
      assertThat(r.bodyTruncated()).isTrue();
      assertThat(r.body()).hasSize(64 * 1024);
    });
    assertThat(seen).allSatisfy(e -> assertThat(e.request().body()).hasSize(body.length()));

    DockerHubEmulator counted = start(DockerHubEmulator.builder().maxRecordedRequests(2));
    for (int i = 0; i < 4; i++) {
      exchange(counted, "GET /v2/access-tokens?page=" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    assertThat(counted.requests()).extracting(RecordedRequest::query).containsExactly("page=2", "page=3");
  }

  @Test
  void theLoginBookkeepingIsBoundedLeastRecentlyUsedFirst() throws Exception {
    DockerHubEmulator hub = start(DockerHubEmulator.builder().loginLockout(2, Duration.ofMinutes(10)).maxTrackedLogins(3));
    String wrong = "{\"identifier\":\"hubsdk\",\"secret\":\"nope\"}";
    exchange(hub, post("/v2/auth/token", wrong));
    exchange(hub, post("/v2/auth/token", wrong));
    assertThat(exchange(hub, post("/v2/auth/token", LOGIN)).status()).as("locked").isEqualTo(429);
    for (String other : List.of("a", "b", "c")) {
      exchange(hub, post("/v2/auth/token", "{\"identifier\":\"" + other + "\",\"secret\":\"x\"}"));
    }
    assertThat(exchange(hub, post("/v2/auth/token", LOGIN)).status()).as("forgotten, so unlocked").isEqualTo(200);
  }

  @Test
  @org.junit.jupiter.api.extension.ExtendWith(ExpectedFailureLog.class) // the failure is on purpose
  void everyAnswerIsJsonWithTheRateLimitHeaders() throws Exception {
    DockerHubEmulator hub = start(DockerHubEmulator.builder().exchangeListener(e -> {
      if (e.request().path().equals("/v2/auditlogs/boom")) {
        throw new AssertionError("listener failure");
      }
    }));
    hub.expect().get("/v2/orgs/injected/settings").andReturn(503, "{\"detail\":\"down\"}");
    String token = hub.accessTokenFor("hubsdk");
    Map<String, Integer> cases = new LinkedHashMap<>();
    cases.put("GET /v2/nothing HTTP/1.1\r\nHost: x\r\n\r\n", 404);
    cases.put("DELETE /v2/auth/token HTTP/1.1\r\nHost: x\r\n\r\n", 405);
    cases.put("GET /v2/access-tokens/%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    cases.put("GET /v2/access-tokens?page=%g1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n", 400);
    cases.put("GET /v2/orgs/injected/settings HTTP/1.1\r\nHost: x\r\n\r\n", 503);
    cases.put("GET /v2/auditlogs/boom HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n", 500);
    cases.put("NONSENSE\r\n\r\n", 400);
    cases.put("GET /v2/access-tokens HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n", 400);
    cases.put("POST /v2/auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n", 400);
    cases.put("POST /v2/auth/token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501);
    cases.put("GET /v2/access-tokens HTTP/2.0\r\nHost: x\r\n\r\n", 505);
    cases.put("GET /v2/access-tokens HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(70_000) + "\r\n\r\n", 431);
    cases.put(post("/v2/auth/token", LOGIN + "garbage"), 400);
    for (Map.Entry<String, Integer> c : cases.entrySet()) {
      Raw r = exchange(hub, c.getKey());
      String what = c.getKey().substring(0, Math.min(60, c.getKey().length()));
      assertThat(r.status()).as(what).isEqualTo(c.getValue());
      assertJsonWithRateHeaders(r);
    }
    Raw notAllowed = exchange(hub, "PUT /v2/access-tokens/ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    assertThat(notAllowed.status()).isEqualTo(405);
    assertThat(notAllowed.headers()).containsEntry("allow", "GET, POST");
    assertThat(notAllowed.json().get("detail").asText()).isEqualTo("Method \"PUT\" not allowed.");
    Raw escaped = exchange(hub, "GET /v2/access-tokens?page=%g1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + token + "\r\n\r\n");
    assertThat(escaped.json().at("/fields/non_field_errors/0").asText()).as("the operation's FieldsError")
        .contains("percent-escape");
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnectionAndHonoursConnectionClose() throws Exception {
    DockerHubEmulator hub = start(DockerHubEmulator.builder());
    Socket s = connect(hub);
    OutputStream out = s.getOutputStream();
    out.write((post("/v2/auth/token", LOGIN) + post("/v2/auth/token/", LOGIN)).getBytes(StandardCharsets.UTF_8));
    out.flush();
    assertThat(read(s.getInputStream()).status()).isEqualTo(200);
    assertThat(read(s.getInputStream()).status()).as("pipelined, with a trailing slash").isEqualTo(200);
    out.write("GET /v2/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    Raw last = read(s.getInputStream());
    assertThat(last.status()).isEqualTo(404);
    assertThat(last.headers()).containsEntry("connection", "close");
    try {
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection was not closed", e);
    }
  }
}
