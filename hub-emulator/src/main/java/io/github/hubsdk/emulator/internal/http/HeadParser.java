package io.github.hubsdk.emulator.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an HTTP/1.1 request head (request line and header fields) with a size limit, and works out how
 * the body is framed. Refusals carry the status and a message for a JSON answer; nothing here answers HTML.
 */
final class HeadParser {

  /** Largest request head accepted (431 beyond). */
  static final int MAX_HEAD = 64 * 1024;

  /** A request the edge refuses. */
  static final class Refusal extends Exception {
    final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /**
   * A parsed head.
   *
   * @param method the method
   * @param rawPath the raw path of the target
   * @param rawQuery the raw query, or null
   * @param http10 whether the version is HTTP/1.0
   * @param headers the header fields in order
   */
  record Head(String method, String rawPath, String rawQuery, boolean http10, Map<String, List<String>> headers) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    List<String> all(String name) {
      List<String> out = new ArrayList<>();
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          out.addAll(e.getValue());
        }
      }
      return out;
    }

    /** Whether a Connection header lists {@code token}. */
    boolean connection(String token) {
      for (String value : all("Connection")) {
        for (String t : value.split(",")) {
          if (t.trim().equalsIgnoreCase(token)) {
            return true;
          }
        }
      }
      return false;
    }

    boolean keepAlive() {
      return http10 ? connection("keep-alive") : !connection("close");
    }
  }

  /** How the body is framed: a length (0 for none) or chunked ({@code -1}). */
  static long bodyLength(Head head) throws Refusal {
    List<String> te = head.all("Transfer-Encoding");
    List<String> cl = head.all("Content-Length");
    if (!te.isEmpty()) {
      if (!cl.isEmpty()) {
        throw new Refusal(400, "Conflicting Content-Length and Transfer-Encoding headers.");
      }
      String last = te.get(te.size() - 1);
      String[] codings = last.split(",");
      if (te.size() != 1 || codings.length != 1 || !codings[0].trim().equalsIgnoreCase("chunked")) {
        throw new Refusal(501, "Unsupported Transfer-Encoding: only chunked is accepted.");
      }
      return -1;
    }
    if (cl.isEmpty()) {
      return 0;
    }
    String first = cl.get(0).trim();
    for (String other : cl) {
      if (!other.trim().equals(first)) {
        throw new Refusal(400, "Conflicting Content-Length headers.");
      }
    }
    try {
      long n = Long.parseLong(first);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Refusal(400, "Malformed Content-Length header.");
    }
  }

  /**
   * Reads a head whose first byte has already been read.
   *
   * @throws EOFException when the client closes mid-head
   */
  static Head read(InputStream in, int firstByte) throws IOException, Refusal {
    int[] budget = {MAX_HEAD};
    String requestLine = line(in, firstByte, budget);
    while (requestLine.isEmpty()) {
      // RFC 9112: a server should ignore empty lines before the request line.
      requestLine = line(in, next(in), budget);
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || parts[0].isEmpty() || !isToken(parts[0])) {
      throw new Refusal(400, "Malformed request line.");
    }
    String version = parts[2];
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw new Refusal(505, "HTTP version not supported: " + version);
    }
    String target = parts[1];
    if (target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8)) {
      int slash = target.indexOf('/', target.indexOf("//") + 2);
      target = slash < 0 ? "/" : target.substring(slash);
    }
    if (!target.startsWith("/") || !visibleAscii(target)) {
      throw new Refusal(400, "Malformed request target.");
    }
    int q = target.indexOf('?');
    String rawPath = q < 0 ? target : target.substring(0, q);
    String rawQuery = q < 0 ? null : target.substring(q + 1);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String field = line(in, next(in), budget); !field.isEmpty(); field = line(in, next(in), budget)) {
      int colon = field.indexOf(':');
      if (colon <= 0 || !isToken(field.substring(0, colon))) {
        throw new Refusal(400, "Malformed header field.");
      }
      headers.computeIfAbsent(field.substring(0, colon), k -> new ArrayList<>()).add(field.substring(colon + 1).trim());
    }
    return new Head(parts[0].toUpperCase(Locale.ROOT), rawPath, rawQuery,
        version.equals("HTTP/1.0"), headers);
  }

  private static int next(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("client closed mid-request");
    }
    return b;
  }

  /** One line, CRLF (or a bare LF) stripped, counted against the head budget. */
  private static String line(InputStream in, int first, int[] budget) throws IOException, Refusal {
    // A plain array rather than a ByteArrayOutputStream, whose every write(int) takes a lock.
    byte[] bytes = new byte[128];
    int len = 0;
    int b = first;
    while (b != '\n') {
      if (--budget[0] < 0) {
        throw new Refusal(431, "Request header fields too large: at most " + MAX_HEAD + " bytes.");
      }
      if (len == bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, len * 2);
      }
      bytes[len++] = (byte) b;
      b = next(in);
    }
    if (len > 0 && bytes[len - 1] == '\r') {
      len--;
    }
    return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
  }

  private static boolean isToken(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static boolean visibleAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
