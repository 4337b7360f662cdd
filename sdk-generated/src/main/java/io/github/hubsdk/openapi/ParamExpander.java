package io.github.hubsdk.openapi;

import feign.Param;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Expands query parameters. Date-times are written in RFC 3339 UTC with seconds
 * ({@code 2026-10-26T00:00:00Z}): {@code OffsetDateTime.toString()} drops zero seconds, which strict RFC
 * 3339 servers reject, and a {@code +02:00} offset would reach the server as a space.
 */
public final class ParamExpander implements Param.Expander {

  @Override
  public String expand(Object value) {
    if (value instanceof OffsetDateTime) {
      return DateTimeFormatter.ISO_INSTANT.format(((OffsetDateTime) value).toInstant());
    }
    if (value instanceof ZonedDateTime) {
      return DateTimeFormatter.ISO_INSTANT.format(((ZonedDateTime) value).toInstant());
    }
    return value.toString();
  }
}
