package io.github.hubsdk.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A request the emulator received, as it arrived. Immutable. {@link #toString()} redacts the
 * {@code Authorization} header and leaves the body out, because both carry secrets.
 *
 * @param method the HTTP method, upper case
 * @param path the raw (still percent-encoded) path, e.g. {@code /v2/access-tokens}
 * @param query the raw query string without {@code ?}, or null when there was none
 * @param headers the request headers; names are case-insensitive
 * @param body the request body as UTF-8 text (empty when there was none); in the request log a body
 *     longer than 64 KiB is kept cut to its start, see {@code bodyTruncated}
 * @param receivedAt when the emulator's clock says it arrived
 * @param bodyTruncated true when {@code body} is only the start of what was sent (the log keeps at most
 *     64 KiB of each body; exchange listeners always get the whole body)
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
    String body, Instant receivedAt, boolean bodyTruncated) {

  /**
   * A request with its whole body.
   *
   * @param method the HTTP method
   * @param path the raw path
   * @param query the raw query or null
   * @param headers the headers
   * @param body the body text
   * @param receivedAt when it arrived
   */
  public RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
      Instant receivedAt) {
    this(method, path, query, headers, body, receivedAt, false);
  }

  /**
   * Copies the headers into an unmodifiable case-insensitive map.
   *
   * @param method the HTTP method
   * @param path the raw path
   * @param query the raw query or null
   * @param headers the headers
   * @param body the body text
   * @param receivedAt when it arrived
   * @param bodyTruncated whether the body was cut
   */
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(copy);
    body = body == null ? "" : body;
  }

  /**
   * The first value of a header.
   *
   * @param name the header name, any case
   * @return the value, or null when absent
   */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * The body's bytes.
   *
   * @return the UTF-8 encoded body
   */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The path and query as sent, e.g. {@code /v2/access-tokens?page=2}.
   *
   * @return the request target
   */
  public String target() {
    return query == null ? path : path + "?" + query;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("RecordedRequest[").append(method).append(' ').append(target())
        .append(", headers={");
    boolean first = true;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(e.getKey()).append('=');
      out.append("authorization".equalsIgnoreCase(e.getKey()) ? "[REDACTED]" : e.getValue());
    }
    return out.append("}, body=").append(body.length()).append(bodyTruncated ? " chars (truncated)]" : " chars]")
        .toString();
  }
}
