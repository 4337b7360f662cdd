package io.github.hubsdk.contracts.consumer;

import au.com.dius.pact.consumer.MockServer;
import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.RetryPolicy;
import io.github.hubsdk.contracts.Contract;

/** SDK clients pointed at the Pact mock server. */
final class Clients {

  private Clients() {
  }

  /** A client that sends the fake bearer JWT and never retries (a 429 must surface, not loop). */
  static DockerHubClient bearer(MockServer server) {
    return with(server, Credentials.bearer(Contract.FAKE_JWT));
  }

  static DockerHubClient with(MockServer server, Credentials credentials) {
    return DockerHubClient.builder().baseUrl(server.getUrl()).credentials(credentials).retryPolicy(RetryPolicy.none())
        .build();
  }
}
