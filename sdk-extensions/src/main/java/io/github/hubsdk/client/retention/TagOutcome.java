package io.github.hubsdk.client.retention;

import java.util.Objects;

/**
 * What applying a plan did with one tag the plan deletes.
 *
 * @param repository the repository
 * @param tag the tag
 * @param outcome what happened
 * @param detail why, in words
 */
public record TagOutcome(String repository, String tag, Outcome outcome, String detail) {

  /** What happened to a tag the plan deletes. */
  public enum Outcome {
    /** Deleted. */
    DELETED,
    /** A dry run: every check passed, it would have been deleted. */
    WOULD_DELETE,
    /** Not deleted: it changed since the plan, or an immutable-tag rule now covers it. */
    KEPT,
    /** Not there any more: someone else deleted it. */
    GONE,
    /** The re-check or the delete failed; this stops the run. */
    FAILED,
    /** Not attempted, because an earlier failure stopped the run. */
    SKIPPED
  }

  /**
   * Checks the fields.
   *
   * @param repository not null
   * @param tag not null
   * @param outcome not null
   * @param detail not null
   */
  public TagOutcome {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }
}
