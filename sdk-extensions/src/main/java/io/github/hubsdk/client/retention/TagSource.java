package io.github.hubsdk.client.retention;

import java.util.List;
import java.util.Optional;

/**
 * What the retention engine needs from Docker Hub, and nothing more: list a namespace's repositories and a
 * repository's tags lazily, re-read one tag, read the immutable-tag rules, delete one tag. {@link HubTagSource}
 * implements it over a {@link io.github.hubsdk.client.DockerHubClient}; tests implement it with a fake.
 *
 * <p>Every method reports a failure by throwing (a {@link io.github.hubsdk.client.error.DockerHubException} for
 * an error answer); an iteration that ends without throwing must have seen the whole listing. The engine relies
 * on that to fail closed. Implementations must be thread-safe: repositories are worked on concurrently.
 */
public interface TagSource {

  /**
   * Where the tags live, e.g. {@code https://hub.docker.com}. A plan records it and is only applied to a source
   * with the same endpoint.
   *
   * @return a stable identifier of the server
   */
  String endpoint();

  /**
   * The names of a namespace's repositories, lazily; each iteration starts again.
   *
   * @param namespace the user or organization
   * @return the names
   */
  Iterable<String> repositories(String namespace);

  /**
   * A repository's tags, lazily; each iteration starts again.
   *
   * @param namespace the user or organization
   * @param repository the repository
   * @return the tags
   */
  Iterable<TagInfo> tags(String namespace, String repository);

  /**
   * Reads one tag again.
   *
   * @param namespace the user or organization
   * @param repository the repository
   * @param tag the tag's name
   * @return the tag, or empty when it no longer exists
   */
  Optional<TagInfo> tag(String namespace, String repository, String tag);

  /**
   * The repository's immutable-tag rules (regular expressions over tag names) when immutable tags are enabled.
   *
   * @param namespace the user or organization
   * @param repository the repository
   * @return the rules, empty when immutable tags are off
   */
  List<String> immutableTagRules(String namespace, String repository);

  /**
   * Deletes one tag.
   *
   * @param namespace the user or organization
   * @param repository the repository
   * @param tag the tag's name
   * @throws io.github.hubsdk.client.error.NotFoundException when the tag does not exist (any more)
   */
  void delete(String namespace, String repository, String tag);
}
