package io.github.hubsdk.benchmarks;

import io.github.hubsdk.client.DockerHubClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-call overhead: the same two operations through {@link DockerHubClient} and through the
 * {@link Baseline} ({@code java.net.http} + Jackson), against one in-process emulator on loopback, in
 * the same fork. Run at 1 and 8 threads ({@code -t}); add {@code -prof gc} for bytes allocated per call.
 * The emulator's own work is inside every measured call, for both sides alike.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CallOverheadBenchmark extends OverheadCalls {

  /** Images in the repository: one full page. */
  static final int IMAGES = 100;

  Fixture fixture;

  /** Starts the emulator and logs both clients in. */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = Fixture.start(IMAGES, Duration.ZERO);
    sdk = fixture.client();
    baseline = fixture.baseline();
    tokenId = fixture.tokenId();
  }

  /** Stops everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    sdk.close();
    fixture.close();
  }
}
