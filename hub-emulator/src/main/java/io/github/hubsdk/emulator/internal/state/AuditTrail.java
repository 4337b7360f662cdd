package io.github.hubsdk.emulator.internal.state;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The audit log of every namespace, the newest {@link #MAX_EVENTS} events in all: like the live Hub's retention,
 * the oldest events go first, so a client that churns (create, delete, repeat) cannot grow the heap without
 * bound. Guarded by the {@link Store}'s lock.
 */
public final class AuditTrail {

  /** An audit log entry; {@code data} is unmodifiable and sorted by key, the order the API lists it in. */
  public record Event(String account, String action, String name, String actor, Map<String, String> data,
      Instant timestamp, String description, long seq) {}

  /** How many events the emulator keeps across all namespaces. */
  public static final int MAX_EVENTS = 100_000;

  private final ArrayDeque<Event> events = new ArrayDeque<>();
  private final LongSupplier seq;

  AuditTrail(LongSupplier seq) {
    this.seq = seq;
  }

  void clear() {
    events.clear();
  }

  public void record(String account, String action, String name, String actor, Map<String, String> data,
      Instant timestamp, String description) {
    // Sorted once here rather than on every audit-log read; Map.copyOf still refuses null keys and values.
    Map<String, String> sorted = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(data)));
    if (events.size() >= MAX_EVENTS) {
      events.removeFirst();
    }
    events.addLast(new Event(account, action, name, actor, sorted, timestamp, description, seq.getAsLong()));
  }

  /** The events of {@code account} that pass {@code filter}, newest first (then latest recorded first). */
  public List<Event> of(String account, Predicate<Event> filter) {
    List<Event> out = new ArrayList<>();
    for (Event e : events) {
      if (e.account().equals(account) && filter.test(e)) {
        out.add(e);
      }
    }
    out.sort(Comparator.comparing(Event::timestamp).thenComparingLong(Event::seq).reversed());
    return out;
  }
}
