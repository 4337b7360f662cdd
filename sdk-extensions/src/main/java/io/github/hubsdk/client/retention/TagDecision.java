package io.github.hubsdk.client.retention;

import java.time.Instant;
import java.util.Objects;

/**
 * What a plan decided for one tag, and why, with what the tag looked like when the plan was made (apply
 * compares it with the tag as it is then).
 *
 * @param tag the tag's name
 * @param digest its manifest digest at planning time, or null when the server did not say
 * @param pushed its last push at planning time, or null when unknown
 * @param pulled its last pull at planning time, or null when never
 * @param verdict delete or keep
 * @param reason the rule that decided
 * @param detail the reason in words, e.g. {@code matches keep pattern latest}
 */
public record TagDecision(String tag, String digest, Instant pushed, Instant pulled, Verdict verdict, Reason reason,
    String detail) {

  /** Delete or keep. */
  public enum Verdict {
    /** The plan deletes the tag. */
    DELETE,
    /** The plan keeps the tag. */
    KEEP
  }

  /** The rule that decided, in the order {@link RetentionPolicy} checks them. */
  public enum Reason {
    /** Kept: an immutable-tag rule of the repository covers it. */
    IMMUTABLE,
    /** Kept: matches a keep pattern. */
    KEEP_PATTERN,
    /** Kept: one of the newest N. */
    NEWEST,
    /** Kept: matches no delete pattern. */
    NOT_SELECTED,
    /** Kept: pushed or pulled within the policy's age. */
    RECENT,
    /** Kept: the push time is unknown, so its age cannot be judged. */
    AGE_UNKNOWN,
    /** Deleted: every rule agreed. */
    SELECTED
  }

  /**
   * Checks the fields.
   *
   * @param tag not null
   * @param digest may be null
   * @param pushed may be null
   * @param pulled may be null
   * @param verdict not null
   * @param reason not null, {@link Reason#SELECTED} exactly when deleting
   * @param detail not null
   */
  public TagDecision {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    if ((verdict == Verdict.DELETE) != (reason == Reason.SELECTED)) {
      throw new IllegalArgumentException("a tag is deleted exactly when its reason is SELECTED");
    }
  }

  /**
   * The tag as it was when planned.
   *
   * @return the tag's name, digest and times
   */
  public TagInfo asPlanned() {
    return new TagInfo(tag, digest, pushed, pulled);
  }

  /**
   * Whether the plan deletes this tag.
   *
   * @return true for {@link Verdict#DELETE}
   */
  public boolean deletes() {
    return verdict == Verdict.DELETE;
  }
}
