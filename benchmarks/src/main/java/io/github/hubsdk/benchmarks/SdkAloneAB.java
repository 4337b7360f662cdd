package io.github.hubsdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * The SDK-alone time per call as an interleaved A/B comparison: the same calls and the same server in
 * another process as {@link SdkAloneBenchmark}, but each round times a block of SDK calls and a block of
 * baseline calls back to back (alternating which goes first) and the figure is the median of the paired
 * ratios. JMH runs the two sides seconds apart in a few iterations each, and on a shared machine a single
 * slow iteration made its error larger than its score; pairing each block with its neighbour cancels the
 * machine's drift. Allocation per call stays JMH's ({@code -prof gc}).
 *
 * <p>Arguments: {@code [rounds=60] [callsPerThread=40] [warmupCalls=3000] [threads=1] [out.json]}: a block is
 * {@code callsPerThread} calls on each of {@code threads} threads (smaller blocks at 8 threads measured the
 * pool's hand-offs more than the calls).
 */
public final class SdkAloneAB {

  private SdkAloneAB() {}

  /**
   * Runs the comparison and prints (and optionally writes) a JSON result.
   *
   * @param args see the class comment
   * @throws IOException when the server cannot start or the result cannot be written
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    ObjectNode result = run(rounds, perThread * threads, warmup, threads);
    ObjectMapper json = new ObjectMapper();
    System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    if (args.length > 4) {
      json.writerWithDefaultPrettyPrinter().writeValue(new File(args[4]), result);
    }
  }

  static ObjectNode run(int rounds, int block, int warmup, int threads) throws IOException, InterruptedException {
    ObjectNode result = new ObjectMapper().createObjectNode();
    result.put("rounds", rounds);
    result.put("callsPerBlock", block);
    result.put("warmupCalls", warmup);
    result.put("threads", threads);
    SdkAloneBenchmark calls = new SdkAloneBenchmark();
    calls.setUp();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      IntSupplier sdkToken = () -> calls.sdkGetAccessToken().getTokenLabel().length();
      IntSupplier baseToken = () -> calls.baselineGetAccessToken().getTokenLabel().length();
      IntSupplier sdkPage = () -> calls.sdkListImagesPage().items().size();
      IntSupplier basePage = () -> calls.baselineListImagesPage().getResults().size();
      OverheadAB.compare(result.putObject("GetAccessToken"), sdkToken, baseToken, rounds, block, warmup, pool,
          threads);
      OverheadAB.compare(result.putObject("ListImagesPage"), sdkPage, basePage, rounds, block,
          Math.max(1, warmup / 5), pool, threads);
    } finally {
      pool.shutdownNow();
      calls.tearDown();
    }
    return result;
  }
}
