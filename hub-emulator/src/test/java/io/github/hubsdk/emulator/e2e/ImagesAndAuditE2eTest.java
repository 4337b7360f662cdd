package io.github.hubsdk.emulator.e2e;

import static io.github.hubsdk.emulator.e2e.E2eSupport.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.AuditLogFilter;
import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.ImageDeletion;
import io.github.hubsdk.client.ImageFilter;
import io.github.hubsdk.client.error.DeleteImagesRejectedException;
import io.github.hubsdk.client.error.PlanRequiredException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AuditLogEvent;
import io.github.hubsdk.openapi.model.DeleteImagesResponse;
import io.github.hubsdk.openapi.model.Image;
import io.github.hubsdk.openapi.model.ImageStatistics;
import io.github.hubsdk.openapi.model.ImageStatus;
import io.github.hubsdk.openapi.model.ImageTag;
import io.github.hubsdk.openapi.model.ImageWarningType;
import io.github.hubsdk.openapi.model.ManifestErrorType;
import io.github.hubsdk.openapi.model.RestrictedImages;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paging (both page shapes), image filters, dry-run and real deletion, plans, audit logs, org settings. */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class ImagesAndAuditE2eTest extends SpecCheckedE2e {

  static final String ME = DockerHubEmulator.DEFAULT_USERNAME;

  DockerHubEmulator hub;
  DockerHubClient client;

  @EmulatorSeed
  static void seed(Seeder s) {
    s.repository(ME, "big").images(450);
    s.org("acme", Plan.BUSINESS).owners(ME);
    s.repository("acme", "web").images(40);
    s.org("exact", Plan.BUSINESS).owners(ME);
    s.org("smallco", Plan.TEAM).owners(ME);
    s.user("freddy", "freddy-password").plan(Plan.FREE);
    s.repository("freddy", "app").images(3);
    Instant t0 = s.now();
    for (int i = 0; i < 260; i++) {
      s.auditEvent("acme", i % 2 == 0 ? "repo.tag.push" : "repo.tag.delete", "acme/web", i % 3 == 0 ? "mona" : ME,
          t0.minus(Duration.ofHours(i + 1)), Map.of("tag", "t" + i));
    }
    for (int i = 0; i < 200; i++) {
      s.auditEvent("exact", "repo.tag.push", "exact/app", ME, t0.minus(Duration.ofMinutes(i + 1)), Map.of());
    }
  }

  private long gets(String pathPrefix) {
    return requests(hub, "GET", pathPrefix).size();
  }

  @Test
  void pagesThroughHundredsOfImagesByFollowingNextLinks() {
    String path = "/v2/namespaces/" + ME + "/repositories/big/images";
    List<Image> all = client.images(ME, "big").list().toList();
    assertThat(all).hasSize(450).extracting(Image::getDigest).doesNotHaveDuplicates();
    assertThat(gets(path)).isEqualTo(5);
    assertThat(hub.requests()).filteredOn(r -> r.path().equals(path)).extracting(r -> r.query())
        .containsExactly("page=1&page_size=100", "page=2&page_size=100", "page=3&page_size=100",
            "page=4&page_size=100", "page=5&page_size=100");

    hub.reset();
    assertThat(client.images(ME, "big").list().pageSize(37).stream().count()).isEqualTo(450);
    assertThat(gets(path)).isEqualTo(13);

    hub.reset();
    assertThat(client.images(ME, "big").list().limit(150).toList()).hasSize(150);
    assertThat(gets(path)).as("no page beyond the limit").isEqualTo(2);
    assertThat(client.images(ME, "big").list().firstPage().totalCount()).hasValue(450);
  }

  @Test
  void pagesThroughAuditLogsByPageNumberUntilAShortPage() {
    List<AuditLogEvent> acme = client.auditLogs("acme").list().toList();
    assertThat(acme).hasSize(260);
    assertThat(acme).extracting(AuditLogEvent::getTimestamp).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(gets("/v2/auditlogs/acme")).isEqualTo(3);

    // exactly two full pages: the third request finds nothing (an empty page or 404) and ends the listing
    assertThat(client.auditLogs("exact").list().toList()).hasSize(200);
    assertThat(gets("/v2/auditlogs/exact")).isEqualTo(3);

    AuditLogFilter mona = AuditLogFilter.builder().actor("mona").action("repo.tag.push")
        .from(OffsetDateTime.parse(E2eSupport.T0).minusHours(100)).build();
    List<AuditLogEvent> filtered = client.auditLogs("acme").list(mona).pageSize(7).toList();
    assertThat(filtered).isNotEmpty().allMatch(e -> e.getActor().equals("mona") && e.getAction().equals("repo.tag.push"));
    assertThat(filtered).hasSize(17); // i in 0..99 with i % 6 == 0
    assertThat(client.auditLogs("acme").actions().getActions()).isNotEmpty();
  }

  @Test
  void filtersPartitionTheImages() {
    ImageStatistics stats = client.images("acme", "web").summary().getStatistics();
    long active = client.images("acme", "web").list(ImageFilter.builder().status(ImageStatus.ACTIVE).build()).stream().count();
    long inactive = client.images("acme", "web").list(ImageFilter.builder().status(ImageStatus.INACTIVE).build()).stream().count();
    assertThat(active).isEqualTo(stats.getActive().longValue()).isPositive();
    assertThat(inactive).isEqualTo(stats.getInactive().longValue()).isPositive();
    assertThat(active + inactive).isEqualTo(40L).isEqualTo(stats.getTotal().longValue());

    List<Image> tagged = client.images("acme", "web").list(ImageFilter.builder().currentlyTagged(true).build()).toList();
    List<Image> untagged = client.images("acme", "web").list(ImageFilter.builder().currentlyTagged(false).build()).toList();
    assertThat(tagged.size() + untagged.size()).isEqualTo(40);
    assertThat(tagged).allMatch(i -> i.getTags().stream().anyMatch(ImageTag::getIsCurrent));
    assertThat(untagged).allMatch(i -> i.getTags().stream().noneMatch(ImageTag::getIsCurrent));

    assertThat(client.images("acme", "web").list(ImageFilter.builder().ordering(ImageFilter.Ordering.DIGEST).build())
        .toList()).extracting(Image::getDigest).isSorted();
    assertThat(client.images("acme", "web").list(ImageFilter.builder().ordering(ImageFilter.Ordering.DIGEST_DESCENDING)
        .build()).toList()).extracting(Image::getDigest).isSortedAccordingTo(Comparator.reverseOrder());

    OffsetDateTime longAgo = OffsetDateTime.parse(E2eSupport.T0).minusDays(1000);
    assertThat(client.images("acme", "web").list(ImageFilter.builder().status(ImageStatus.ACTIVE).activeFrom(longAgo)
        .build()).stream().count()).isEqualTo(40);
  }

  @Test
  void aDryRunDeletesNothingAndTheRealRunDeletes() {
    OffsetDateTime cutoff = OffsetDateTime.parse(E2eSupport.T0).minusDays(30);
    Image old = client.images("acme", "web").list(ImageFilter.builder().currentlyTagged(false)
        .status(ImageStatus.INACTIVE).activeFrom(cutoff).build()).limit(1).toList().get(0);
    ImageDeletion deletion = ImageDeletion.builder().activeFrom(cutoff).manifest("web", old.getDigest()).build();

    DeleteImagesResponse dry = client.images("acme").delete(deletion);
    assertThat(dry.getDryRun()).isTrue();
    assertThat(dry.getMetrics().getManifestDeletes()).isEqualTo(1);
    assertThat(client.images("acme", "web").summary().getStatistics().getTotal()).isEqualTo(40);

    DeleteImagesResponse real = client.images("acme").delete(deletion.forReal());
    assertThat(real.getDryRun()).isFalse();
    assertThat(client.images("acme", "web").list().stream().map(Image::getDigest)).hasSize(39)
        .doesNotContain(old.getDigest());
    assertThat(client.auditLogs("acme").list(AuditLogFilter.builder().action("repo.manifest.delete").build()).toList())
        .singleElement().satisfies(e -> assertThat(e.getData()).containsEntry("digest", old.getDigest()));
  }

  @Test
  void warningsRejectTheDeletionUntilAcknowledged() {
    Image newest = client.images("acme", "web").list(ImageFilter.builder()
        .ordering(ImageFilter.Ordering.LAST_ACTIVITY_DESCENDING).build()).limit(1).toList().get(0);
    ImageDeletion deletion = ImageDeletion.builder().manifest("web", newest.getDigest()).build();

    for (ImageDeletion attempt : List.of(deletion, deletion.forReal())) {
      assertThatThrownBy(() -> client.images("acme").delete(attempt))
          .isInstanceOfSatisfying(DeleteImagesRejectedException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).isEmpty();
            assertThat(e.warnings()).extracting(w -> w.getWarning())
                .containsExactlyInAnyOrder(ImageWarningType.CURRENT_TAG, ImageWarningType.IS_ACTIVE);
          });
    }
    assertThat(client.images("acme", "web").summary().getStatistics().getTotal()).isEqualTo(40);

    DeleteImagesRejectedException rejected = org.junit.jupiter.api.Assertions.assertThrows(
        DeleteImagesRejectedException.class, () -> client.images("acme").delete(deletion));
    DeleteImagesResponse done = client.images("acme").delete(ImageDeletion.builder().manifest("web", newest.getDigest())
        .ignoreWarnings(rejected.warnings()).build().forReal());
    assertThat(done.getMetrics().getManifestDeletes()).isEqualTo(1);
    assertThat(done.getMetrics().getTagDeletes()).isEqualTo(2); // latest and 1.0
    assertThat(client.images("acme", "web").summary().getStatistics().getTotal()).isEqualTo(39);

    String missing = "sha256:" + "0".repeat(64);
    assertThatThrownBy(() -> client.images("acme").delete(ImageDeletion.builder().manifest("web", missing).build()))
        .isInstanceOfSatisfying(DeleteImagesRejectedException.class, e -> assertThat(e.errors())
            .singleElement().satisfies(m -> assertThat(m.getError()).isEqualTo(ManifestErrorType.NOT_FOUND)));
  }

  @Test
  void plansGateImagesAndOrganizationSettings() {
    try (DockerHubClient freddy = E2eSupport.client(hub, Credentials.password("freddy", "freddy-password"))) {
      assertThatThrownBy(() -> freddy.images("freddy", "app").list().toList())
          .isInstanceOf(PlanRequiredException.class).hasFieldOrPropertyWithValue("status", 403);
    }
    assertThatThrownBy(() -> client.org("smallco").settings())
        .isInstanceOf(PlanRequiredException.class).hasMessageContaining("Business");

    RestrictedImages on = new RestrictedImages().enabled(true).allowOfficialImages(true).allowVerifiedPublishers(false);
    assertThat(client.org("acme").updateSettings(on).getRestrictedImages()).isEqualTo(on);
    assertThat(client.org("acme").settings().getRestrictedImages()).isEqualTo(on);
    assertThat(client.auditLogs("acme").list(AuditLogFilter.builder().action("org.settings.update").build()).toList())
        .hasSize(1);
  }
}
