package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Which audit log events {@link AuditLogs#list(AuditLogFilter)} returns. Immutable; unset criteria are
 * not sent.
 */
public final class AuditLogFilter {

  private static final AuditLogFilter ALL = builder().build();

  private final String action;
  private final String name;
  private final String actor;
  private final OffsetDateTime from;
  private final OffsetDateTime to;

  private AuditLogFilter(Builder b) {
    this.action = b.action;
    this.name = b.name;
    this.actor = b.actor;
    this.from = b.from;
    this.to = b.to;
  }

  /**
   * No criteria: every event.
   *
   * @return the empty filter
   */
  public static AuditLogFilter all() {
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
   * The action criterion.
   *
   * @return e.g. {@code repo.tag.push}, or empty for any
   */
  public Optional<String> action() {
    return Optional.ofNullable(action);
  }

  /**
   * The name criterion (repository, organization or member the event is about).
   *
   * @return the name, or empty for any
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /**
   * The actor criterion.
   *
   * @return the user, or empty for any
   */
  public Optional<String> actor() {
    return Optional.ofNullable(actor);
  }

  /**
   * Start of the time window (inclusive).
   *
   * @return the instant, or empty for unbounded
   */
  public Optional<OffsetDateTime> from() {
    return Optional.ofNullable(from);
  }

  /**
   * End of the time window (inclusive).
   *
   * @return the instant, or empty for unbounded
   */
  public Optional<OffsetDateTime> to() {
    return Optional.ofNullable(to);
  }

  @Override
  public String toString() {
    return "AuditLogFilter{action=" + action + ", name=" + name + ", actor=" + actor + ", from=" + from + ", to=" + to
        + "}";
  }

  /** Builds an {@link AuditLogFilter}. */
  public static final class Builder {
    private String action;
    private String name;
    private String actor;
    private OffsetDateTime from;
    private OffsetDateTime to;

    private Builder() {
    }

    /**
     * Only events of this action (see {@link AuditLogs#actions()}).
     *
     * @param action e.g. {@code repo.tag.push}; null for any
     * @return this builder
     */
    public Builder action(String action) {
      this.action = blankToNull(action);
      return this;
    }

    /**
     * Only events about this name.
     *
     * @param name e.g. {@code acme/web}; null for any
     * @return this builder
     */
    public Builder name(String name) {
      this.name = blankToNull(name);
      return this;
    }

    /**
     * Only events triggered by this user.
     *
     * @param actor the username; null for any
     * @return this builder
     */
    public Builder actor(String actor) {
      this.actor = blankToNull(actor);
      return this;
    }

    /**
     * Start of the window (inclusive).
     *
     * @param from the instant; null for unbounded
     * @return this builder
     */
    public Builder from(OffsetDateTime from) {
      this.from = from;
      return this;
    }

    /**
     * End of the window (inclusive).
     *
     * @param to the instant; null for unbounded
     * @return this builder
     */
    public Builder to(OffsetDateTime to) {
      this.to = to;
      return this;
    }

    /**
     * Builds the filter.
     *
     * @return the immutable filter
     * @throws InvalidRequestException when {@code from} is after {@code to}
     */
    public AuditLogFilter build() {
      if (from != null && to != null && from.isAfter(to)) {
        throw new InvalidRequestException("audit log window starts (" + from + ") after it ends (" + to + ")");
      }
      return new AuditLogFilter(this);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }
}
