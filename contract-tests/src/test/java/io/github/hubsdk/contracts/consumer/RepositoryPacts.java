package io.github.hubsdk.contracts.consumer;

import static io.github.hubsdk.contracts.Contract.*;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.RetryPolicy;

/** What the repository and tag pact tests share: paths from the provider states, bodies, an anonymous client. */
final class RepositoryPacts {

  static final String REPO_PATH = "/v2/namespaces/hubsdk/repositories/example";
  static final String SCRATCH_PATH = "/v2/namespaces/hubsdk/repositories/hubsdk-contract";
  static final String LEGACY_SCRATCH_PATH = "/v2/repositories/hubsdk/hubsdk-contract";

  static PactDslRequestWithPath repo(PactDslRequestWithoutPath r, String suffix) {
    return r.pathFromProviderState("/v2/namespaces/${namespace}/repositories/${repository}" + suffix, REPO_PATH + suffix);
  }

  static PactDslRequestWithPath scratch(PactDslRequestWithoutPath r, String suffix) {
    return r.pathFromProviderState("/v2/namespaces/${namespace}/repositories/${repository}" + suffix,
        SCRATCH_PATH + suffix);
  }

  static PactDslRequestWithPath legacyScratch(PactDslRequestWithoutPath r, String suffix) {
    return r.pathFromProviderState("/v2/repositories/${namespace}/${repository}" + suffix, LEGACY_SCRATCH_PATH + suffix);
  }

  static PactDslJsonBody repositoryBody() {
    return new PactDslJsonBody().stringType("name", "example").stringType("namespace", "hubsdk")
        .booleanType("is_private", false).integerType("pull_count", 0).integerType("star_count", 0)
        .stringMatcher("date_registered", RFC3339, EXAMPLE_TIME);
  }

  static DockerHubClient anonymous(MockServer server) {
    return DockerHubClient.builder().baseUrl(server.getUrl()).retryPolicy(RetryPolicy.none()).build();
  }

  static PactDslJsonBody notFound() {
    return new PactDslJsonBody().stringType("detail", "Not found.");
  }

  private RepositoryPacts() {
  }
}
