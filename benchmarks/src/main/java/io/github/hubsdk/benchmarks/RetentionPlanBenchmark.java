package io.github.hubsdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.retention.Retention;
import io.github.hubsdk.client.retention.RetentionPlan;
import io.github.hubsdk.client.retention.RetentionPolicy;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.io.File;
import java.io.IOException;
import java.time.Duration;

/**
 * A namespace-wide retention plan over many repositories at a fixed latency per request: the time with bounded
 * parallelism against sequential, and the heap it retains. A plain main, not JMH (one plan is seconds long):
 * {@code java -XX:+UseSerialGC -Xmx768m -cp benchmarks.jar ...RetentionPlanBenchmark}.
 *
 * <p>Time: each parallelism plans the whole namespace {@code runs} times after one warm-up plan; the median
 * is reported with the number of requests one plan makes (per repository: its immutable-tag settings and its tag
 * pages of 100, plus the repository pages).
 *
 * <p>Heap: a full GC in the progress callback after every tenth repository reads the used heap. The plan itself
 * keeps one compact decision per tag (that is its job: it says what is kept and why), so the plan's retained
 * size, measured after the run, is reported per tag; the working set is what is retained beyond the plan built so
 * far: the tag pages being read and the repositories in flight. It depends on the page size and the parallelism,
 * not on how many tags or repositories the namespace has, which the second table shows by planning namespaces of
 * growing size.
 *
 * <p>Arguments: {@code [repositories=100] [tagsPerRepository=200] [latencyMillis=20] [parallelisms=1,4,8,16]
 * [runs=3] [out.json]}.
 */
public final class RetentionPlanBenchmark {

  static final String USER = "bench";
  static final String PASSWORD = "bench-password";
  static final String ORG = "bench-org";
  static final RetentionPolicy POLICY = RetentionPolicy.builder().keepLast(10).keep("latest", "semver")
      .delete("sha-*", "pr-*", "build-*").olderThan(Duration.ofDays(30)).build();

  private RetentionPlanBenchmark() {
  }

  /**
   * Runs the measurement and prints (and optionally writes) a JSON result.
   *
   * @param args see the class comment
   * @throws IOException when the result cannot be written
   */
  public static void main(String[] args) throws IOException {
    int repos = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int tags = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int latency = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    String[] parallelisms = (args.length > 3 ? args[3] : "1,4,8,16").split(",");
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    ObjectMapper json = new ObjectMapper();
    ObjectNode result = json.createObjectNode();
    result.put("repositories", repos);
    result.put("tagsPerRepository", tags);
    result.put("latencyMillis", latency);
    result.put("runs", runs);
    ArrayNode timing = result.putArray("timing");
    try (DockerHubEmulator hub = emulator(repos, tags, latency); DockerHubClient client = client(hub)) {
      for (String p : parallelisms) {
        if (p.equals("none")) {
          break;
        }
        int n = Integer.parseInt(p.trim());
        Retention retention = Retention.over(client).parallelism(n);
        check(retention.plan(ORG, POLICY), repos, tags);
        long[] ms = new long[runs];
        int before = hub.requestCount();
        for (int i = 0; i < runs; i++) {
          long t0 = System.nanoTime();
          RetentionPlan plan = retention.plan(ORG, POLICY);
          ms[i] = (System.nanoTime() - t0) / 1_000_000;
          check(plan, repos, tags);
        }
        java.util.Arrays.sort(ms);
        ObjectNode row = timing.addObject();
        row.put("parallelism", n);
        row.put("medianMillis", ms[runs / 2]);
        row.put("minMillis", ms[0]);
        row.put("requestsPerPlan", (hub.requestCount() - before) / runs);
      }
      long sequential = timing.isEmpty() ? 1 : timing.get(0).get("medianMillis").asLong();
      timing.forEach(r -> ((ObjectNode) r).put("speedupOverSequential",
          Math.round(100.0 * sequential / Math.max(1, r.get("medianMillis").asLong())) / 100.0));
    }
    ArrayNode heap = result.putArray("heap");
    // The namespace grows 16-fold at a constant size per repository, then each repository grows 4-fold.
    for (int[] size : new int[][] {{repos / 4, tags}, {repos, tags}, {repos * 4, tags}, {repos, tags * 4}}) {
      try (DockerHubEmulator hub = emulator(size[0], size[1], 0); DockerHubClient client = client(hub)) {
        heap.add(heap(client, size[0], size[1], 8));
      }
    }
    String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(result);
    System.out.println(text);
    if (args.length > 5) {
      json.writerWithDefaultPrettyPrinter().writeValue(new File(args[5]), result);
    }
  }

