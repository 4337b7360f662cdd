package io.github.hubsdk.cli;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.model.RepositorySummary;
import io.github.hubsdk.openapi.model.RepositoryTag;

/** Repository and tag listings through the SDK's groups, lazily paged. */
final class Listings {

  private Listings() {
  }

  static Paginator<RepositorySummary> repositories(DockerHubClient hub, String namespace) {
    return hub.repositories(namespace).list();
  }

  static Paginator<RepositoryTag> tags(DockerHubClient hub, String namespace, String repository) {
    return hub.repository(namespace, repository).tags().list();
  }

  static void deleteTag(DockerHubClient hub, String namespace, String repository, String tag) {
    hub.repository(namespace, repository).tags().delete(tag);
  }
}
