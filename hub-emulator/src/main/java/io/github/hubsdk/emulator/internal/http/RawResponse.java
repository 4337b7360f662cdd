package io.github.hubsdk.emulator.internal.http;

import java.util.Map;

/**
 * What to write back.
 *
 * @param status the status
 * @param headers extra headers in order (Content-Length, Date and Connection are the connection's)
 * @param body the body, or null for none
 * @param drop true to close the connection without answering (fault injection)
 */
public record RawResponse(int status, Map<String, String> headers, byte[] body, boolean drop) {

  /** Closes the connection without an answer. */
  public static final RawResponse DROP = new RawResponse(0, Map.of(), null, true);
}