  static ObjectNode heap(DockerHubClient client, int repos, int tags, int parallelism) {
    Retention warm = Retention.over(client).parallelism(parallelism);
    check(warm.plan(ORG, POLICY), repos, tags);
    check(warm.plan(ORG, POLICY), repos, tags);
    idle();
    long floor = StreamingHeap.usedAfterGc();
    long[] peakBeyondPlan = {0};
    long[] samples = {0};
    // Every tenth repository: the used heap then holds the plan so far (tagsDone decisions) and the work in flight.
    long[] tagsDone = {0};
    Retention measured = warm.progress(u -> {
      tagsDone[0] = u.tags();
      if (u.repositoriesDone() % 10 == 0) {
        samples[0]++;
        long used = StreamingHeap.usedAfterGc() - floor;
        peakBeyondPlan[0] = Math.max(peakBeyondPlan[0], used - tagsDone[0] * PlanSize.bytesPerTag);
      }
    });
    // The plan's own size first, from a plan held alone.
    RetentionPlan held = warm.plan(ORG, POLICY);
    long planBytes = StreamingHeap.usedAfterGc() - floor;
    PlanSize.bytesPerTag = Math.max(0, planBytes / Math.max(1, held.tagCount()));
    held = null;
    idle();
    RetentionPlan plan = measured.plan(ORG, POLICY);
    check(plan, repos, tags);
    ObjectNode row = new ObjectMapper().createObjectNode();
    row.put("repositories", repos);
    row.put("tagsPerRepository", tags);
    row.put("tags", plan.tagCount());
    row.put("parallelism", parallelism);
    row.put("planRetainedBytes", planBytes);
    row.put("planBytesPerTag", PlanSize.bytesPerTag);
    row.put("workingSetBeyondPlanBytes", Math.max(0, peakBeyondPlan[0]));
    row.put("samples", samples[0]);
    return row;
  }

  /** Lets the fan-out's idle worker threads (kept alive for a second) end, so the floor does not hold them. */
  static void idle() {
    try {
      Thread.sleep(1500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    StreamingHeap.usedAfterGc();
  }

  /** The plan's measured cost per tag, used to subtract the plan-so-far from the samples. */
  static final class PlanSize {
    static volatile long bytesPerTag;
  }

  static void check(RetentionPlan plan, int repos, int tags) {
    if (!plan.complete() || plan.repositories().size() != repos || plan.tagCount() != (long) repos * tags) {
      throw new IllegalStateException("unexpected plan: " + plan);
    }
  }

  static DockerHubEmulator emulator(int repos, int tags, int latencyMillis) {
    DockerHubEmulator hub = DockerHubEmulator.builder().withoutDefaultSeed().threads(32).maxRecordedRequests(0)
        .tokenTtl(Duration.ofHours(12))
        .seed(s -> {
          s.user(USER, PASSWORD).plan(Plan.PRO);
          s.org(ORG, Plan.BUSINESS).owners(USER);
          for (int i = 0; i < repos; i++) {
            s.repository(ORG, "repo-" + i).tags(tags);
          }
        }).start();
    if (latencyMillis > 0) {
      hub.expect().get("/v2/*").andDelay(Duration.ofMillis(latencyMillis));
    }
    return hub;
  }

  static DockerHubClient client(DockerHubEmulator hub) {
    return DockerHubClient.builder().baseUrl(hub.baseUrl()).credentials(Credentials.password(USER, PASSWORD))
        .build();
  }
}
