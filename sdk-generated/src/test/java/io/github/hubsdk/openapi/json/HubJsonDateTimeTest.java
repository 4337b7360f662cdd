package io.github.hubsdk.openapi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * {@link HubJson#parseDateTime} reads the common form without the formatter: every value must come out as
 * the formatter reads it, and every value the formatter refuses must still be refused.
 */
class HubJsonDateTimeTest {

  /** What parseDateTime did before it had a path of its own for the common form. */
  private static OffsetDateTime formatter(String text) {
    String s = text.trim();
    if (s.length() == 10) {
      return java.time.LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException noOffset) {
      return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
    }
  }

  @Test
  void readsEveryFormAsTheFormatterDoes() {
    String[] values = {
      "2026-11-26T09:14:02.118Z", "2026-11-26T09:14:02Z", "2026-11-26T09:14:02.123456Z",
      "2026-11-26T09:14:02.123456789Z", "2026-11-26T09:14:02.1Z", "2026-11-26T09:14:02.118+02:00",
      "2026-11-26T09:14:02-05:30", "2026-11-26T09:14:02+00:00", "2026-11-26T09:14:02-00:00",
      "2024-02-29T23:59:59.999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999+18:00",
      "  2026-11-26T09:14:02.118Z ", "2026-11-26t09:14:02.118z", "2026-11-26T09:14", "2026-11-26T09:14:02",
      "2026-11-26T09:14:02.118", "2026-11-26", "2026-11-26T09:14:02+02:00:30", "2026-11-26T09:14Z", "2026-11-26T09:14:02.Z",
    };
    for (String v : values) {
      OffsetDateTime expected = formatter(v);
      OffsetDateTime actual = HubJson.parseDateTime(v);
      assertThat(actual).as(v).isEqualTo(expected);
      assertThat(actual.getOffset()).as(v).isEqualTo(expected.getOffset());
    }
  }

  @Test
  void refusesWhatTheFormatterRefuses() {
    String[] values = {
      "2026-02-30T09:14:02Z", "2025-02-29T09:14:02Z", "2026-13-01T09:14:02Z", "2026-11-26T24:00:00Z",
      "2026-11-26T23:60:00Z", "2026-11-26T23:59:60Z", "2026-11-26T09:14:02.1234567890Z", "2026-11-26T09:14:02+19:00",
      "2026-11-26T09:14:02+18:30", "2026-11-26T09:14:02+02:60", "2026-11-26T09:14:02ZZ",
      "2026-11-26X09:14:02Z", "２026-11-26T09:14:02Z", "2026-11-26T09:14:02+0200", "2026-1-26T09:14:02Z",
      "+2026-11-26T09:14:02Z", "2026-11-26T09:14:02 Z",
    };
    for (String v : values) {
      assertThatThrownBy(() -> formatter(v)).as("formatter " + v).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> HubJson.parseDateTime(v)).as(v).isInstanceOf(DateTimeException.class);
    }
  }
}
