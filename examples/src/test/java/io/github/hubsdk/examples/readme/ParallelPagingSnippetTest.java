package io.github.hubsdk.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.junit.EmulatorConfigurer;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.Image;
import io.github.hubsdk.openapi.model.ImageStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs the parallel-paging fragment of docs/sdk.md (images: retired live, served by the emulator). */
@SuppressWarnings("deprecation")
@EnableDockerHubEmulator
class ParallelPagingSnippetTest {

  DockerHubClient hub;
  final List<Image> reported = new ArrayList<>();

  @EmulatorConfigurer
  static void configure(DockerHubEmulator.Builder builder) {
    builder.seed(s -> {
      s.org("acme", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      s.repository("acme", "web").images(450);
    });
  }

  void report(Image image) {
    reported.add(image);
  }

  @Test
  void streamsEveryPageInOrderAndClosesTheStream() {
    // snippet:parallel-paging
    try (Stream<Image> images = hub.images("acme", "web").list().parallelism(8).stream()) {
      images.filter(i -> i.getStatus() == ImageStatus.INACTIVE).forEach(this::report);
    }
    // end-snippet

    long inactive = hub.images("acme", "web").list().stream().filter(i -> i.getStatus() == ImageStatus.INACTIVE).count();
    assertThat(reported).hasSize((int) inactive).isNotEmpty();
  }
}
