package io.github.hubsdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.paging.FanOut;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.openapi.model.RepositoryTag;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fan-out (issue 16): every tag of 100 repositories ({@code listRepositoryTags}, 20 tags each, pages of
 * 10: 2 pages per repository), every request held 20 ms by the emulator, with {@link FanOut} at 16 in
 * flight against the same listings one after the other. Also the heap retained while the fan-out
 * streams, sampled after a full GC at every tenth of the stream, against a {@code toList()} of the same
 * items.
 *
 * <p>Arguments: {@code <repositories> <items per repository> <latency ms> <parallelism> <rounds> [out.json]}.
 */
public final class FanOutBench {

  static final int PAGE_SIZE = 10;
  /** Path glob of the tag listing. */
  static final String TAGS_GLOB = "/v2/namespaces/*/repositories/*/tags";

  private FanOutBench() {}

  /**
   * Runs the comparison and prints (and writes) JSON.
   *
   * @param args see the class comment
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    int repos = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int latency = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    ObjectNode result = run(repos, items, latency, parallelism, rounds);
    System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    if (args.length > 5) {
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new File(args[5]), result);
    }
  }

  static ObjectNode run(int repos, int items, int latencyMillis, int parallelism, int rounds) {
    ObjectNode result = new ObjectMapper().createObjectNode();
    result.put("repositories", repos);
    result.put("itemsPerRepository", items);
    result.put("pagesPerRepository", (items + PAGE_SIZE - 1) / PAGE_SIZE);
    result.put("latencyMillis", latencyMillis);
    result.put("parallelism", parallelism);
    result.put("operation", "listRepositoryTags");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < repos; i++) {
      names.add(String.format("repo-%03d", i));
    }
    try (DockerHubEmulator hub = DockerHubEmulator.builder().withoutDefaultSeed()
        .threads(Math.max(32, parallelism * 2)).maxRecordedRequests(0).tokenTtl(Duration.ofHours(12))
        .seed(s -> {
          s.user(Fixture.USER, Fixture.PASSWORD).plan(Plan.PRO);
          for (String name : names) {
            s.repository(Fixture.USER, name).tags(items);
          }
        })
        .start();
        DockerHubClient client = DockerHubClient.builder().baseUrl(hub.baseUrl())
            .credentials(Credentials.password(Fixture.USER, Fixture.PASSWORD)).build()) {
      if (latencyMillis > 0) {
        hub.expect().get(TAGS_GLOB).andDelay(Duration.ofMillis(latencyMillis));
      }
      client.login();
      long expected = (long) repos * items;
      check(fanOut(client, names, parallelism), expected); // warm-up
      check(sequential(client, names), expected);
      ArrayNode runs = result.putArray("runs");
      for (int round = 1; round <= rounds; round++) {
        long s0 = System.nanoTime();
        check(sequential(client, names), expected);
        long seq = System.nanoTime() - s0;
        long f0 = System.nanoTime();
        check(fanOut(client, names, parallelism), expected);
        long fan = System.nanoTime() - f0;
        ObjectNode row = runs.addObject();
        row.put("round", round);
        row.put("sequentialMillis", seq / 1_000_000.0);
        row.put("fanOutMillis", fan / 1_000_000.0);
        row.put("speedup", (double) seq / fan);
      }
      result.set("heap", heap(client, names, parallelism, expected));
    }
    return result;
  }

  private static Stream<FanOut.Result<String, RepositoryTag>> stream(DockerHubClient client, List<String> names,
      int parallelism) {
    return FanOut.over(names).parallelism(parallelism)
        .flatMap(name -> client.repository(Fixture.USER, name).tags().list().pageSize(PAGE_SIZE));
  }

  private static long fanOut(DockerHubClient client, List<String> names, int parallelism) {
    try (Stream<FanOut.Result<String, RepositoryTag>> all = stream(client, names, parallelism)) {
      return all.filter(r -> r.value() != null).count();
    }
  }

  private static long sequential(DockerHubClient client, List<String> names) {
    long n = 0;
    for (String name : names) {
      for (RepositoryTag ignored : client.repository(Fixture.USER, name).tags().list().pageSize(PAGE_SIZE)) {
        n++;
      }
    }
    return n;
  }

  private static ObjectNode heap(DockerHubClient client, List<String> names, int parallelism, long expected) {
    ObjectNode heap = new ObjectMapper().createObjectNode();
    long floor = usedAfterGc();
    ArrayNode samples = heap.putArray("retainedBytesAtTenths");
    long every = Math.max(1, expected / 10);
    long seen = 0;
    long peak = 0;
    try (Stream<FanOut.Result<String, RepositoryTag>> all = stream(client, names, parallelism)) {
      Iterator<FanOut.Result<String, RepositoryTag>> it = all.iterator();
      while (it.hasNext()) {
        it.next();
        seen++;
        if (seen % every == 0 && seen < expected) {
          long retained = Math.max(0, usedAfterGc() - floor);
          samples.add(retained);
          peak = Math.max(peak, retained);
        }
      }
    }
    check(seen, expected);
    heap.put("floorBytes", floor);
    heap.put("peakRetainedBytes", peak);
    long controlFloor = usedAfterGc();
    List<FanOut.Result<String, RepositoryTag>> kept;
    try (Stream<FanOut.Result<String, RepositoryTag>> all = stream(client, names, parallelism)) {
      kept = all.toList();
    }
    heap.put("toListRetainedBytes", Math.max(0, usedAfterGc() - controlFloor));
    heap.put("toListItems", kept.size());
    return heap;
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void check(long seen, long expected) {
    if (seen != expected) {
      throw new IllegalStateException("listed " + seen + " items, expected " + expected);
    }
  }
}
