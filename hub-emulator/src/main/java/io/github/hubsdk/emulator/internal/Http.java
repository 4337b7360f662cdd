package io.github.hubsdk.emulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Transport-neutral request and response of the emulator's handlers. Internal API. */
public final class Http {

  private Http() {}

  /**
   * A request, already read off the wire.
   *
   * @param method upper-case method
   * @param rawPath percent-encoded path
   * @param rawQuery raw query or null
   * @param headers case-insensitive headers
   * @param body body text
   * @param remoteIp the client's address
   */
  public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
      String body, String remoteIp) {

    /** Path segments, each percent-decoded on its own (so {@code %2F} stays inside a segment). */
    public List<String> segments() {
      List<String> out = new ArrayList<>();
      for (String s : rawPath.split("/")) {
        if (!s.isEmpty()) {
          out.add(decode(s, false));
        }
      }
      return out;
    }

    /** Decoded query parameters, first value of each. */
    public Map<String, String> query() {
      Map<String, String> out = new LinkedHashMap<>();
      for (String[] pair : rawPairs(rawQuery)) {
        out.putIfAbsent(decode(pair[0], true), decode(pair[1], true));
      }
      return out;
    }

    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    /**
     * This request's absolute URL with {@code page} replaced (removed for page 1) and the parameters sorted,
     * as Django REST framework builds {@code next}/{@code previous}; the host comes from the Host header.
     */
    public String pageUrl(int page) {
      Map<String, String> params = new TreeMap<>();
      for (String[] pair : rawPairs(rawQuery)) {
        params.putIfAbsent(pair[0], pair[1]);
      }
      params.remove("page");
      if (page != 1) {
        params.put("page", Integer.toString(page));
      }
      String proto = header("X-Forwarded-Proto");
      String host = header("Host");
      StringBuilder url = new StringBuilder(proto == null ? "http" : proto).append("://")
          .append(host == null ? "localhost" : host).append(rawPath);
      String sep = "?";
      for (Map.Entry<String, String> e : params.entrySet()) {
        url.append(sep).append(e.getKey()).append('=').append(e.getValue());
        sep = "&";
      }
      return url.toString();
    }
  }

  /**
   * A response about to be sent.
   *
   * @param status the status
   * @param headers extra headers (Content-Type is added for a body)
   * @param body JSON text or null
   */
  public record Response(int status, Map<String, String> headers, String body) {
    public Response {
      headers = new LinkedHashMap<>(headers);
    }

    public static Response json(int status, String body) {
      return new Response(status, Map.of(), body);
    }

    public Response withHeader(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Response(status, copy, body);
    }
  }

  static List<String[]> rawPairs(String rawQuery) {
    List<String[]> out = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      out.add(eq < 0 ? new String[] {part, ""} : new String[] {part.substring(0, eq), part.substring(eq + 1)});
    }
    return out;
  }

  static String decode(String s, boolean plusIsSpace) {
    try {
      return URLDecoder.decode(plusIsSpace ? s : s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s;
    }
  }
}
