package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;
import static io.github.hubsdk.contracts.states.CallerState.*;
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

/** Repositories and tags: list, create, read, check, describe, privacy, delete, immutable tags. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class RepositoriesPactTest {

  static final String REPO_PATH = "/v2/namespaces/hubsdk/repositories/example";
  static final String SCRATCH_PATH = "/v2/namespaces/hubsdk/repositories/hubsdk-contract";
  static final String LEGACY_SCRATCH_PATH = "/v2/repositories/hubsdk/hubsdk-contract";

  private static PactDslRequestWithPath repo(PactDslRequestWithoutPath r, String suffix) {
    return r.pathFromProviderState("/v2/namespaces/${namespace}/repositories/${repository}" + suffix, REPO_PATH + suffix);
  }

  private static PactDslRequestWithPath scratch(PactDslRequestWithoutPath r, String suffix) {
    return r.pathFromProviderState("/v2/namespaces/${namespace}/repositories/${repository}" + suffix,
        SCRATCH_PATH + suffix);
  }

  private static PactDslRequestWithPath legacyScratch(PactDslRequestWithoutPath r, String suffix) {
    return r.pathFromProviderState("/v2/repositories/${namespace}/${repository}" + suffix, LEGACY_SCRATCH_PATH + suffix);
  }

  private static PactDslJsonBody repositoryBody() {
    return new PactDslJsonBody().stringType("name", "example").stringType("namespace", "hubsdk")
        .booleanType("is_private", false).integerType("pull_count", 0).integerType("star_count", 0)
        .stringMatcher("date_registered", RFC3339, EXAMPLE_TIME);
  }

  private static DockerHubClient anonymous(MockServer server) {
    return DockerHubClient.builder().baseUrl(server.getUrl()).retryPolicy(RetryPolicy.none()).build();
  }

  private static PactDslJsonBody notFound() {
    return new PactDslJsonBody().stringType("detail", "Not found.");
  }

  // --- listRepositories ------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact listRepositories(PactDslWithProvider p) {
    PactDslJsonBody body = pageBody().integerType("count", 1);
    body.minArrayLike("results", 1).stringType("name", "example").stringType("namespace", "hubsdk")
        .booleanType("is_private", false).integerType("pull_count", 0)
        .closeObject().closeArray();
    return firstPage(p.given(REPOSITORY)
        .uponReceiving("listRepositories: the namespace's repositories ordered by last update")
        .method("GET").pathFromProviderState("/v2/namespaces/${namespace}/repositories", "/v2/namespaces/hubsdk/repositories"))
        .matchQuery("ordering", "-last_updated", "-last_updated")
        .willRespondWith().status(200).body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listRepositories")
  void listsRepositories(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Page<RepositorySummary> page = hub.repositories("hubsdk").list(null, RepositoryOrdering._LAST_UPDATED).firstPage();
      assertThat(page.items()).isNotEmpty();
      assertThat(page.items().get(0).getNamespace()).isEqualTo("hubsdk");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listRepositoriesPastTheEnd(PactDslWithProvider p) {
    return bearer(p.given(REPOSITORY)
        .uponReceiving("listRepositories: a page past the last one")
        .method("GET").pathFromProviderState("/v2/namespaces/${namespace}/repositories", "/v2/namespaces/hubsdk/repositories")
        .query("page=1000&page_size=100"))
        .willRespondWith().status(404)
        .body(new PactDslJsonBody().stringType("detail", "Invalid page."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listRepositoriesPastTheEnd")
  void aPagePastTheEndIsNotFound(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.api(RepositoriesApi.class).listRepositories("hubsdk", 1000, 100, null, null))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listRepositoriesAnonymousOffset(PactDslWithProvider p) {
    return p.given(REPOSITORY)
        .uponReceiving("listRepositories: anonymous paging past offset 1000")
        .method("GET").pathFromProviderState("/v2/namespaces/${namespace}/repositories", "/v2/namespaces/hubsdk/repositories")
        .query("page=20&page_size=100")
        .willRespondWith().status(403)
        .body(new PactDslJsonBody().stringMatcher("message", ".*sign in to page further.*",
            "pagination offset too large for anonymous requests; sign in to page further"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listRepositoriesAnonymousOffset")
  void anonymousPagingIsLimited(MockServer server) {
    try (DockerHubClient hub = anonymous(server)) {
      assertThatThrownBy(() -> hub.api(RepositoriesApi.class).listRepositories("hubsdk", 20, 100, null, null))
          .isInstanceOfSatisfying(ForbiddenException.class,
              e -> assertThat(e.errorBody(DetailError.class)).get().extracting(DetailError::getMessage)
                  .asString().contains("sign in"));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact listRepositoriesRateLimited(PactDslWithProvider p) {
    return firstPage(p.given(REPOSITORY).given(RATE_LIMITED)
        .uponReceiving("listRepositories: over the rate limit")
        .method("GET").pathFromProviderState("/v2/namespaces/${namespace}/repositories", "/v2/namespaces/hubsdk/repositories"))
        .willRespondWith().status(429)
        .matchHeader("Retry-After", "\\d+", "30")
        .body(new PactDslJsonBody().stringType("detail", "Rate limit exceeded"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listRepositoriesRateLimited")
  void rateLimitCarriesRetryAfter(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.repositories("hubsdk").list().firstPage())
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30)));
    }
  }

  // --- createRepository ------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact createRepository(PactDslWithProvider p) {
    return json(bearer(p.given(NEW_NAME)
        .uponReceiving("createRepository: a public repository")
        .method("POST").pathFromProviderState("/v2/namespaces/${namespace}/repositories", "/v2/namespaces/hubsdk/repositories")
        .body(new PactDslJsonBody().valueFromProviderState("name", "${name}", "hubsdk-contract-new")
            .booleanValue("is_private", false))))
        .willRespondWith().status(201)
        .body(new PactDslJsonBody().stringType("name", "hubsdk-contract-new").stringType("namespace", "hubsdk")
            .booleanValue("is_private", false))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createRepository")
  void createsARepository(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Repository created = hub.repositories("hubsdk").create("hubsdk-contract-new");
      assertThat(created.getIsPrivate()).isFalse();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact createRepositoryTaken(PactDslWithProvider p) {
    PactDslJsonBody fields = new PactDslJsonBody();
    fields.object("fields").eachLike("name", PactDslJsonRootValue.stringType(
        "Repository with this Name and Namespace already exists."), 1).closeObject();
    return json(bearer(p.given(SCRATCH)
        .uponReceiving("createRepository: the name is taken")
        .method("POST").pathFromProviderState("/v2/namespaces/${namespace}/repositories", "/v2/namespaces/hubsdk/repositories")
        .body(new PactDslJsonBody().valueFromProviderState("name", "${repository}", "hubsdk-contract")
            .booleanValue("is_private", false))))
        .willRespondWith().status(400).body(fields)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createRepositoryTaken")
  void aTakenNameIsABadRequest(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.repositories("hubsdk").create("hubsdk-contract"))
          .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.fieldErrors()).containsKey("name"));
    }
  }

  // --- getRepository / checkRepository ----------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact getRepository(PactDslWithProvider p) {
    PactDslJsonBody body = repositoryBody();
    body.object("permissions").booleanType("read", true).closeObject()
        .object("immutable_tags_settings").booleanType("enabled", false).closeObject();
    return bearer(repo(p.given(REPOSITORY).uponReceiving("getRepository: a repository the caller can read")
        .method("GET"), ""))
        .willRespondWith().status(200).body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepository")
  void readsARepository(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      Repository r = hub.repository("hubsdk", "example").get();
      assertThat(r.getName()).isEqualTo("example");
      assertThat(r.getPermissions().getRead()).isTrue();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getRepositoryAnonymous(PactDslWithProvider p) {
    return scratch(p.given(SCRATCH).uponReceiving("getRepository: a public repository, anonymously")
        .method("GET"), "")
        .willRespondWith().status(200).body(repositoryBody().stringType("name", "hubsdk-contract"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepositoryAnonymous")
  void anyoneReadsAPublicRepository(MockServer server) {
    try (DockerHubClient hub = anonymous(server)) {
      assertThat(hub.repository("hubsdk", "hubsdk-contract").get().getIsPrivate()).isFalse();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getRepositoryNotFound(PactDslWithProvider p) {
    return bearer(p.given(REPOSITORY).uponReceiving("getRepository: no such repository")
        .method("GET").pathFromProviderState("/v2/namespaces/${namespace}/repositories/hubsdk-no-such-repo-4f1c",
            "/v2/namespaces/hubsdk/repositories/hubsdk-no-such-repo-4f1c"))
        .willRespondWith().status(404).body(notFound())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepositoryNotFound")
  void anUnknownRepositoryIsNotFound(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.repository("hubsdk", "hubsdk-no-such-repo-4f1c").get())
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getRepositoryUnauthorized(PactDslWithProvider p) {
    return bearer(repo(p.given(REPOSITORY).given(INVALID_JWT)
        .uponReceiving("getRepository: a JWT that is not valid").method("GET"), ""))
        .willRespondWith().status(401)
        .body(new PactDslJsonBody().stringType("detail", "Given token not valid for any token type"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepositoryUnauthorized")
  void anInvalidJwtIsUnauthorized(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.repository("hubsdk", "example").get())
          .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.errorBody(DetailError.class)).isPresent());
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact getRepositoryServerError(PactDslWithProvider p) {
    return bearer(repo(p.given(REPOSITORY_FAILING)
        .uponReceiving("getRepository: a server error").method("GET"), ""))
        .willRespondWith().status(500)
        .body(new PactDslJsonBody().stringType("message", "internal server error"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepositoryServerError")
  void aServerErrorIsTyped(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThatThrownBy(() -> hub.repository("hubsdk", "example").get())
          .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.errorBody(DetailError.class)).isPresent());
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact checkRepository(PactDslWithProvider p) {
    return bearer(repo(p.given(REPOSITORY).uponReceiving("checkRepository: it exists").method("HEAD"), ""))
        .willRespondWith().status(200)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "checkRepository")
  void checksARepository(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.repository("hubsdk", "example").exists()).isTrue();
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact checkRepositoryNotFound(PactDslWithProvider p) {
    return bearer(p.given(REPOSITORY).uponReceiving("checkRepository: no such repository")
        .method("HEAD").pathFromProviderState("/v2/namespaces/${namespace}/repositories/hubsdk-no-such-repo-4f1c",
            "/v2/namespaces/hubsdk/repositories/hubsdk-no-such-repo-4f1c"))
        .willRespondWith().status(404)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "checkRepositoryNotFound")
  void aMissingRepositoryDoesNotExist(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.repository("hubsdk", "hubsdk-no-such-repo-4f1c").exists()).isFalse();
    }
  }

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

  // --- the undocumented writes -----------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact updateRepository(PactDslWithProvider p) {
    return json(bearer(legacyScratch(p.given(SCRATCH).uponReceiving("updateRepository: the README")
        .method("PATCH"), "")
        .body(new PactDslJsonBody().stringValue("full_description", "# hubsdk contract"))))
        .willRespondWith().status(200)
        .body(repositoryBody().stringValue("full_description", "# hubsdk contract"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateRepository")
  void updatesTheReadme(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      assertThat(hub.repository("hubsdk", "hubsdk-contract").updateFullDescription("# hubsdk contract")
          .getFullDescription()).isEqualTo("# hubsdk contract");
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact setRepositoryPrivacy(PactDslWithProvider p) {
    return json(bearer(legacyScratch(p.given(SCRATCH).uponReceiving("setRepositoryPrivacy: make it private")
        .method("POST"), "/privacy")
        .body(new PactDslJsonBody().booleanValue("is_private", true))))
        .willRespondWith().status(200)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "setRepositoryPrivacy")
  void makesItPrivate(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.repository("hubsdk", "hubsdk-contract").setPrivate(true);
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact deleteRepository(PactDslWithProvider p) {
    return bearer(legacyScratch(p.given(SCRATCH).uponReceiving("deleteRepository: the run's repository")
        .method("DELETE"), ""))
        .willRespondWith().status(202).statusCodes(List.of(202, 204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteRepository")
  void deletesARepository(MockServer server) {
    try (DockerHubClient hub = Clients.bearer(server)) {
      hub.repository("hubsdk", "hubsdk-contract").delete("hubsdk/hubsdk-contract");
    }
  }
}
