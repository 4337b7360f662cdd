package io.github.hubsdk.emulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request and the response the emulator is about to send for it, handed to an
 * {@link ExchangeListener} (e.g. to validate every response against the OpenAPI document). Immutable.
 *
 * @param request the request as received
 * @param status the response status
 * @param responseHeaders the response headers; names are case-insensitive
 * @param responseBody the response body text, or null for a response without a body (e.g. 204)
 * @param injected true when a fault-injection {@link Expectation} produced the response
 */
public record Exchange(RecordedRequest request, int status, Map<String, List<String>> responseHeaders,
    String responseBody, boolean injected) {

  /**
   * Copies the headers into an unmodifiable case-insensitive map.
   *
   * @param request the request
   * @param status the status
   * @param responseHeaders the headers
   * @param responseBody the body or null
   * @param injected whether an expectation produced it
   */
  public Exchange {
    Objects.requireNonNull(request, "request");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    responseHeaders.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    responseHeaders = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * The first value of a response header.
   *
   * @param name the header name, any case
   * @return the value, or null when absent
   */
  public String responseHeader(String name) {
    List<String> values = responseHeaders.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
