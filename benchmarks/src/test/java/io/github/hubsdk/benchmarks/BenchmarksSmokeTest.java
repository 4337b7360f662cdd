package io.github.hubsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.Image;
import io.github.hubsdk.openapi.model.ImagePage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Runs every benchmark method and harness once on small data: they work and the SDK and baseline see
 * the same answers. No timing is asserted (benchmarks/run.sh measures).
 */
class BenchmarksSmokeTest {

  private static Blackhole blackhole() {
    return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
  }

  @Test
  void callOverheadBenchmarksReturnTheSameAnswers() {
    CallOverheadBenchmark b = new CallOverheadBenchmark();
    b.setUp();
    try {
      AccessToken viaSdk = b.sdkGetAccessToken();
      AccessToken viaBaseline = b.baselineGetAccessToken();
      assertThat(viaSdk.getUuid()).isEqualTo(b.tokenId);
      assertThat(viaBaseline).isEqualTo(viaSdk);

      Page<Image> page = b.sdkListImagesPage();
      ImagePage basePage = b.baselineListImagesPage();
      assertThat(page.items()).hasSize(100);
      assertThat(basePage.getResults()).isEqualTo(page.items());
    } finally {
      b.tearDown();
    }
  }

  @Test
  void pagingBenchmarksListEveryImage() {
    PagingBenchmark.Hub hub = new PagingBenchmark.Hub();
    hub.images = 450;
    hub.latencyMillis = 2;
    hub.setUp();
    try {
      PagingBenchmark b = new PagingBenchmark();
      for (int n : new int[] {1, 4, 8}) {
        PagingBenchmark.Parallelism p = new PagingBenchmark.Parallelism();
        p.n = n;
        assertThat(b.sdkStream(hub, p, blackhole())).isEqualTo(450);
      }
      assertThat(b.baselineSequential(hub, blackhole())).isEqualTo(450);
    } finally {
      hub.tearDown();
    }
  }

  /** End to end through DockerHubClient and the emulator: parallel paging equals sequential paging. */
  @Test
  void parallelPagingThroughTheClientMatchesSequential() {
    try (Fixture fixture = Fixture.start(617, Duration.ofMillis(2)); DockerHubClient hub = fixture.client()) {
      List<String> sequential = hub.images(Fixture.USER, Fixture.REPO).list().pageSize(50).toList().stream()
          .map(Image::getDigest).collect(Collectors.toList());
      List<String> parallel = hub.images(Fixture.USER, Fixture.REPO).list().pageSize(50).parallelism(6).stream()
          .map(Image::getDigest).collect(Collectors.toList());
      List<String> limited = hub.images(Fixture.USER, Fixture.REPO).list().pageSize(50).parallelism(6).limit(333)
          .toList().stream().map(Image::getDigest).collect(Collectors.toList());
      assertThat(sequential).hasSize(617).doesNotHaveDuplicates();
      assertThat(parallel).isEqualTo(sequential);
      assertThat(limited).isEqualTo(sequential.subList(0, 333));
    }
  }

  @Test
  void streamingHeapHarnessRuns() {
    ObjectNode result = StreamingHeap.run(120, new String[] {"3"}, 0);
    assertThat(result.path("streaming")).hasSize(1);
    assertThat(result.path("toList").path("items").asInt()).isEqualTo(120);
  }

  @Test
  void interleavedOverheadHarnessRuns() {
    ObjectNode result = OverheadAB.run(2, 2, 3);
    assertThat(result.path("GetAccessToken").path("pairedRatioMedian").asDouble()).isPositive();
    assertThat(result.path("ListImagesPage").path("baselineMicrosPerCallMedian").asDouble()).isPositive();
  }

  @Test
  void firstCallWorksBothWays() {
    try (Fixture fixture = Fixture.start(10, Duration.ZERO)) {
      for (String mode : List.of("sdk", "baseline")) {
        assertThat(FirstCall.run(mode, fixture.baseUrl(), fixture.tokenId(), System.nanoTime()))
            .startsWith("FIRST_CALL_DONE ");
      }
    }
  }

  @Test
  void sdkAloneBenchmarksTalkToAServerInAnotherProcessAndAgree() throws Exception {
    SdkAloneBenchmark b = new SdkAloneBenchmark();
    b.setUp();
    try {
      assertThat(b.server.isAlive()).isTrue();
      assertThat(b.server.pid()).isNotEqualTo(ProcessHandle.current().pid());
      AccessToken viaSdk = b.sdkGetAccessToken();
      assertThat(viaSdk.getUuid()).isEqualTo(b.tokenId);
      assertThat(b.baselineGetAccessToken()).isEqualTo(viaSdk);
      Page<Image> page = b.sdkListImagesPage();
      assertThat(page.items()).hasSize(100);
      assertThat(b.baselineListImagesPage().getResults()).isEqualTo(page.items());
    } finally {
      b.tearDown();
    }
    assertThat(b.server.isAlive()).isFalse();
  }

