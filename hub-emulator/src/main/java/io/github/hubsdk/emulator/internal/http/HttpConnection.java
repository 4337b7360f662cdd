package io.github.hubsdk.emulator.internal.http;

import io.github.hubsdk.emulator.internal.http.DeadlineInput.DeadlineException;
import io.github.hubsdk.emulator.internal.http.HeadParser.Head;
import io.github.hubsdk.emulator.internal.http.HeadParser.Refusal;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One client connection: reads requests (keep-alive) within their deadline, hands each to the
 * {@link EdgeHandler}, writes the answers. Runs on its own thread, so a client that stalls holds only its
 * own connection, never another client's request.
 */
final class HttpConnection implements Runnable {

  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final HttpListener listener;
  private final Socket socket;
  private final String remoteIp;
  private final HttpListener.Limits limits;
  /**
   * Where answers of up to {@link #REUSED_BYTES} are put together (head and body) for their single write,
   * reused from answer to answer (a page of 100 images is about 25 KB): allocated on the first answer,
   * grown up to the cap, dropped with the connection. Larger answers get an array of their own.
   */
  private byte[] frame = new byte[0];
  static final int REUSED_BYTES = 32 * 1024;

  HttpConnection(HttpListener listener, Socket socket, HttpListener.Limits limits) {
    this.listener = listener;
    this.socket = socket;
    this.remoteIp = socket.getInetAddress().getHostAddress();
    this.limits = limits;
  }

  @Override
  public void run() {
    try {
      socket.setTcpNoDelay(true);
      DeadlineInput deadline = new DeadlineInput(socket);
      InputStream in = new BufferedInputStream(deadline, 16 * 1024);
      OutputStream out = socket.getOutputStream();
      boolean first = true;
      while (!listener.closed()) {
        // Between requests: wait for the first byte of the next one (a new connection gets no longer than a
        // request may take; a kept-alive one the idle timeout).
        deadline.deadlineIn(first ? Math.min(limits.idleMillis(), limits.requestMillis()) : limits.idleMillis());
        int b;
        try {
          b = in.read();
        } catch (DeadlineException idle) {
          return;
        }
        if (b < 0) {
          return;
        }
        first = false;
        deadline.deadlineIn(limits.requestMillis());
        if (!serveOne(in, out, b)) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // The client went away, the emulator closed, or a deadline passed: nothing left to answer.
    } finally {
      listener.forget(socket);
      closeQuietly();
    }
  }

  /** Reads, answers and writes one request; false when the connection must close. */
  private boolean serveOne(InputStream in, OutputStream out, int firstByte) throws IOException, InterruptedException {
    Head head;
    long length;
    try {
      head = HeadParser.read(in, firstByte);
      length = HeadParser.bodyLength(head);
    } catch (Refusal r) {
      write(out, listener.handler().refuse(r.status, r.getMessage(), remoteIp), false, false);
      lingerAndClose();
      return false;
    } catch (DeadlineException late) {
      write(out, listener.handler().refuse(408, "Request timeout: the request was not received in time.", remoteIp),
          false, false);
      return false;
    } catch (EOFException gone) {
      return false;
    }
    boolean tooLarge = length > limits.maxBodyBytes();
    byte[] body = new byte[0];
    if (!tooLarge && length != 0) {
      String expect = head.header("Expect");
      if (expect != null && expect.equalsIgnoreCase("100-continue")) {
        out.write(CONTINUE);
        out.flush();
      }
      try {
        body = length > 0 ? readFixed(in, (int) length) : readChunked(in);
        tooLarge = body == null;
      } catch (DeadlineException late) {
        write(out, listener.handler().refuse(408, "Request timeout: the request was not received in time.", remoteIp),
            false, false);
        return false;
      }
    }
    RawRequest request = new RawRequest(head.method(), head.rawPath(), head.rawQuery(), head.headers(),
        tooLarge ? new byte[0] : body, remoteIp, tooLarge);
    RawResponse response = listener.handle(request);
    if (response.drop()) {
      return false; // closed without a word, as a crashed proxy would
    }
    boolean keepAlive = !tooLarge && head.keepAlive() && !listener.closed();
    write(out, response, keepAlive, head.method().equals("HEAD"));
    if (tooLarge) {
      // The rest of the body is never read: half-close, then let what the client still sends drain briefly,
      // so that it reads the 413 instead of a connection reset.
      lingerAndClose();
    }
    return keepAlive;
  }

  private static byte[] readFixed(InputStream in, int length) throws IOException {
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("client closed mid-body");
    }
    return body;
  }

