package io.github.hubsdk.emulator.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The edge's write path on its own: one write per answer, finished writes forgotten, the write deadline enforced. */
class HttpListenerTest {

  private HttpListener listener;

  /** Answers every request 200 with {@code body}. */
  private HttpListener start(byte[] body, long requestMillis) throws IOException {
    EdgeHandler handler = new EdgeHandler() {
      @Override
      public RawResponse handle(RawRequest request) {
        return new RawResponse(200, Map.of("Content-Type", "application/json"), body, false);
      }

      @Override
      public RawResponse refuse(int status, String message, String remoteIp) {
        return new RawResponse(status, Map.of(), null, false);
      }
    };
    listener = new HttpListener(InetAddress.getLoopbackAddress(), 0, handler,
        new HttpListener.Limits(requestMillis, 5_000, 1024, 8, 4));
    return listener;
  }

  @AfterEach
  void close() {
    if (listener != null) {
      listener.close();
    }
  }

  @Test
  void answeredRequestsLeaveNoWriteRegistered() throws Exception {
    byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    start(body, 10_000);
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.address().getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      for (int i = 0; i < 500; i++) {
        out.write("GET /x HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(readAnswerBody(in)).isEqualTo(body);
      }
    }
    assertThat(listener.writesInProgress()).as("every finished write leaves the deadline check").isZero();
  }

  @Test
  void answersSmallerAndLargerThanTheReusedFrameArriveWholeOnOneConnection() throws Exception {
    // The body's size is the path's number; its bytes say which answer it is.
    EdgeHandler handler = new EdgeHandler() {
      @Override
      public RawResponse handle(RawRequest request) {
        return new RawResponse(200, Map.of("X-Note", "caf\u00e9"), body(Integer.parseInt(request.rawPath().substring(1))),
            false);
      }

      @Override
      public RawResponse refuse(int status, String message, String remoteIp) {
        return new RawResponse(status, Map.of(), null, false);
      }
    };
    listener = new HttpListener(InetAddress.getLoopbackAddress(), 0, handler,
        new HttpListener.Limits(10_000, 5_000, 1024, 8, 4));
    int cap = HttpConnection.REUSED_BYTES;
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.address().getPort())) {
      s.setSoTimeout(10_000);
      for (int size : new int[] {10, 20_000, cap + 5_000, 3, cap - 200, 25_000, 0, 1}) {
        s.getOutputStream().write(("GET /" + size + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        assertThat(readAnswerBody(s.getInputStream())).as("answer of %d bytes", size).isEqualTo(body(size));
      }
    }
  }

  private static byte[] body(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) ('a' + (i + size) % 26);
    }
    return b;
  }

  @Test
  void headAndBodyLeaveInOneArrayIntact() {
    assertThat(new String(HttpConnection.headAndBody("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
        new byte[] {'{', '}'}), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200 OK\r\n\r\n{}");
  }

  @Test
  void aClientThatDoesNotReadItsAnswerIsClosedAtTheDeadline() throws Exception {
    byte[] big = new byte[32 << 20];
    Arrays.fill(big, (byte) 'x');
    start(big, 300);
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.address().getPort())) {
      s.setReceiveBufferSize(4096);
      s.getOutputStream().write("GET /x HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      long until = System.nanoTime() + 10_000_000_000L;
      while (listener.openConnections() > 0 && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(listener.openConnections()).as("the stalled write was cut off and its connection closed").isZero();
    }
  }

  /** Reads one answer with a Content-Length and returns its body. */
  private static byte[] readAnswerBody(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed mid-head");
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int at = text.toLowerCase().indexOf("content-length: ");
    int length = Integer.parseInt(text.substring(at + 16, text.indexOf('\r', at)).trim());
    return in.readNBytes(length);
  }
}
