package io.github.hubsdk.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Fixtures shared by the tests: fake JWTs, a settable clock, a recording sleeper. */
final class TestSupport {

  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  static final String UUID_1 = "b30bbf97-506c-4ecd-aabc-842f3cb484fb";
  static final String DIGEST = "sha256:5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9";

  private TestSupport() {
  }

  /** An unsigned JWT whose payload carries {@code exp}; {@code marker} makes tokens distinguishable. */
  static String jwt(String marker, Instant exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"sub\":\"" + marker + "\",\"exp\":" + exp.getEpochSecond() + "}")
        .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2lnLW5vdC1yZWFs";
  }

  static String authTokenBody(String jwt) {
    return "{\"access_token\":\"" + jwt + "\"}";
  }

  static String accessTokenJson(String uuid, String label, String secret) {
    return "{\"uuid\":\"" + uuid + "\",\"client_id\":\"HUB\",\"creator_ip\":\"127.0.0.1\",\"creator_ua\":\"test\","
        + "\"created_at\":\"2026-11-20T08:15:00Z\",\"last_used\":null,\"generated_by\":\"manual\",\"is_active\":true,"
        + "\"token\":\"" + secret + "\",\"token_label\":\"" + label + "\",\"scopes\":[\"repo:read\"]}";
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    synchronized void advance(Duration d) {
      now = now.plus(d);
    }

    /** Moves the clock to {@code at} unless it is already later: threads sleeping together share time. */
    synchronized void advanceTo(Instant at) {
      if (at.isAfter(now)) {
        now = at;
      }
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Records the waits instead of sleeping; with a clock, moves it on by each wait, as time would. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> sleeps = new ArrayList<>();
    private final MutableClock clock;

    RecordingSleeper() {
      this(null);
    }

    RecordingSleeper(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
      sleeps.add(duration);
      if (clock != null) {
        clock.advance(duration);
      }
    }
  }
}
