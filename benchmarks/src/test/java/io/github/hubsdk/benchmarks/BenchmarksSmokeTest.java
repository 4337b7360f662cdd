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
