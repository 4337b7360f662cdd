package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.NewRepository;
import io.github.hubsdk.client.RepositoryOperations;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.ForbiddenException;
import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.Repository;
import io.github.hubsdk.openapi.model.RepositoryOrdering;
import io.github.hubsdk.openapi.model.RepositorySummary;
import io.github.hubsdk.openapi.model.RepositoryTag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repositories and tags through DockerHubClient: list, create, describe, privacy, delete, tags, immutable rules. */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class RepositoriesE2eTest extends SpecCheckedE2e {

  DockerHubEmulator hub;
  DockerHubClient client;

  @EmulatorSeed
  static void repositories(Seeder s) {
    s.org("acme", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
    s.repository("acme", "web").description("Front end").pullCount(900).tags(250).tag("latest");
    s.repository("acme", "worker").pullCount(10).isPrivate(true).tag("v1.0.0", t -> t.pushedDaysAgo(30));
    s.repository("acme", "web-legacy").pullCount(50);
  }

  @Test
  void listsAreLazyFilteredAndOrdered() {
    assertThat(client.repositories("acme").list().stream().map(RepositorySummary::getName))
        .containsExactly("web", "web-legacy", "worker");
    assertThat(client.repositories("acme").list("web", RepositoryOrdering._PULL_COUNT).stream()
        .map(RepositorySummary::getName)).containsExactly("web", "web-legacy");
    List<RepositoryTag> tags = client.repository("acme", "web").tags().list().toList();
    assertThat(tags).hasSize(251);
    assertThat(tags.get(0).getName()).isEqualTo("latest");
    assertThat(tags.get(0).getImages()).hasSize(1);
    int before = hub.requestCount();
    assertThat(client.repository("acme", "web").tags().list().stream().limit(3)).hasSize(3);
    assertThat(hub.requestCount() - before).as("a lazy list fetches only the first page").isEqualTo(1);
  }

  @Test
  void createDescribeHideAndDelete() {
    Repository created = client.repositories("acme").create(NewRepository.builder("api").description("The API")
        .isPrivate(true).build());
    assertThat(created.getIsPrivate()).isTrue();
    assertThatThrownBy(() -> client.repositories("acme").create("api")).isInstanceOf(BadRequestException.class);
    RepositoryOperations api = client.repository("acme", "api");
    assertThat(api.exists()).isTrue();
    assertThat(api.updateFullDescription("# API").getDescription()).isEqualTo("The API");
    assertThat(api.updateDescription("Public API").getFullDescription()).isEqualTo("# API");
    api.setPrivate(false);
    assertThat(api.get().getIsPrivate()).isFalse();
    assertThatThrownBy(() -> api.delete("acme/wrong")).isInstanceOf(InvalidRequestException.class);
    assertThat(api.exists()).as("a wrong confirmation deletes nothing").isTrue();
    api.delete("acme/api");
    assertThat(api.exists()).isFalse();
    assertThatThrownBy(api::get).isInstanceOf(NotFoundException.class);
  }

  @Test
  void tagsGetExistsDeleteAndImmutableRules() {
    RepositoryOperations worker = client.repository("acme", "worker");
    assertThat(worker.tags().any()).isTrue();
    assertThat(worker.tags().exists("v1.0.0")).isTrue();
    assertThat(worker.tags().exists("v2")).isFalse();
    assertThat(worker.tags().get("v1.0.0").getDigest()).startsWith("sha256:");
    assertThat(worker.immutableTags().verify("v1\\..*")).containsExactly("v1.0.0");
    assertThat(worker.immutableTags().update(true, List.of("v[0-9].*")).getEnabled()).isTrue();
    assertThat(worker.immutableTags().get().getRules()).containsExactly("v[0-9].*");
    assertThatThrownBy(() -> worker.tags().delete("v1.0.0")).isInstanceOf(ForbiddenException.class);
    worker.immutableTags().update(false, List.of());
    worker.tags().delete("v1.0.0");
    assertThat(worker.tags().any()).isFalse();
    assertThatThrownBy(() -> worker.tags().get("v1.0.0")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void badInputNeverCostsARequest() {
    int before = hub.requestCount();
    assertThatThrownBy(() -> client.repository("acme", "Web")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.repositories("acme").create("a")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.repositories("acme").create(NewRepository.builder("ok").description("d".repeat(101))
        .build())).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.repository("acme", "web").updateFullDescription("x".repeat(25_001)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.repository("acme", "web").tags().get("-x")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.repository("acme", "web").tags().delete("a/b"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.repository("acme", "web").immutableTags().update(true, List.of("(")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.repository("acme", "web").update(null, null))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(hub.requestCount()).isEqualTo(before);
  }

  @Test
  void anonymousClientsSeePublicRepositoriesOnly() {
    try (DockerHubClient anonymous = DockerHubClient.builder().baseUrl(hub.baseUrl()).clock(hub.clock()).build()) {
      assertThat(anonymous.repositories("acme").list().stream().map(RepositorySummary::getName))
          .containsExactly("web", "web-legacy");
      assertThat(anonymous.repository("acme", "worker").exists()).isFalse();
      assertThat(anonymous.repository("acme", "web").get().getDescription()).isEqualTo("Front end");
    }
  }
}
