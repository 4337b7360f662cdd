package io.github.hubsdk.client;

import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.model.Image;
import io.github.hubsdk.openapi.model.ImagePage;
import io.github.hubsdk.openapi.model.ImageTag;
import io.github.hubsdk.openapi.model.ImageTagPage;
import io.github.hubsdk.openapi.model.ImagesSummary;
import java.time.OffsetDateTime;

/**
 * The images of one repository (Advanced Image Management). Docker retired these endpoints on the live
 * Hub on 2023-12-11; they remain for the hub-emulator and compatible servers.
 */
@SuppressWarnings("deprecation")
public final class RepositoryImages {

  private final DockerHubClient hub;
  private final String namespace;
  private final String repository;

  RepositoryImages(DockerHubClient hub, String namespace, String repository) {
    this.hub = hub;
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
    return hub.linkedPages("listRepositoryImages", link -> hub.nextPageApi().listRepositoryImages(link),
        (number, size) -> hub.imagesApi().listRepositoryImages(namespace, repository, status,
            filter.currentlyTagged().orElse(null), ordering, filter.activeFrom().orElse(null), number, size),
        ImagePage::getResults, ImagePage::getCount, ImagePage::getNext);
  }

  /**
   * Lists the tags that point or pointed to an image, lazily.
   *
   * @param digest {@code sha256:} and 64 lowercase hex digits
   * @return a paginator
   */
  public Paginator<ImageTag> tags(String digest) {
    Checks.digest(digest);
    return hub.linkedPages("listImageTags", link -> hub.nextPageApi().listImageTags(link),
        (number, size) -> hub.imagesApi().listImageTags(namespace, repository, digest, number, size),
        ImageTagPage::getResults, ImageTagPage::getCount, ImageTagPage::getNext);
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
    return hub.imagesApi().getImagesSummary(namespace, repository, activeFrom);
  }

  @Override
  public String toString() {
    return "RepositoryImages{" + namespace + "/" + repository + "}";
  }
}
