package io.github.hubsdk.emulator.internal.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as read off the wire, parsed once: method, raw target, headers (case-insensitive), body bytes,
 * the client's address, and the decoded query. Transport-neutral; immutable. Internal API.
 */
public final class Request {

  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String remoteIp;
  private final Map<String, String> query;
  private final boolean malformedQuery;

  /**
   * @param method upper-case method
   * @param rawPath percent-encoded path
   * @param rawQuery raw query without {@code ?}, or null
   * @param headers the headers as received
   * @param body the body (empty for none)
   * @param remoteIp the client's address
   */
  public Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
      String remoteIp) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body;
    this.remoteIp = remoteIp;
    Map<String, String> q = new LinkedHashMap<>();
    boolean malformed = false;
    for (String[] pair : rawPairs(rawQuery)) {
      String k = Percent.decode(pair[0], true);
      String v = Percent.decode(pair[1], true);
      if (k == null || v == null) {
        malformed = true;
        continue;
      }
      q.putIfAbsent(k, v);
    }
    this.query = Collections.unmodifiableMap(q);
    this.malformedQuery = malformed;
  }

  public String method() {
    return method;
  }

  public String rawPath() {
    return rawPath;
  }

  /** @return the raw query, or null */
  public String rawQuery() {
    return rawQuery;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  /** @return the first value of a header, or null */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public String remoteIp() {
    return remoteIp;
  }

  /** Decoded query parameters, first value of each. */
  public Map<String, String> query() {
    return query;
  }

  /** Whether the query has a malformed percent-escape. */
  public boolean malformedQuery() {
    return malformedQuery;
  }

  /** The raw {@code name=value} pairs of a query, in order. */
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
}
