package io.github.hubsdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.client.DockerHubClient;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

/**
 * Single-call overhead measured as an interleaved A/B comparison, the figure to trust on a shared,
 * loaded machine: JMH runs the SDK and baseline benchmarks minutes apart, so a change in the machine's
 * load between them shows up as "overhead". Here, after a JIT warm-up, each round times one block of
 * calls through the SDK and one through the baseline back to back (alternating which goes first), and
 * the result is the median over rounds of the paired ratio SDK/baseline, plus each side's median
 * time per call. One thread, same emulator, same requests as {@link CallOverheadBenchmark}.
 *
 * <p>Arguments: {@code [rounds=60] [callsPerBlock=20] [warmupCalls=3000] [out.json]}.
 */
public final class OverheadAB {

  private OverheadAB() {}

  /**
   * Runs the comparison and prints (and optionally writes) a JSON result.
   *
   * @param args see the class comment
   * @throws IOException when the result cannot be written
   */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
    ObjectNode result = run(rounds, block, warmup);
    ObjectMapper json = new ObjectMapper();
    System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    if (args.length > 3) {
      json.writerWithDefaultPrettyPrinter().writeValue(new File(args[3]), result);
    }
  }

  static ObjectNode run(int rounds, int block, int warmup) {
    ObjectNode result = new ObjectMapper().createObjectNode();
    result.put("rounds", rounds);
    result.put("callsPerBlock", block);
    result.put("warmupCalls", warmup);
    try (Fixture fixture = Fixture.start(CallOverheadBenchmark.IMAGES, Duration.ZERO);
        DockerHubClient sdk = fixture.client()) {
      Baseline baseline = fixture.baseline();
      UUID id = fixture.tokenId();
      IntSupplier sdkToken = () -> sdk.accessTokens().get(id).getTokenLabel().length();
      IntSupplier baseToken = () -> baseline.getAccessToken(id).getTokenLabel().length();
      IntSupplier sdkPage = () -> sdk.images(Fixture.USER, Fixture.REPO).list().firstPage().items().size();
      IntSupplier basePage = () -> baseline.listImages(Fixture.USER, Fixture.REPO, 1, 100).getResults().size();
      compare(result.putObject("GetAccessToken"), sdkToken, baseToken, rounds, block, warmup);
      compare(result.putObject("ListImagesPage"), sdkPage, basePage, rounds, block, Math.max(1, warmup / 5));
    }
    return result;
  }

  private static void compare(ObjectNode out, IntSupplier sdk, IntSupplier baseline, int rounds, int block,
      int warmup) {
    compare(out, sdk, baseline, rounds, block, warmup, null, 1);
  }

  /**
   * The interleaved comparison; with {@code threads > 1} each block's calls are shared by that many threads
   * of {@code pool}, and the time per call is as one thread sees it (wall time x threads / calls, as JMH's
   * {@code avgt} reports it).
   */
  static void compare(ObjectNode out, IntSupplier sdk, IntSupplier baseline, int rounds, int block,
      int warmup, ExecutorService pool, int threads) {
    for (int i = 0; i < warmup; i++) {
      sdk.getAsInt();
      baseline.getAsInt();
    }
    List<Double> sdkMicros = new ArrayList<>();
    List<Double> baseMicros = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double s;
      double b;
      if (r % 2 == 0) {
        s = time(sdk, block, pool, threads);
        b = time(baseline, block, pool, threads);
      } else {
        b = time(baseline, block, pool, threads);
        s = time(sdk, block, pool, threads);
      }
      sdkMicros.add(s);
      baseMicros.add(b);
      ratios.add(s / b);
    }
    out.put("sdkMicrosPerCallMedian", round(median(sdkMicros)));
    out.put("baselineMicrosPerCallMedian", round(median(baseMicros)));
    out.put("pairedRatioMedian", Math.round(median(ratios) * 1000) / 1000.0);
    out.put("pairedRatioP25", Math.round(percentile(ratios, 0.25) * 1000) / 1000.0);
    out.put("pairedRatioP75", Math.round(percentile(ratios, 0.75) * 1000) / 1000.0);
  }

  private static double time(IntSupplier call, int n, ExecutorService pool, int threads) {
    if (threads <= 1) {
      return time(call, n);
    }
    int each = Math.max(1, n / threads);
    long start = System.nanoTime();
    List<Future<Integer>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(pool.submit(() -> {
        int sink = 0;
        for (int i = 0; i < each; i++) {
          sink += call.getAsInt();
        }
        return sink;
      }));
    }
    try {
      for (Future<Integer> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return (System.nanoTime() - start) / 1e3 * threads / ((double) each * threads);
  }

  private static double time(IntSupplier call, int n) {
    int sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sink += call.getAsInt();
    }
    long elapsed = System.nanoTime() - start;
    if (sink < 0) {
      System.out.println(sink); // keeps the results alive
    }
    return elapsed / 1e3 / n;
  }

  private static double median(List<Double> values) {
    return percentile(values, 0.5);
  }

  private static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double index = p * (sorted.size() - 1);
    int lo = (int) Math.floor(index);
    int hi = (int) Math.ceil(index);
    return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (index - lo);
  }

  private static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.1f", v));
  }
}
