package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.openapi.api.RepositoriesApi;
import io.github.hubsdk.openapi.model.Repository;
import io.github.hubsdk.openapi.model.RepositoryPrivacyRequest;
import io.github.hubsdk.openapi.model.UpdateRepositoryRequest;

/**
 * One repository: read it, change its descriptions and privacy, delete it, and reach its
 * {@link #tags()} and {@link #immutableTags()}. Reached through
 * {@link DockerHubClient#repository(String, String)}. The description, privacy and delete calls are not in
 * Docker's reference (docker/hub-tool and the Terraform provider call them) and may change without notice;
 * they refuse organization access tokens.
 */
public final class RepositoryOperations {

  private final RepositoriesApi api;
  private final String namespace;
  private final String name;
  private final RepositoryTags tags;
  private final ImmutableTags immutableTags;

  RepositoryOperations(Transport transport, String namespace, String name) {
    this.api = transport.api(RepositoriesApi.class);
    this.namespace = namespace;
    this.name = name;
    this.tags = new RepositoryTags(transport, namespace, name);
    this.immutableTags = new ImmutableTags(api, namespace, name);
  }

  /**
   * Reads the repository with its README, the caller's permissions and its immutable-tag settings.
   *
   * @return the repository
   * @throws NotFoundException when it does not exist or the caller may not see it
   */
  public Repository get() {
    return api.getRepository(namespace, name);
  }

  /**
   * Whether the repository exists and the caller may see it (a {@code HEAD}, no body).
   *
   * @return true when it does
   * @throws io.github.hubsdk.client.error.UnauthorizedException when the credentials are refused
   */
  public boolean exists() {
    try {
      api.checkRepository(namespace, name);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * Sets the short description; the README stays.
   *
   * @param description at most 100 characters (empty clears it)
   * @return the updated repository
   */
  public Repository updateDescription(String description) {
    return update(Checks.notNull("description", description), null);
  }

  /**
   * Sets the README; the short description stays.
   *
   * @param markdown at most 25,000 characters (empty clears it)
   * @return the updated repository
   */
  public Repository updateFullDescription(String markdown) {
    return update(null, Checks.notNull("full description", markdown));
  }

  /**
   * Sets the short description and/or the README; a null one is not sent and stays as it is.
   *
   * @param description at most 100 characters, or null
   * @param fullDescription at most 25,000 characters, or null
   * @return the updated repository
   */
  public Repository update(String description, String fullDescription) {
    if (description == null && fullDescription == null) {
      throw new InvalidRequestException("update needs a description or a full description");
    }
    Checks.maxLength("description", description, Checks.MAX_DESCRIPTION);
    Checks.maxLength("full description", fullDescription, Checks.MAX_FULL_DESCRIPTION);
    return api.updateRepository(namespace, name,
        new UpdateRepositoryRequest().description(description).fullDescription(fullDescription));
  }

  /**
   * Makes the repository private or public.
   *
   * @param isPrivate true for private
   */
  public void setPrivate(boolean isPrivate) {
    api.setRepositoryPrivacy(namespace, name, new RepositoryPrivacyRequest().isPrivate(isPrivate));
  }

  /**
   * Deletes the repository with all its tags and images; this cannot be undone. To make the call explicit
   * the caller names the repository again, as {@code namespace/name}: anything else deletes nothing.
   *
   * @param confirmFullName {@code namespace/name} of this repository
   * @throws InvalidRequestException when the confirmation does not name this repository (nothing is sent)
   * @throws NotFoundException when it does not exist
   */
  public void delete(String confirmFullName) {
    if (!fullName().equals(confirmFullName)) {
      throw new InvalidRequestException("delete needs the repository's full name " + fullName()
          + " as confirmation; nothing was deleted");
    }
    api.deleteRepository(namespace, name);
  }

  /**
   * The repository's tags.
   *
   * @return the operations group
   */
  public RepositoryTags tags() {
    return tags;
  }

  /**
   * The repository's immutable-tag settings.
   *
   * @return the operations group
   */
  public ImmutableTags immutableTags() {
    return immutableTags;
  }

  /**
   * @return {@code namespace/name}
   */
  public String fullName() {
    return namespace + "/" + name;
  }

  @Override
  public String toString() {
    return "RepositoryOperations{" + fullName() + "}";
  }
}
