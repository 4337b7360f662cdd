package io.github.hubsdk.benchmarks;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.openapi.model.Image;
import io.github.hubsdk.openapi.model.ImagePage;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Listing a large repository (default 10,000 images, 100 pages of 100) with the emulator holding every
 * page request for a fixed latency (default 20 ms): the SDK's paginator sequentially and with
 * {@code parallelism(4)} and {@code (8)}, and a sequential baseline loop that follows {@code next}
 * links. One operation is the whole listing, streamed item by item.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PagingBenchmark {

  /** The emulator and the clients. */
  @State(Scope.Benchmark)
  public static class Hub {
    /** Images in the repository. */
    @Param("10000")
    public int images;
    /** Latency the emulator adds to each page request, in ms. */
    @Param("20")
    public int latencyMillis;

    Fixture fixture;
    DockerHubClient sdk;
    Baseline baseline;

    /** Starts the emulator and logs both clients in. */
    @Setup(Level.Trial)
    public void setUp() {
      fixture = Fixture.start(images, Duration.ofMillis(latencyMillis));
      sdk = fixture.client();
      baseline = fixture.baseline();
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
      sdk.close();
      fixture.close();
    }
  }

  /** The paginator's parallelism. */
  @State(Scope.Benchmark)
  public static class Parallelism {
    /** 1 is the default, sequential paging. */
    @Param({"1", "4", "8"})
    public int n;
  }

  /**
   * Streams every image through {@code list().parallelism(n).stream()}.
   *
   * @param hub the fixture
   * @param parallelism pages in flight
   * @param bh sink
   * @return the number of images seen
   */
  @Benchmark
  public long sdkStream(Hub hub, Parallelism parallelism, Blackhole bh) {
    long n = 0;
    try (Stream<Image> images = hub.sdk.images(Fixture.USER, Fixture.REPO).list().parallelism(parallelism.n).stream()) {
      Iterator<Image> it = images.iterator();
      while (it.hasNext()) {
        bh.consume(it.next());
        n++;
      }
    }
    return check(n, hub.images);
  }

  /**
   * Streams every image with the baseline, one page after the other along the {@code next} links.
   *
   * @param hub the fixture
   * @param bh sink
   * @return the number of images seen
   */
  @Benchmark
  public long baselineSequential(Hub hub, Blackhole bh) {
    long n = 0;
    ImagePage page = hub.baseline.listImages(Fixture.USER, Fixture.REPO, 1, 100);
    while (true) {
      for (Image image : page.getResults()) {
        bh.consume(image);
        n++;
      }
      URI next = page.getNext();
      if (next == null) {
        break;
      }
      page = hub.baseline.listImages(next);
    }
    return check(n, hub.images);
  }

  private static long check(long seen, int expected) {
    if (seen != expected) {
      throw new IllegalStateException("listed " + seen + " images, expected " + expected);
    }
    return seen;
  }
}
