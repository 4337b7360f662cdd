package io.github.hubsdk.emulator.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.openapi.json.HubJson;
import io.github.hubsdk.openapi.model.Image;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast date-time path writes exactly what the JDK's ISO formatter writes, and maps as the JDK does. */
class UtcTimesTest {

  @Test
  void formatsExactlyAsIsoOffsetDateTime() {
    Random random = new Random(42);
    int[] nanos = {0, 1, 10, 100_000, 1_000_000, 100_000_000, 500_000_000, 123_000_000, 123_456_789, 999_999_999};
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong() % 253_402_300_799L; // years 0001 to 9999, both sides of 1970
      int nano = i < nanos.length * 10 ? nanos[i % nanos.length] : random.nextInt(1_000_000_000);
      if (i % 3 == 0) {
        nano = (nano / 1_000_000) * 1_000_000; // milliseconds, as the emulator's clock keeps
      }
      Instant instant = Instant.ofEpochSecond(second, nano);
      OffsetDateTime viaJdk = instant.atOffset(ZoneOffset.UTC);
      OffsetDateTime fast = UtcTimes.atUtc(instant);
      assertThat(fast).isEqualTo(viaJdk);
      assertThat(UtcTimes.format(fast)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(viaJdk));
    }
  }

  @Test
  void otherOffsetsAndYearsGoToTheFormatter() {
    for (OffsetDateTime t : new OffsetDateTime[] {
        OffsetDateTime.parse("2026-11-26T10:00:00.5+02:00"),
        OffsetDateTime.parse("+12026-01-01T00:00:00Z"),
        OffsetDateTime.parse("-0001-12-31T23:59:59.000000001Z")}) {
      assertThat(UtcTimes.format(t)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
    }
  }

  @Test
  void theEmulatorsMapperWritesTheSameJsonAsTheSharedMapping() throws Exception {
    Image image = new Image().digest("sha256:" + "a".repeat(64))
        .lastPushed(OffsetDateTime.parse("2026-11-26T10:00:00Z"))
        .lastPulled(OffsetDateTime.parse("2026-11-26T10:00:01.120Z"));
    String shared = HubJson.newMapper().writeValueAsString(image);
    String emulator = new String(Wire.bytes(image), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(emulator).contains("\"last_pushed\":\"2026-11-26T10:00:00Z\"")
        .contains("\"last_pulled\":\"2026-11-26T10:00:01.12Z\"");
    // Wire keeps the nulls of an Image (KeepNulls); the shared mapping drops them: compare the dates only.
    assertThat(shared).contains("\"last_pushed\":\"2026-11-26T10:00:00Z\"")
        .contains("\"last_pulled\":\"2026-11-26T10:00:01.12Z\"");
  }
}
