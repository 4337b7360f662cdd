package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
import static io.github.hubsdk.contracts.consumer.RepositoryPacts.*;
import static io.github.hubsdk.contracts.states.RepositoriesState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.NewRepository;
import io.github.hubsdk.client.RetryPolicy;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.ForbiddenException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.client.error.UnauthorizedException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.openapi.api.RepositoriesApi;
import io.github.hubsdk.openapi.model.DetailError;
import io.github.hubsdk.openapi.model.Repository;
import io.github.hubsdk.openapi.model.RepositoryOrdering;
import io.github.hubsdk.openapi.model.RepositorySummary;
import io.github.hubsdk.openapi.model.RepositoryTag;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tags of a repository and its immutable-tag rules (the repository itself: {@link RepositoriesPactTest}). */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class RepositoryTagsPactTest {

  // --- tags ------------------------------------------------------------------------------------------------

  private static PactDslJsonBody tagBody(PactDslJsonBody body) {
    body.stringType("name", "1.4").stringMatcher("digest", DIGEST, EXAMPLE_DIGEST)
        .stringMatcher("tag_status", "active|inactive", "active").stringMatcher("tag_last_pushed", RFC3339, EXAMPLE_TIME);
    nullableTime(body, "tag_last_pulled");
    body.minArrayLike("images", 1).stringType("architecture", "amd64").stringType("os", "linux")
        .stringMatcher("digest", DIGEST, EXAMPLE_DIGEST).integerType("size", 25873211).closeObject().closeArray();
    return body;
  }

  @Pact(consumer = CONSUMER)
  V4Pact listRepositoryTags(PactDslWithProvider p) {
    PactDslJsonBody body = pageBody().integerType("count", 1);
    tagBody(body.minArrayLike("results", 1)).closeObject().closeArray();
    return firstPage(repo(p.given(REPOSITORY).uponReceiving("listRepositoryTags: the tags with their images")
        .method("GET"), "/tags"))
        .willRespondWith().status(200).body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listRepositoryTags")
  void listsTags(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Page<RepositoryTag> page = hub.repository("hubsdk", "example").tags().list().firstPage();
      assertThat(page.items().get(0).getImages()).isNotEmpty();
      assertThat(page.items().get(0).getTagLastPushed()).isNotNull();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact checkRepositoryTags(PactDslWithProvider p) {
    return bearer(repo(p.given(REPOSITORY).uponReceiving("checkRepositoryTags: the repository has tags")
        .method("HEAD"), "/tags"))
        .willRespondWith().status(200)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "checkRepositoryTags")
  void checksForTags(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.repository("hubsdk", "example").tags().any()).isTrue();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getRepositoryTag(PactDslWithProvider p) {
    return bearer(p.given(REPOSITORY).uponReceiving("getRepositoryTag: one tag with its images")
        .method("GET").pathFromProviderState("/v2/namespaces/${namespace}/repositories/${repository}/tags/${tag}",
            REPO_PATH + "/tags/1.4"))
        .willRespondWith().status(200).body(tagBody(new PactDslJsonBody()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepositoryTag")
  void readsATag(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.repository("hubsdk", "example").tags().get("1.4").getDigest()).startsWith("sha256:");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getRepositoryTagNotFound(PactDslWithProvider p) {
    return bearer(repo(p.given(REPOSITORY).uponReceiving("getRepositoryTag: no such tag")
        .method("GET"), "/tags/hubsdk-no-such-tag-4f1c"))
        .willRespondWith().status(404).body(notFound())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepositoryTagNotFound")
  void anUnknownTagIsNotFound(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.repository("hubsdk", "example").tags().get("hubsdk-no-such-tag-4f1c"))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact checkRepositoryTag(PactDslWithProvider p) {
    return bearer(p.given(REPOSITORY).uponReceiving("checkRepositoryTag: the tag exists")
        .method("HEAD").pathFromProviderState("/v2/namespaces/${namespace}/repositories/${repository}/tags/${tag}",
            REPO_PATH + "/tags/1.4"))
        .willRespondWith().status(200)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "checkRepositoryTag")
  void checksATag(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.repository("hubsdk", "example").tags().exists("1.4")).isTrue();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteRepositoryTag(PactDslWithProvider p) {
    return bearer(p.given(SCRATCH_TAGGED).uponReceiving("deleteRepositoryTag: a tag")
        .method("DELETE").pathFromProviderState("/v2/repositories/${namespace}/${repository}/tags/${tag}",
            LEGACY_SCRATCH_PATH + "/tags/v1.0.0"))
        .willRespondWith().status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteRepositoryTag")
  void deletesATag(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.repository("hubsdk", "hubsdk-contract").tags().delete("v1.0.0");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteRepositoryTagWithPat(PactDslWithProvider p) {
    return bearer(p.given(SCRATCH_TAGGED_PAT).uponReceiving("deleteRepositoryTag: a JWT from a personal access token")
        .method("DELETE").pathFromProviderState("/v2/repositories/${namespace}/${repository}/tags/${tag}",
            LEGACY_SCRATCH_PATH + "/tags/v1.0.0"))
        .willRespondWith().status(403)
        .body(new PactDslJsonBody().stringMatcher("detail", ".*personal access token.*",
            "access is forbidden with a JWT issued from a personal access token"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteRepositoryTagWithPat")
  void aPatCannotDeleteTags(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.repository("hubsdk", "hubsdk-contract").tags().delete("v1.0.0"))
          .isInstanceOf(ForbiddenException.class);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteRepositoryTagImmutable(PactDslWithProvider p) {
    return bearer(p.given(SCRATCH_IMMUTABLE).uponReceiving("deleteRepositoryTag: an immutable tag")
        .method("DELETE").pathFromProviderState("/v2/repositories/${namespace}/${repository}/tags/${tag}",
            LEGACY_SCRATCH_PATH + "/tags/v1.0.0"))
        .willRespondWith().status(403)
        .body(new PactDslJsonBody().stringType("detail", "tag v1.0.0 is immutable"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteRepositoryTagImmutable")
  void anImmutableTagIsNotDeleted(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.repository("hubsdk", "hubsdk-contract").tags().delete("v1.0.0"))
          .isInstanceOf(ForbiddenException.class);
    }
  }

  // --- immutable tags --------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact updateRepositoryImmutableTags(PactDslWithProvider p) {
    PactDslJsonBody body = repositoryBody();
    body.object("immutable_tags_settings").booleanValue("enabled", true)
        .array("rules").stringValue("v[0-9]+\\..*").closeArray().closeObject();
    return json(bearer(scratch(p.given(SCRATCH).uponReceiving("updateRepositoryImmutableTags: turn them on")
        .method("PATCH"), "/immutabletags")
        .body(new PactDslJsonBody().booleanValue("immutable_tags", true)
            .array("immutable_tags_rules").stringValue("v[0-9]+\\..*").closeArray())))
        .willRespondWith().status(200).body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateRepositoryImmutableTags")
  void setsImmutableRules(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.repository("hubsdk", "hubsdk-contract").immutableTags().update(true, List.of("v[0-9]+\\..*"))
          .getRules()).containsExactly("v[0-9]+\\..*");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact verifyRepositoryImmutableTags(PactDslWithProvider p) {
    return json(bearer(scratch(p.given(SCRATCH).uponReceiving("verifyRepositoryImmutableTags: a rule that matches no tag")
        .method("POST"), "/immutabletags/verify")
        .body(new PactDslJsonBody().stringValue("regex", "v[0-9]+\\..*"))))
        .willRespondWith().status(200).body(new PactDslJsonBody().array("tags").closeArray())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "verifyRepositoryImmutableTags")
  void previewsARule(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.repository("hubsdk", "hubsdk-contract").immutableTags().verify("v[0-9]+\\..*")).isEmpty();
    }
  }

}
