package io.github.hubsdk.emulator.internal.http;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Reason phrases and the Date header. */
final class Reasons {

  private static final Map<Integer, String> PHRASES = Map.ofEntries(
      Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"), Map.entry(204, "No Content"),
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
      Map.entry(409, "Conflict"), Map.entry(413, "Content Too Large"), Map.entry(429, "Too Many Requests"),
      Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
      Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
      Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"));

  private Reasons() {}

  static String of(int status) {
    return PHRASES.getOrDefault(status, "Status " + status);
  }

  /** The Date header of the current second; formatting it for every answer was a visible share of an answer's cost. */
  private record Stamp(long second, String text) {}

  private static volatile Stamp stamp = new Stamp(-1, "");

  /** Now, in the IMF-fixdate form of RFC 9110 (real time: it is transport metadata, not API data). */
  static String date() {
    long second = System.currentTimeMillis() / 1000;
    Stamp s = stamp;
    if (s.second() != second) {
      s = new Stamp(second, DateTimeFormatter.RFC_1123_DATE_TIME.format(
          ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(second), ZoneOffset.UTC)));
      stamp = s;
    }
    return s.text();
  }
}
