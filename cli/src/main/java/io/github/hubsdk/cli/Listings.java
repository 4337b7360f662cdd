package io.github.hubsdk.cli;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.api.RepositoriesApi;
import io.github.hubsdk.openapi.model.RepositoryPage;
import io.github.hubsdk.openapi.model.RepositorySummary;
import io.github.hubsdk.openapi.model.RepositoryTag;
import io.github.hubsdk.openapi.model.RepositoryTagPage;
import java.util.List;

/** Repository and tag listings, lazily paged by number through the client. */
final class Listings {

  private Listings() {
  }

  static Paginator<RepositorySummary> repositories(DockerHubClient hub, String namespace) {
    RepositoriesApi api = hub.api(RepositoriesApi.class);
    return Paginator.of("listRepositories", request -> {
      RepositoryPage p = api.listRepositories(namespace, request.pageNumber(), request.pageSize(), null, null);
      return Page.linked(p.getResults() == null ? List.of() : p.getResults(), p.getCount(), p.getNext(), request);
    });
  }

  static Paginator<RepositoryTag> tags(DockerHubClient hub, String namespace, String repository) {
    RepositoriesApi api = hub.api(RepositoriesApi.class);
    return Paginator.of("listRepositoryTags", request -> {
      RepositoryTagPage p = api.listRepositoryTags(namespace, repository, request.pageNumber(), request.pageSize());
      return Page.linked(p.getResults() == null ? List.of() : p.getResults(), p.getCount(), p.getNext(), request);
    });
  }

  static void deleteTag(DockerHubClient hub, String namespace, String repository, String tag) {
    hub.api(RepositoriesApi.class).deleteRepositoryTag(namespace, repository, tag);
  }
}
