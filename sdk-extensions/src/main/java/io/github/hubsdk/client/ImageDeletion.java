package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.openapi.model.DeleteImagesRequest;
import io.github.hubsdk.openapi.model.ImageWarning;
import io.github.hubsdk.openapi.model.ManifestRef;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What {@link NamespaceImages#delete(ImageDeletion)} deletes. Deleting images cannot be undone, so a
 * deletion is a dry run unless {@link #forReal()} is called: the server then only reports what it would
 * delete. Immutable.
 *
 * <pre>{@code
 * ImageDeletion plan = ImageDeletion.builder().manifest("web", digest).build();
 * hub.images("acme").delete(plan);            // dry run: nothing is deleted
 * hub.images("acme").delete(plan.forReal());  // deletes
 * }</pre>
 *
 * @deprecated Docker retired Advanced Image Management on the live Hub on 2023-12-11 (announced in August
 *     2023, docker/roadmap#534): hub.docker.com no longer serves these endpoints. Kept for the hub-emulator
 *     and servers that still serve them; on today's Hub, clean up by deleting tags.
 */
@Deprecated(since = "0.1.0")
public final class ImageDeletion {

  private final List<ManifestRef> manifests;
  private final List<ImageWarning> ignoredWarnings;
  private final OffsetDateTime activeFrom;
  private final boolean dryRun;

  private ImageDeletion(List<ManifestRef> manifests, List<ImageWarning> ignoredWarnings, OffsetDateTime activeFrom,
      boolean dryRun) {
    this.manifests = manifests;
    this.ignoredWarnings = ignoredWarnings;
    this.activeFrom = activeFrom;
    this.dryRun = dryRun;
  }

  /**
   * A builder for a dry-run deletion.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The same deletion, this time really deleting.
   *
   * @return a copy that is not a dry run
   */
  public ImageDeletion forReal() {
    return new ImageDeletion(manifests, ignoredWarnings, activeFrom, false);
  }

  /**
   * The same deletion as a dry run.
   *
   * @return a copy that is a dry run
   */
  public ImageDeletion asDryRun() {
    return new ImageDeletion(manifests, ignoredWarnings, activeFrom, true);
  }

  /**
   * Whether this only reports what would be deleted.
   *
   * @return true unless made with {@link #forReal()}
   */
  public boolean isDryRun() {
    return dryRun;
  }

  /**
   * The manifests to delete.
   *
   * @return an immutable, non-empty list
   */
  public List<ManifestRef> manifests() {
    return manifests.stream().map(m -> new ManifestRef().repository(m.getRepository()).digest(m.getDigest())).toList();
  }

  /**
   * The warnings acknowledged in advance.
   *
   * @return an immutable list
   */
  public List<ImageWarning> ignoredWarnings() {
    return ignoredWarnings.stream().map(ImageDeletion::copy).toList();
  }

  /**
   * Start of the activity window for {@code is_active} warnings.
   *
   * @return the instant, or empty for the server's default
   */
  public Optional<OffsetDateTime> activeFrom() {
    return Optional.ofNullable(activeFrom);
  }

  DeleteImagesRequest toRequest() {
    return new DeleteImagesRequest().dryRun(dryRun).activeFrom(activeFrom).manifests(manifests())
        .ignoreWarnings(ignoredWarnings.isEmpty() ? null : ignoredWarnings());
  }

  private static ImageWarning copy(ImageWarning w) {
    return new ImageWarning().repository(w.getRepository()).digest(w.getDigest()).warning(w.getWarning())
        .tags(w.getTags() == null ? null : List.copyOf(w.getTags()));
  }

  @Override
  public String toString() {
    return "ImageDeletion{dryRun=" + dryRun + ", manifests=" + manifests.size() + ", ignoredWarnings="
        + ignoredWarnings.size() + "}";
  }

  /** Builds an {@link ImageDeletion}, always as a dry run. */
  public static final class Builder {
    private final List<ManifestRef> manifests = new ArrayList<>();
    private final List<ImageWarning> ignoredWarnings = new ArrayList<>();
    private OffsetDateTime activeFrom;

    private Builder() {
    }

    /**
     * Adds a manifest to delete.
     *
     * @param repository the repository within the namespace
     * @param digest {@code sha256:} and 64 lowercase hex digits
     * @return this builder
     */
    public Builder manifest(String repository, String digest) {
      manifests.add(new ManifestRef().repository(Checks.segment("repository", repository)).digest(Checks.digest(digest)));
      return this;
    }

    /**
     * Acknowledges a warning so that it does not block the deletion (e.g. one taken from
     * {@link io.github.hubsdk.client.error.DeleteImagesRejectedException#warnings()}).
     *
     * @param warning the warning
     * @return this builder
     */
    public Builder ignoreWarning(ImageWarning warning) {
      Checks.notNull("warning", warning);
      Checks.segment("warning repository", warning.getRepository());
      Checks.digest(warning.getDigest());
      Checks.notNull("warning type", warning.getWarning());
      ignoredWarnings.add(copy(warning));
      return this;
    }

    /**
     * Acknowledges several warnings.
     *
     * @param warnings the warnings
     * @return this builder
     */
    public Builder ignoreWarnings(Collection<ImageWarning> warnings) {
      Checks.notNull("warnings", warnings).forEach(this::ignoreWarning);
      return this;
    }

    /**
     * Images pushed or pulled since this time raise {@code is_active} warnings.
     *
     * @param from the instant, or null for the server's default
     * @return this builder
     */
    public Builder activeFrom(OffsetDateTime from) {
      this.activeFrom = from;
      return this;
    }

    /**
     * Builds the dry-run deletion.
     *
     * @return the deletion
     * @throws InvalidRequestException when no manifest was added
     */
    public ImageDeletion build() {
      if (manifests.isEmpty()) {
        throw new InvalidRequestException("an image deletion needs at least one manifest");
      }
      return new ImageDeletion(List.copyOf(manifests), List.copyOf(ignoredWarnings), activeFrom, true);
    }
  }
}
