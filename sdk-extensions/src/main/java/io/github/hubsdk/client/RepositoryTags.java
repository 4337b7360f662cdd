package io.github.hubsdk.client;

import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.api.RepositoriesApi;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.model.RepositoryTag;

/**
 * The tags of one repository: {@code /v2/namespaces/{namespace}/repositories/{repository}/tags}. Reached
 * through {@link RepositoryOperations#tags()}. Tag names are checked by Docker's grammar before anything is
 * sent.
 */
public final class RepositoryTags {

  private final Transport transport;
  private final RepositoriesApi api;
  private final String namespace;
  private final String repository;

  RepositoryTags(Transport transport, String namespace, String repository) {
    this.transport = transport;
    this.api = transport.api(RepositoriesApi.class);
    this.namespace = namespace;
    this.repository = repository;
  }

  /**
   * Lists every tag with its images, lazily. Page-number paging is no snapshot (deleting while paging skips
   * tags): collect the list first, then delete.
   *
   * @return a paginator
   */
  public Paginator<RepositoryTag> list() {
    return transport.linkedPages(HubOperation.LIST_REPOSITORY_TAGS,
        (page, size) -> api.listRepositoryTags(namespace, repository, page, size), api::listRepositoryTags);
  }

  /**
   * Whether the repository has at least one tag (a {@code HEAD}).
   *
   * @return true when it has
   */
  public boolean any() {
    try {
      api.checkRepositoryTags(namespace, repository);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * Reads one tag with its images.
   *
   * @param tag the tag's name
   * @return the tag
   * @throws NotFoundException when there is no such tag
   */
  public RepositoryTag get(String tag) {
    return api.getRepositoryTag(namespace, repository, Checks.tag(tag));
  }

  /**
   * Whether the tag exists (a {@code HEAD}).
   *
   * @param tag the tag's name
   * @return true when it does
   */
  public boolean exists(String tag) {
    Checks.tag(tag);
    try {
      api.checkRepositoryTag(namespace, repository, tag);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * Deletes one tag (not in Docker's reference; may change without notice). The image behind it stays.
   * A JWT from a personal access token is refused (log in with a password), and so is a tag an
   * immutable-tags rule covers.
   *
   * @param tag the tag's name
   * @throws NotFoundException when there is no such tag
   * @throws io.github.hubsdk.client.error.ForbiddenException when refused
   */
  public void delete(String tag) {
    api.deleteRepositoryTag(namespace, repository, Checks.tag(tag));
  }

  @Override
  public String toString() {
    return "RepositoryTags{" + namespace + "/" + repository + "}";
  }
}
