package io.github.hubsdk.emulator.internal.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The emulator's date-times, made and written without the JDK's general machinery: every timestamp of
 * every answer goes through here (a page of 100 images has 200), and {@code DateTimeFormatter} spends a
 * BigDecimal per fraction and {@code Instant.atOffset} a new {@code ZoneRules} per call on JDK 17, which
 * made date handling the largest part of the emulator's own time per page. The text is exactly
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}'s (UTC as {@code Z}, seconds always, the fraction without
 * trailing zeros); anything but UTC in years 0 to 9999 goes to that formatter. Internal API.
 */
final class UtcTimes {

  private UtcTimes() {}

  /** {@code instant} at UTC, without looking up the offset's zone rules. */
  static OffsetDateTime atUtc(Instant instant) {
    return OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
        ZoneOffset.UTC);
  }

  /** {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}'s text of {@code t}. */
  static String format(OffsetDateTime t) {
    int year = t.getYear();
    if (!t.getOffset().equals(ZoneOffset.UTC) || year < 0 || year > 9999) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    char[] out = new char[30];
    digits(out, 0, year, 4);
    out[4] = '-';
    digits(out, 5, t.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, t.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, t.getHour(), 2);
    out[13] = ':';
    digits(out, 14, t.getMinute(), 2);
    out[16] = ':';
    digits(out, 17, t.getSecond(), 2);
    int n = 19;
    int nano = t.getNano();
    if (nano != 0) {
      int width = 9;
      while (nano % 10 == 0) {
        nano /= 10;
        width--;
      }
      out[n++] = '.';
      digits(out, n, nano, width);
      n += width;
    }
    out[n++] = 'Z';
    return new String(out, 0, n);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** Writes {@link OffsetDateTime}s as {@link #format} does. */
  static final class Serializer extends StdSerializer<OffsetDateTime> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(format(value));
    }
  }
}
