package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.ImagesState.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.ImageDeletion;
import io.github.hubsdk.client.error.DeleteImagesRejectedException;
import io.github.hubsdk.client.error.PlanRequiredException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.model.DeleteImagesResponse;
import io.github.hubsdk.openapi.model.Image;
import io.github.hubsdk.openapi.model.ImageTag;
import io.github.hubsdk.openapi.model.ImageWarningType;
import io.github.hubsdk.openapi.model.ImagesSummary;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Advanced Image Management (retired on the live Hub; verified against the emulator only). */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class ImagesPactTest {

  private static final String REPO_PATH = "/v2/namespaces/${namespace}/repositories/${repository}";
  private static final String EXAMPLE_REPO_PATH = "/v2/namespaces/hubsdk/repositories/example";
  private static final String OLD_DIGEST = "sha256:6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";

  @Pact(consumer = CONSUMER)
  V4Pact listRepositoryImages(PactDslWithProvider p) {
    PactDslJsonBody body = pageBody().integerType("count", 1);
    nullableTime(body.minArrayLike("results", 1), "last_pulled")
        .stringType("namespace", "hubsdk")
        .stringType("repository", "example")
        .stringMatcher("digest", DIGEST, EXAMPLE_DIGEST)
        .stringMatcher("last_pushed", RFC3339, EXAMPLE_TIME)
        .stringMatcher("status", "active|inactive", "active")
        .eachLike("tags").stringType("tag", "latest").booleanType("is_current", true).closeObject().closeArray()
        .closeObject().closeArray();
    return firstPage(p.given(IMAGES)
        .uponReceiving("listRepositoryImages: the first page")
        .method("GET").pathFromProviderState(REPO_PATH + "/images", EXAMPLE_REPO_PATH + "/images"))
        .willRespondWith().status(200)
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listRepositoryImages")
  void listsImagesWithTheirTags(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Page<Image> page = hub.images("hubsdk", "example").list().firstPage();
      assertThat(page.items()).hasSize(1);
      Image image = page.items().get(0);
      assertThat(image.getDigest()).isEqualTo(EXAMPLE_DIGEST);
      assertThat(image.getTags()).extracting(ImageTag::getTag).containsExactly("latest");
      assertThat(image.getLastPushed()).isNotNull();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listRepositoryImagesFreePlan(PactDslWithProvider p) {
    return firstPage(p.given(FREE_PLAN)
        .uponReceiving("listRepositoryImages: a namespace on the free plan")
        .method("GET").pathFromProviderState(REPO_PATH + "/images", "/v2/namespaces/hubsdk-free/repositories/app/images"))
        .willRespondWith().status(403)
        .body(new PactDslJsonBody().stringMatcher("message", ".*[Pp]lan.*",
            "this API is only available to users on Pro or Team plans"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listRepositoryImagesFreePlan")
  void freePlanIsPlanRequired(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.images("hubsdk-free", "app").list().firstPage())
          .isInstanceOfSatisfying(PlanRequiredException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listRepositoryImagesRateLimited(PactDslWithProvider p) {
    return firstPage(p.given(IMAGES).given(RATE_LIMITED)
        .uponReceiving("listRepositoryImages: over the rate limit")
        .method("GET").pathFromProviderState(REPO_PATH + "/images", EXAMPLE_REPO_PATH + "/images"))
        .willRespondWith().status(429)
        .matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listRepositoryImagesRateLimited")
  void rateLimitCarriesRetryAfter(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.images("hubsdk", "example").list().firstPage())
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listImageTags(PactDslWithProvider p) {
    PactDslJsonBody body = pageBody().integerType("count", 2);
    body.minArrayLike("results", 1).stringType("tag", "latest").booleanType("is_current", true)
        .closeObject().closeArray();
    return firstPage(p.given(IMAGES)
        .uponReceiving("listImageTags: the tags of a tagged image")
        .method("GET").pathFromProviderState(REPO_PATH + "/images/${digest}/tags",
            EXAMPLE_REPO_PATH + "/images/" + EXAMPLE_DIGEST.replace(":", "%3A") + "/tags"))
        .willRespondWith().status(200)
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listImageTags")
  void listsTags(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Page<ImageTag> page = hub.images("hubsdk", "example").tags(EXAMPLE_DIGEST).firstPage();
      assertThat(page.items()).extracting(ImageTag::getTag).containsExactly("latest");
      assertThat(page.totalCount()).hasValue(2);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getImagesSummary(PactDslWithProvider p) {
    return bearer(p.given(IMAGES)
        .uponReceiving("getImagesSummary: counts for the default window")
        .method("GET").pathFromProviderState(REPO_PATH + "/images-summary", EXAMPLE_REPO_PATH + "/images-summary"))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody()
            .stringMatcher("active_from", RFC3339, EXAMPLE_TIME)
            .object("statistics").integerType("total", 3).integerType("active", 2).integerType("inactive", 1)
            .closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getImagesSummary")
  void summarises(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      ImagesSummary summary = hub.images("hubsdk", "example").summary();
      assertThat(summary.getStatistics().getTotal()).isEqualTo(3);
      assertThat(summary.getActiveFrom()).isNotNull();
    }
  }

  private static PactDslJsonBody deletion() {
    return new PactDslJsonBody()
        .booleanValue("dry_run", true)
        .array("manifests").object()
        .valueFromProviderState("repository", "${repository}", "example")
        .valueFromProviderState("digest", "${digest}", OLD_DIGEST)
        .closeObject().closeArray().asBody();
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteImages(PactDslWithProvider p) {
    return bearer(json(p.given(IMAGE_DELETABLE)
        .uponReceiving("deleteImages: a dry run of an untagged, inactive image")
        .method("POST").pathFromProviderState("/v2/namespaces/${namespace}/delete-images",
            "/v2/namespaces/hubsdk/delete-images")))
        .body(deletion())
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().booleanValue("dry_run", true)
            .object("metrics").integerType("manifest_deletes", 1).integerType("manifest_errors", 0)
            .integerType("tag_deletes", 0).integerType("tag_errors", 0).closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteImages")
  void dryRunReportsWhatWouldBeDeleted(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      DeleteImagesResponse r = hub.images("hubsdk").delete(ImageDeletion.builder().manifest("example", OLD_DIGEST).build());
      assertThat(r.getDryRun()).isTrue();
      assertThat(r.getMetrics().getManifestDeletes()).isEqualTo(1);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteImagesWarnings(PactDslWithProvider p) {
    PactDslJsonBody body = new PactDslJsonBody().stringType("message", "deletion not possible");
    body.object("errinfo").object("details").minArrayLike("warnings", 1)
        .stringType("repository", "example")
        .stringMatcher("digest", DIGEST, OLD_DIGEST)
        .stringMatcher("warning", "is_active|current_tag", "current_tag")
        .closeObject().closeArray().closeObject().closeObject();
    return bearer(json(p.given(IMAGE_BUSY)
        .uponReceiving("deleteImages: a tagged, recently pushed image raises warnings")
        .method("POST").pathFromProviderState("/v2/namespaces/${namespace}/delete-images",
            "/v2/namespaces/hubsdk/delete-images")))
        .body(deletion())
        .willRespondWith().status(400)
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteImagesWarnings")
  void unacknowledgedWarningsRejectTheDeletion(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.images("hubsdk").delete(ImageDeletion.builder().manifest("example", OLD_DIGEST).build()))
          .isInstanceOfSatisfying(DeleteImagesRejectedException.class, e -> {
            assertThat(e.warnings()).hasSize(1);
            assertThat(e.warnings().get(0).getWarning()).isEqualTo(ImageWarningType.CURRENT_TAG);
            assertThat(e.warnings().get(0).getDigest()).isEqualTo(OLD_DIGEST);
          });
    }
  }
}
