package io.github.hubsdk.emulator.internal;

import io.github.hubsdk.emulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recorded-request log, bounded by count and by bytes so a long-running emulator does not grow
 * without limit: a body longer than {@link #MAX_BODY_CHARS} is kept cut (flagged
 * {@link RecordedRequest#bodyTruncated()}), and the oldest records go first when either bound is passed.
 * Handlers and listeners always see the whole body. Thread-safe. Internal API.
 */
public final class Recorder {

  /** The longest body kept in a record, in characters. */
  public static final int MAX_BODY_CHARS = 64 * 1024;

  private final int maxCount;
  private final long maxBytes;
  private final ArrayDeque<RecordedRequest> recorded = new ArrayDeque<>();
  private final ArrayDeque<RecordedRequest> untaken = new ArrayDeque<>();
  private final AtomicLong count = new AtomicLong();
  private long bytes;

  public Recorder(int maxCount, long maxBytes) {
    this.maxCount = maxCount;
    this.maxBytes = maxBytes;
  }

  /** @return whether records are kept at all (else {@link #record} only counts) */
  public boolean keeps() {
    return maxCount != 0 && maxBytes != 0;
  }

  /**
   * Counts the request and keeps a (possibly cut) copy of it.
   *
   * @param full the request, or null when records are not kept (see {@link #keeps()}): only counted
   */
  public void record(RecordedRequest full) {
    count.incrementAndGet();
    if (full == null || !keeps()) {
      return;
    }
    keep(full);
  }

  private synchronized void keep(RecordedRequest full) {
    RecordedRequest kept = full;
    int limit = (int) Math.min(MAX_BODY_CHARS, maxBytes);
    if (full.body().length() > limit) {
      kept = new RecordedRequest(full.method(), full.path(), full.query(), full.headers(),
          full.body().substring(0, limit), full.receivedAt(), true);
    }
    recorded.addLast(kept);
    untaken.addLast(kept);
    bytes += size(kept);
    while (recorded.size() > maxCount || (bytes > maxBytes && recorded.size() > 1)) {
      RecordedRequest oldest = recorded.removeFirst();
      bytes -= size(oldest);
      if (untaken.peekFirst() == oldest) {
        untaken.removeFirst();
      }
    }
  }

  /** Roughly what a record holds: its body, target and headers. */
  private static long size(RecordedRequest r) {
    long n = utf8Length(r.body()) + r.target().length() + 64;
    for (Map.Entry<String, List<String>> e : r.headers().entrySet()) {
      for (String v : e.getValue()) {
        n += e.getKey().length() + v.length() + 4;
      }
    }
    return n;
  }

  /** UTF-8 length without encoding the text (it ran for every recorded request). */
  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  public synchronized List<RecordedRequest> snapshot() {
    return List.copyOf(recorded);
  }

  public synchronized RecordedRequest take() {
    return untaken.poll();
  }

  public long count() {
    return count.get();
  }

  public synchronized void clear() {
    recorded.clear();
    untaken.clear();
    bytes = 0;
    count.set(0);
  }
}
