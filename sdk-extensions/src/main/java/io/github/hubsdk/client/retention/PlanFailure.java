package io.github.hubsdk.client.retention;

import java.util.Objects;

/**
 * A listing that failed while a plan was made. A plan with one is incomplete and is never applied.
 *
 * @param repository the repository whose listing failed, or null for the namespace's repository listing
 * @param operation the operation that failed, e.g. {@code listRepositoryTags}
 * @param status its HTTP status, 0 when no answer came
 * @param message what went wrong (free of secrets, as every SDK exception message is)
 */
public record PlanFailure(String repository, String operation, int status, String message) {

  /**
   * Checks the fields.
   *
   * @param repository may be null
   * @param operation not null
   * @param status the status
   * @param message not null
   */
  public PlanFailure {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(message, "message");
  }
}
