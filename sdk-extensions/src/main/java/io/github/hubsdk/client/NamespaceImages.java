package io.github.hubsdk.client;

import io.github.hubsdk.openapi.api.ImagesApi;
import io.github.hubsdk.openapi.model.DeleteImagesResponse;

/** The images of a whole namespace, for deletion (Advanced Image Management, retired on the live Hub). */
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
