package io.github.hubsdk.openapi.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The JSON mapping both sides of the wire use for the generated models: RFC 3339 strings for date-times
 * (Docker Hub sends {@code 2026-11-26T09:14:02.118Z}, sometimes with microseconds, sometimes as a bare
 * date), unknown fields ignored, {@code null} fields left out where the model says so.
 *
 * <p>The three {@code java.time} types the models use are mapped here rather than by
 * {@code jackson-datatype-jsr310}: the wire format is fixed, and leaving that jar out keeps the SDK's
 * runtime footprint small.
 */
public final class HubJson {

  private HubJson() {
  }

  /**
   * A new mapper configured for the models. Mappers are thread-safe once configured; share one.
   *
   * @return the mapper
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(timeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /**
   * Serializers and deserializers for {@link OffsetDateTime}, {@link Instant} and {@link LocalDate} as
   * RFC 3339 / ISO 8601 strings.
   *
   * @return the module
   */
  public static SimpleModule timeModule() {
    SimpleModule m = new SimpleModule("hubsdk-time");
    m.addSerializer(OffsetDateTime.class, new Writer<>(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format));
    m.addSerializer(Instant.class, new Writer<>(DateTimeFormatter.ISO_INSTANT::format));
    m.addSerializer(LocalDate.class, new Writer<>(DateTimeFormatter.ISO_LOCAL_DATE::format));
    m.addDeserializer(OffsetDateTime.class, new Reader<>(OffsetDateTime.class, HubJson::parseDateTime));
    m.addDeserializer(Instant.class, new Reader<>(Instant.class, s -> parseDateTime(s).toInstant()));
    m.addDeserializer(LocalDate.class, new Reader<>(LocalDate.class, LocalDate::parse));
    return m;
  }

  /**
   * Parses an RFC 3339 date-time; a bare date means its start in UTC, a missing offset means UTC.
   *
   * @param text e.g. {@code 2026-11-26T09:14:02.118Z}
   * @return the date-time
   * @throws DateTimeException when the text is none of these forms
   */
  public static OffsetDateTime parseDateTime(String text) {
    String s = text.trim();
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    OffsetDateTime common = parseCommon(s);
    if (common != null) {
      return common;
    }
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException noOffset) {
      return java.time.LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
    }
  }

  private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

  /**
   * The form every Docker Hub answer uses, {@code yyyy-MM-ddTHH:mm:ss[.f]} then {@code Z} or {@code +HH:MM}
   * (1 to 9 fraction digits), read without the formatter, which costs several times more per value; null
   * for anything else, or for an invalid value, which the formatter then reads or rejects as before.
   */
  private static OffsetDateTime parseCommon(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int width = i - start;
      if (width < 1 || width > 9) {
        return null;
      }
      nanos = digits(s, start, width) * SCALE[width - 1];
    }
    try {
      ZoneOffset offset;
      if (i == n - 1 && s.charAt(i) == 'Z') {
        offset = ZoneOffset.UTC;
      } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if (hours < 0 || minutes < 0) {
          return null;
        }
        int sign = s.charAt(i) == '-' ? -1 : 1;
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      } else {
        return null;
      }
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException invalid) {
      return null;
    }
  }

  /** The ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static final class Writer<T> extends JsonSerializer<T> {
    private final Function<T, String> format;

    Writer(Function<T, String> format) {
      this.format = format;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(format.apply(value));
    }
  }

  private static final class Reader<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final Function<String, T> parse;

    Reader(Class<T> type, Function<String, T> parse) {
      this.type = type;
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return type.cast(ctxt.handleUnexpectedToken(type, p));
      }
      String text = p.getText();
      if (text.isBlank()) {
        return null;
      }
      try {
        return parse.apply(text);
      } catch (DateTimeException e) {
        return type.cast(ctxt.handleWeirdStringValue(type, text, "not an RFC 3339 date-time: %s", e.getMessage()));
      }
    }
  }
}
