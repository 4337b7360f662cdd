package io.github.hubsdk.client;

import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.model.Image;
import io.github.hubsdk.openapi.api.ImagesApi;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.model.ImageTag;
import io.github.hubsdk.openapi.model.ImagesSummary;
import java.time.OffsetDateTime;

/**
 * The images of one repository (Advanced Image Management). Docker retired these endpoints on the live
 * Hub on 2023-12-11; they remain for the hub-emulator and compatible servers.
 *
 * @deprecated Docker retired Advanced Image Management on the live Hub on 2023-12-11 (announced in August
 *     2023, docker/roadmap#534): hub.docker.com no longer serves these endpoints. Kept for the hub-emulator
 *     and servers that still serve them; on today's Hub, clean up by deleting tags.
 */
@Deprecated(since = "0.1.0")
@SuppressWarnings("deprecation")
public final class RepositoryImages {

  private final Transport transport;
  private final ImagesApi api;
  private final String namespace;
  private final String repository;

  RepositoryImages(Transport transport, String namespace, String repository) {
    this.transport = transport;
    this.api = transport.api(ImagesApi.class);
    this.namespace = namespace;
    this.repository = repository;
  }

  /**
   * Lists every image, lazily.
   *
   * @return a paginator
   */
  public Paginator<Image> list() {
    return list(ImageFilter.all());
  }

  /**
   * Lists the images that match a filter, lazily.
   *
   * @param filter the criteria
   * @return a paginator
   */
  public Paginator<Image> list(ImageFilter filter) {
    Checks.notNull("filter", filter);
    String status = filter.status().map(s -> s.getValue()).orElse(null);
    String ordering = filter.ordering().map(ImageFilter.Ordering::value).orElse(null);
    return transport.linkedPages(HubOperation.LIST_REPOSITORY_IMAGES,
        (number, size) -> api.listRepositoryImages(namespace, repository, status,
            filter.currentlyTagged().orElse(null), ordering, filter.activeFrom().orElse(null), number, size),
        api::listRepositoryImages);
  }

  /**
   * Lists the tags that point or pointed to an image, lazily.
   *
   * @param digest {@code sha256:} and 64 lowercase hex digits
   * @return a paginator
   */
  public Paginator<ImageTag> tags(String digest) {
    Checks.digest(digest);
    return transport.linkedPages(HubOperation.LIST_IMAGE_TAGS,
        (number, size) -> api.listImageTags(namespace, repository, digest, number, size), api::listImageTags);
  }

  /**
   * Counts the images, active relative to the server's default window (one month).
   *
   * @return the summary
   */
  public ImagesSummary summary() {
    return summary(null);
  }

  /**
   * Counts the images, active relative to {@code activeFrom}.
   *
   * @param activeFrom start of the activity window, or null for the server's default
   * @return the summary
   */
  public ImagesSummary summary(OffsetDateTime activeFrom) {
    return api.getImagesSummary(namespace, repository, activeFrom);
  }

  @Override
  public String toString() {
    return "RepositoryImages{" + namespace + "/" + repository + "}";
  }
}
