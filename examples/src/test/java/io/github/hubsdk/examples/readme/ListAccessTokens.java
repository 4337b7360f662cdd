package io.github.hubsdk.examples.readme;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.openapi.model.AccessToken;

public class ListAccessTokens {

  public static void main(String[] args) {
    // DOCKERHUB_USERNAME and DOCKERHUB_PASSWORD: Docker Hub shows access tokens only to a password login
    try (DockerHubClient hub = DockerHubClient.builder().credentials(Credentials.fromEnvironment()).build()) {
      printTokens(hub);
    }
  }

  static void printTokens(DockerHubClient hub) {
    hub.login(); // fails fast on bad credentials; a failed login is never retried
    for (AccessToken token : hub.accessTokens().list()) { // fetches every page lazily
      System.out.printf("%s %-30s active=%s last used %s%n", token.getUuid(), token.getTokenLabel(),
          token.getIsActive(), token.getLastUsed());
    }
  }
}
