package io.github.hubsdk.client.retention;

import java.util.Objects;

/**
 * A plan that cannot be applied, refused before anything is deleted.
 */
public class PlanRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a plan was refused. */
  public enum Why {
    /** A listing it was built from failed: it may not know every tag, so it deletes nothing. */
    INCOMPLETE,
    /** Its content does not match its digest, or a deletion is not what its policy decides. */
    ALTERED,
    /** It is older than the apply options allow, or dated in the future. */
    STALE,
    /** It was computed against another server. */
    OTHER_SOURCE,
    /** The text is not a retention plan. */
    UNREADABLE
  }

  private final Why why;

  /**
   * Creates an exception.
   *
   * @param why the reason
   * @param message what is wrong, in words
   */
  public PlanRefusedException(Why why, String message) {
    super(message);
    this.why = Objects.requireNonNull(why, "why");
  }

  /**
   * Why the plan was refused.
   *
   * @return the reason
   */
  public Why why() {
    return why;
  }
}
