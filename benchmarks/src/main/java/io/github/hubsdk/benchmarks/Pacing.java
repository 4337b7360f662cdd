package io.github.hubsdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.PacingStats;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rate-limit pacing (issue 16): 8 threads share one client and make five windows' worth of calls
 * ({@code 5 x limit}) against an emulator with rate limiting on, once paced (the default) and once with
 * {@code rateLimitPacing(false)}, the plain retry-on-429 policy. Counts the 429s the emulator sent (after
 * the first answer, which is the first time the client can know the limit), the calls that failed, and
 * the wall time, next to the ideal time {@code calls / limit x window}. The emulator runs on real time: each
 * run starts with a fresh emulator, so neither inherits the other's window.
 *
 * <p>Arguments: {@code <limit> <window seconds> <rounds> [out.json]}.
 */
public final class Pacing {

  private static final int THREADS = 8;
  private static final int WINDOWS = 5;

  private Pacing() {}

  /**
   * Runs the comparison and prints (and writes) JSON.
   *
   * @param args limit, window in seconds, rounds, output file
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    int limit = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int windowSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    ObjectNode result = run(limit, Duration.ofSeconds(windowSeconds), rounds);
    String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
    System.out.println(json);
    if (args.length > 3) {
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new File(args[3]), result);
    }
  }

  static ObjectNode run(int limit, Duration window, int rounds) throws Exception {
    return run(limit, window, rounds, WINDOWS);
  }

  static ObjectNode run(int limit, Duration window, int rounds, int windows) throws Exception {
    ObjectNode result = new ObjectMapper().createObjectNode();
    int calls = windows * limit;
    result.put("threads", THREADS);
    result.put("limit", limit);
    result.put("windowMillis", window.toMillis());
    result.put("calls", calls);
    result.put("idealMillis", (long) calls * window.toMillis() / limit);
    ArrayNode runs = result.putArray("runs");
    for (int round = 1; round <= rounds; round++) {
      // Alternate which side goes first, so a change of load over the run does not favour one side.
      boolean pacedFirst = round % 2 == 1;
      for (boolean paced : pacedFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
        ObjectNode row = once(limit, window, calls, paced);
        row.put("round", round);
        runs.add(row);
      }
    }
    return result;
  }

  private static ObjectNode once(int limit, Duration window, int calls, boolean paced) throws Exception {
    AtomicInteger answers = new AtomicInteger();
    AtomicInteger tooMany = new AtomicInteger();
    AtomicInteger tooManyAfterFirst = new AtomicInteger();
    SeededToken[] token = new SeededToken[1];
    try (DockerHubEmulator hub = DockerHubEmulator.builder().withoutDefaultSeed().threads(16)
        .rateLimit(limit, window).maxRecordedRequests(0)
        .seed(s -> {
          s.user(Fixture.USER, Fixture.PASSWORD).plan(Plan.PRO);
          token[0] = s.personalAccessToken(Fixture.USER, "bench", "repo:read");
        })
        .exchangeListener(e -> {
          int n = answers.incrementAndGet();
          if (e.status() == 429) {
            tooMany.incrementAndGet();
            if (n > 1) {
              tooManyAfterFirst.incrementAndGet();
            }
          }
        })
        .start();
        DockerHubClient client = DockerHubClient.builder().baseUrl(hub.baseUrl())
            .credentials(Credentials.password(Fixture.USER, Fixture.PASSWORD)).rateLimitPacing(paced).build()) {
      UUID id = token[0].uuid();
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      AtomicLong ok = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      long start = System.nanoTime();
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          workers.add(pool.submit(() -> {
            // The login is the first call of whichever thread gets there first, and counts as one of them.
            while (next.getAndIncrement() < calls) {
              try {
                client.accessTokens().get(id);
                ok.incrementAndGet();
              } catch (DockerHubException e) {
                failed.incrementAndGet();
              }
            }
            return null;
          }));
        }
        for (Future<?> w : workers) {
          w.get();
        }
      } finally {
        pool.shutdownNow();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      PacingStats stats = client.pacing();
      ObjectNode row = new ObjectMapper().createObjectNode();
      row.put("mode", paced ? "paced" : "retry-on-429");
      row.put("millis", millis);
      row.put("succeeded", ok.get());
      row.put("failed", failed.get());
      row.put("requestsAnswered", answers.get());
      row.put("tooMany", tooMany.get());
      row.put("tooManyAfterFirstAnswer", tooManyAfterFirst.get());
      row.put("callsDelayed", stats.callsDelayed());
      row.put("timeWaitedMillis", stats.timeWaited().toMillis());
      return row;
    }
  }
}