  @Test
  void sdkAloneInterleavedHarnessPairsBothSidesAtEightThreads() throws Exception {
    ObjectNode result = SdkAloneAB.run(2, 8, 4, 2);
    for (String op : List.of("GetAccessToken", "ListImagesPage")) {
      assertThat(result.path(op).path("sdkMicrosPerCallMedian").asDouble()).as(op).isPositive();
      assertThat(result.path(op).path("baselineMicrosPerCallMedian").asDouble()).as(op).isPositive();
      assertThat(result.path(op).path("pairedRatioMedian").asDouble()).as(op).isPositive();
    }
    assertThat(result.path("threads").asInt()).isEqualTo(2);
  }

  @Test
  void pacingHarnessRunsBothPolicies() throws Exception {
    // One window's worth of 10 calls, not the benchmark's five: with the login that is one wait per side,
    // and 10 is the least budget the pacer probes with.
    ObjectNode result = Pacing.run(10, Duration.ofSeconds(1), 1, 1);
    assertThat(result.path("runs")).hasSize(2);
    for (var run : result.path("runs")) {
      assertThat(run.path("succeeded").asInt() + run.path("failed").asInt()).isEqualTo(10);
      assertThat(run.path("requestsAnswered").asInt()).isGreaterThanOrEqualTo(11); // the login and 10 calls
      if (run.path("mode").asText().equals("paced")) {
        assertThat(run.path("tooManyAfterFirstAnswer").asInt()).as("429s once the limit was known").isZero();
      }
    }
  }

  @Test
  void fanOutHarnessListsEveryItemBothWays() {
    ObjectNode result = FanOutBench.run(6, 20, 1, 4, 1);
    assertThat(result.path("runs")).hasSize(1);
    assertThat(result.path("runs").get(0).path("speedup").asDouble()).isPositive();
    assertThat(result.path("heap").path("toListItems").asInt()).isEqualTo(120);
  }

  @Test
  void throughputHarnessServesTheSameBytesFromBothServers() throws Exception {
    ObjectNode result = EmulatorThroughput.run(Duration.ofMillis(300), 1);
    assertThat(result.path("operations")).hasSize(2);
    for (var op : result.path("operations")) {
      assertThat(op.path("answerBytes").asInt()).isPositive();
      assertThat(op.path("runs").get(0).path("emulatorRps").asDouble()).isPositive();
      assertThat(op.path("runs").get(0).path("wiremockRps").asDouble()).isPositive();
    }
  }

  @Test
  void reportRendersTheIssue16Rows(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("pacing.json"), "{\"threads\":8,\"limit\":50,\"windowMillis\":5000,\"calls\":250,"
        + "\"idealMillis\":25000,\"runs\":[{\"round\":1,\"mode\":\"paced\",\"millis\":26000,\"failed\":0,"
        + "\"tooManyAfterFirstAnswer\":0},{\"round\":1,\"mode\":\"retry-on-429\",\"millis\":30000,\"failed\":3,"
        + "\"tooManyAfterFirstAnswer\":40}]}");
    Files.writeString(dir.resolve("fanout.json"), "{\"repositories\":100,\"pagesPerRepository\":2,\"operation\":"
        + "\"listRepositoryImages\",\"latencyMillis\":20,\"parallelism\":16,\"runs\":[{\"round\":1,"
        + "\"sequentialMillis\":4400,\"fanOutMillis\":400,\"speedup\":11.0}],\"heap\":{\"retainedBytesAtTenths\":"
        + "[1048576,1048576,1048576,1048576],\"peakRetainedBytes\":1048576,\"toListItems\":2000,"
        + "\"toListRetainedBytes\":4194304}}");
    Files.writeString(dir.resolve("throughput.json"), "{\"threads\":8,\"operations\":[{\"operation\":\"getAccessToken\","
        + "\"answerBytes\":400,\"runs\":[{\"round\":1,\"emulatorRps\":3000,\"wiremockRps\":2000,\"ratio\":1.5}]}]}");
    String md = Report.render(dir);
    assertThat(md).contains("round 1: 429s after the first answer | 0 (paced) | 40 (retry-on-429; 3 calls failed)")
        .contains("paced 1.04x ideal, retry-on-429 1.20x ideal | paced <= 1.10x ideal | yes")
        .contains("11.00x faster | >= 8x faster | yes")
        .contains("1.00, 1.00, 1.00, 1.00 | toList() of the same 2000 items: 4.00 MB")
        .contains("1.50x WireMock | >= 1.00x | yes");
  }

  @Test
  void reportRendersWhatItFinds(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("heap.json"),
        "{\"images\":10000,\"streaming\":[{\"parallelism\":4,\"retainedBytes\":1048576}],"
            + "\"toList\":{\"items\":10000,\"retainedBytes\":10485760}}");
    Files.writeString(dir.resolve("build.json"), "{\"command\":\"mvn -B verify\",\"cleanSeconds\":100,"
        + "\"noChangeSeconds\":20,\"generationSkipped\":true,\"generatedNothingToCompile\":true}");
    String md = Report.render(dir);
    assertThat(md).contains("parallelism(4) | 1.00 MB").contains("not regenerated");
  }
}