  /** A chunked body, or null when it grows past the limit. */
  private byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = asciiLine(in);
      int semi = sizeLine.indexOf(';');
      long size;
      try {
        size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new EOFException("malformed chunk size");
      }
      if (size == 0) {
        while (!asciiLine(in).isEmpty()) {
          // trailer fields are ignored
        }
        return body.toByteArray();
      }
      if (body.size() + size > limits.maxBodyBytes()) {
        return null;
      }
      body.write(readFixed(in, (int) size));
      asciiLine(in);
    }
  }

  private static String asciiLine(InputStream in) throws IOException {
    StringBuilder out = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("client closed mid-body");
      }
      if (b != '\r') {
        out.append((char) b);
      }
      if (out.length() > 1024) {
        throw new EOFException("chunk line too long");
      }
    }
    return out.toString();
  }

  /** Writes an answer within the request deadline (a client that does not read gets its connection closed). */
  private void write(OutputStream out, RawResponse r, boolean keepAlive, boolean head) throws IOException {
    StringBuilder h = new StringBuilder(256).append("HTTP/1.1 ").append(r.status()).append(' ')
        .append(Reasons.of(r.status())).append("\r\n");
    h.append("Date: ").append(Reasons.date()).append("\r\n");
    for (Map.Entry<String, String> e : r.headers().entrySet()) {
      h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
    }
    boolean bodyAllowed = r.status() != 204 && r.status() != 304 && r.status() >= 200;
    byte[] body = r.body() == null || !bodyAllowed ? new byte[0] : r.body();
    if (bodyAllowed) {
      h.append("Content-Length: ").append(body.length).append("\r\n");
    }
    if (!keepAlive) {
      h.append("Connection: close\r\n");
    }
    h.append("\r\n");
    byte[] headBytes = h.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] bodyBytes = head ? new byte[0] : body;
    int length = headBytes.length + bodyBytes.length;
    byte[] bytes;
    if (length <= REUSED_BYTES) {
      if (frame.length < length) {
        frame = new byte[Math.min(REUSED_BYTES, Math.max(length, 2 * frame.length))];
      }
      bytes = frame;
      System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
      System.arraycopy(bodyBytes, 0, bytes, headBytes.length, bodyBytes.length);
    } else {
      bytes = headAndBody(headBytes, bodyBytes);
    }
    listener.withWriteDeadline(socket, () -> {
      out.write(bytes, 0, length);
      out.flush();
    });
  }

  /**
   * The head and the body in one array, so that they leave in one write: written apart (with TCP_NODELAY on)
   * the head went out as a segment of its own and the client woke up once for it and once more for the body.
   */
  static byte[] headAndBody(byte[] head, byte[] body) {
    byte[] out = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  /** Half-closes and discards what the client still sends, for at most a second or a megabyte. */
  private void lingerAndClose() {
    try {
      socket.shutdownOutput();
      socket.setSoTimeout(250);
      InputStream in = socket.getInputStream();
      byte[] sink = new byte[8192];
      long until = System.nanoTime() + 1_000_000_000L;
      long left = 1 << 20;
      int n;
      while (left > 0 && System.nanoTime() < until && (n = in.read(sink)) >= 0) {
        left -= n;
      }
    } catch (IOException e) {
      // gone already
    }
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
