package io.github.hubsdk.client;

import io.github.hubsdk.openapi.api.ImagesApi;
import io.github.hubsdk.openapi.model.DeleteImagesResponse;

/**
 * The images of a whole namespace, for deletion (Advanced Image Management, retired on the live Hub).
 *
 * @deprecated Docker retired Advanced Image Management on the live Hub on 2023-12-11 (announced in August
 *     2023, docker/roadmap#534): hub.docker.com no longer serves these endpoints. Kept for the hub-emulator
 *     and servers that still serve them; on today's Hub, clean up by deleting tags.
 */
@Deprecated(since = "0.1.0")
@SuppressWarnings("deprecation")
public final class NamespaceImages {

  private final Transport transport;
  private final ImagesApi api;
  private final String namespace;

  NamespaceImages(Transport transport, String namespace) {
    this.transport = transport;
    this.api = transport.api(ImagesApi.class);
    this.namespace = namespace;
  }

  /**
   * Deletes images, or, unless the deletion was made with {@link ImageDeletion#forReal()}, reports what
   * would be deleted without deleting anything. Never retried (it is a POST).
   *
   * @param deletion what to delete
   * @return the metrics of what was (or would be) deleted
   * @throws io.github.hubsdk.client.error.DeleteImagesRejectedException when manifests cannot be deleted or
   *     raise unacknowledged warnings; nothing is deleted then
   */
  public DeleteImagesResponse delete(ImageDeletion deletion) {
    Checks.notNull("deletion", deletion);
    return api.deleteImages(namespace, deletion.toRequest());
  }

  @Override
  public String toString() {
    return "NamespaceImages{" + namespace + "}";
  }
}
