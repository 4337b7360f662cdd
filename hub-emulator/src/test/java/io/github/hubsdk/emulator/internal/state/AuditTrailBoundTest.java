package io.github.hubsdk.emulator.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A client that churns cannot grow the audit log without bound: the oldest events go first. */
class AuditTrailBoundTest {

  @Test
  void keepsTheNewestEventsOnly() {
    AtomicLong seq = new AtomicLong();
    AuditTrail trail = new AuditTrail(seq::incrementAndGet);
    Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
    int over = 250;
    for (int i = 0; i < AuditTrail.MAX_EVENTS + over; i++) {
      trail.record(i % 2 == 0 ? "acme" : "mona", "repo.create", "r" + i, "mona", Map.of("i", "" + i),
          t0.plusSeconds(i), "created");
    }
    int kept = trail.of("acme", e -> true).size() + trail.of("mona", e -> true).size();
    assertThat(kept).isEqualTo(AuditTrail.MAX_EVENTS);
    assertThat(trail.of("acme", e -> true).get(0).name()).as("newest first").isEqualTo("r" + (AuditTrail.MAX_EVENTS + over - 2));
    assertThat(trail.of("acme", e -> e.name().equals("r0"))).as("the oldest went first").isEmpty();
    assertThat(trail.of("acme", e -> e.name().equals("r" + over))).hasSize(1);
  }
}
