package io.github.hubsdk.client;

import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.api.RepositoriesApi;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.model.Repository;
import io.github.hubsdk.openapi.model.RepositoryOrdering;
import io.github.hubsdk.openapi.model.RepositorySummary;

/**
 * The repositories of one user or organization: {@code /v2/namespaces/{namespace}/repositories}. Reached
 * through {@link DockerHubClient#repositories(String)}; one repository is
 * {@link DockerHubClient#repository(String, String)}. Without credentials only public repositories are
 * listed.
 */
public final class NamespaceRepositories {

  private final Transport transport;
  private final RepositoriesApi api;
  private final String namespace;

  NamespaceRepositories(Transport transport, String namespace) {
    this.transport = transport;
    this.api = transport.api(RepositoriesApi.class);
    this.namespace = namespace;
  }

  /**
   * Lists every repository the caller may see, lazily, in the server's default order.
   *
   * @return a paginator
   */
  public Paginator<RepositorySummary> list() {
    return list(null, null);
  }

  /**
   * Lists the repositories whose name contains {@code nameContains}, lazily, in {@code ordering}. Page-number
   * paging is no snapshot: collect first, then change what you listed.
   *
   * @param nameContains a part of the name, or null for all
   * @param ordering the order, or null for the server's default
   * @return a paginator
   */
  public Paginator<RepositorySummary> list(String nameContains, RepositoryOrdering ordering) {
    String name = nameContains == null || nameContains.isEmpty() ? null : nameContains;
    return transport.linkedPages(HubOperation.LIST_REPOSITORIES,
        (page, size) -> api.listRepositories(namespace, page, size, name, ordering), api::listRepositories);
  }

  /**
   * Creates a public repository without descriptions.
   *
   * @param name the repository's name (Docker's rules, checked first)
   * @return the new repository
   * @throws io.github.hubsdk.client.error.BadRequestException when the name is taken
   */
  public Repository create(String name) {
    return create(NewRepository.builder(name).build());
  }

  /**
   * Creates a repository.
   *
   * @param repository what to create
   * @return the new repository
   * @throws io.github.hubsdk.client.error.BadRequestException when the name is taken
   * @throws io.github.hubsdk.client.error.ForbiddenException when the caller is no owner of the namespace
   */
  public Repository create(NewRepository repository) {
    Checks.notNull("repository", repository);
    return api.createRepository(namespace, repository.toRequest());
  }

  @Override
  public String toString() {
    return "NamespaceRepositories{" + namespace + "}";
  }
}
