package io.github.hubsdk.client;

import io.github.hubsdk.openapi.model.ImageStatus;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Which images {@link RepositoryImages#list(ImageFilter)} returns, and in which order. Immutable; unset
 * criteria are not sent, so the server's defaults apply.
 *
 * @deprecated Docker retired Advanced Image Management on the live Hub on 2023-12-11 (announced in August
 *     2023, docker/roadmap#534): hub.docker.com no longer serves these endpoints. Kept for the hub-emulator
 *     and servers that still serve them; on today's Hub, clean up by deleting tags.
 */
@Deprecated(since = "0.1.0")
public final class ImageFilter {

  private static final ImageFilter ALL = builder().build();

  /** Sort orders the API offers. */
  public enum Ordering {
    /** Least recently pushed or pulled first. */
    LAST_ACTIVITY("last_activity"),
    /** Most recently pushed or pulled first. */
    LAST_ACTIVITY_DESCENDING("-last_activity"),
    /** By digest, ascending. */
    DIGEST("digest"),
    /** By digest, descending. */
    DIGEST_DESCENDING("-digest");

    private final String value;

    Ordering(String value) {
      this.value = value;
    }

    /**
     * The query value.
     *
     * @return e.g. {@code -last_activity}
     */
    public String value() {
      return value;
    }
  }

  private final ImageStatus status;
  private final Boolean currentlyTagged;
  private final Ordering ordering;
  private final OffsetDateTime activeFrom;

  private ImageFilter(Builder b) {
    this.status = b.status;
    this.currentlyTagged = b.currentlyTagged;
    this.ordering = b.ordering;
    this.activeFrom = b.activeFrom;
  }

  /**
   * No criteria: every image, in the server's order.
   *
   * @return the empty filter
   */
  public static ImageFilter all() {
    return ALL;
  }

  /**
   * A builder with no criteria set.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The status criterion.
   *
   * @return the status, or empty for any
   */
  public Optional<ImageStatus> status() {
    return Optional.ofNullable(status);
  }

  /**
   * The tagged criterion.
   *
   * @return true for only tagged images, false for only untagged, empty for any
   */
  public Optional<Boolean> currentlyTagged() {
    return Optional.ofNullable(currentlyTagged);
  }

  /**
   * The sort order.
   *
   * @return the order, or empty for the server's
   */
  public Optional<Ordering> ordering() {
    return Optional.ofNullable(ordering);
  }

  /**
   * The start of the activity window.
   *
   * @return the instant, or empty for the server's default (one month ago)
   */
  public Optional<OffsetDateTime> activeFrom() {
    return Optional.ofNullable(activeFrom);
  }

  @Override
  public String toString() {
    return "ImageFilter{status=" + status + ", currentlyTagged=" + currentlyTagged + ", ordering=" + ordering
        + ", activeFrom=" + activeFrom + "}";
  }

  /** Builds an {@link ImageFilter}. */
  public static final class Builder {
    private ImageStatus status;
    private Boolean currentlyTagged;
    private Ordering ordering;
    private OffsetDateTime activeFrom;

    private Builder() {
    }

    /**
     * Only active or only inactive images (relative to {@link #activeFrom(OffsetDateTime)}).
     *
     * @param status the status, or null for any
     * @return this builder
     */
    public Builder status(ImageStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Only images with (true) or without (false) a current tag.
     *
     * @param tagged the criterion, or null for any
     * @return this builder
     */
    public Builder currentlyTagged(Boolean tagged) {
      this.currentlyTagged = tagged;
      return this;
    }

    /**
     * The sort order.
     *
     * @param ordering the order, or null for the server's
     * @return this builder
     */
    public Builder ordering(Ordering ordering) {
      this.ordering = ordering;
      return this;
    }

    /**
     * Images pushed or pulled since this time count as active.
     *
     * @param from the instant, or null for the server's default
     * @return this builder
     */
    public Builder activeFrom(OffsetDateTime from) {
      this.activeFrom = from;
      return this;
    }

    /**
     * Builds the filter.
     *
     * @return the immutable filter
     */
    public ImageFilter build() {
      return new ImageFilter(this);
    }
  }
}
