package io.github.hubsdk.benchmarks;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
 * The SDK alone: the same calls as {@link CallOverheadBenchmark}, but against a {@link CannedServer} in
 * another process, so that the time and the allocation ({@code -prof gc}) measured in this JVM are the
 * client's only, the SDK's against the {@link Baseline}'s ({@code java.net.http} + Jackson). Run at 1 and
 * 8 threads ({@code -t}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SdkAloneBenchmark extends OverheadCalls {

  Process server;

  /** Starts the canned-answer server process and logs both clients in against it. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    server = new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CannedServer.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = out.readLine();
    } while (line != null && !line.startsWith("LISTENING "));
    if (line == null) {
      server.destroyForcibly();
      throw new IllegalStateException("the canned-answer server did not start");
    }
    String[] parts = line.split(" ");
    String base = parts[1];
    tokenId = UUID.fromString(parts[2]);
    sdk = DockerHubClient.builder().baseUrl(base).credentials(Credentials.password(Fixture.USER, Fixture.PASSWORD))
        .build();
    sdk.login();
    baseline = new Baseline(base);
    baseline.login(Fixture.USER, Fixture.PASSWORD);
  }

  /** Stops the clients and the server process. */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    sdk.close();
    try {
      server.getOutputStream().close();
    } catch (IOException e) {
      // gone already
    }
    if (!server.waitFor(5, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
  }
}
