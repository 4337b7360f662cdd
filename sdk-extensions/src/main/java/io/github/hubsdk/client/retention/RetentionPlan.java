package io.github.hubsdk.client.retention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a clean-up would do, computed before anything is deleted: for every tag of every repository listed,
 * delete or keep and why; what it was computed from (the server, the namespace, the repository, the policy)
 * and when; and any listing that failed. Only a {@linkplain #complete() complete} plan can be applied, and
 * {@link Retention#apply(RetentionPlan, ApplyOptions)} deletes nothing that is not listed here.
 *
 * <p>{@link #toJson()} writes the plan with a SHA-256 {@linkplain #digest() digest} of its content;
 * {@link #fromJson(String)} refuses a file whose content no longer matches it, so a plan edited by hand is
 * detected. (The digest catches edits and corruption; it is no signature: anyone who can write the file can
 * recompute it. Apply also checks every deletion against the plan's own policy, so a re-digested edit still
 * cannot delete a tag the policy keeps.)
 *
 * @param endpoint the server the listing came from, e.g. {@code https://hub.docker.com}
 * @param namespace the namespace
 * @param repository the one repository planned, or null for the whole namespace
 * @param computedAt when the listing was made
 * @param policy the policy applied
 * @param repositories one plan per repository listed
 * @param failures the listings that failed; empty for a complete plan
 */
public record RetentionPlan(String endpoint, String namespace, String repository, Instant computedAt,
    RetentionPolicy policy, List<RepositoryPlan> repositories, List<PlanFailure> failures) {

  /** The value of the {@code format} field in the JSON form. */
  public static final String FORMAT = "hubsdk-retention-plan/1";

  /**
   * Checks and copies the fields.
   *
   * @param endpoint not null
   * @param namespace not null
   * @param repository may be null
   * @param computedAt not null
   * @param policy not null
   * @param repositories not null
   * @param failures not null
   */
  public RetentionPlan {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(computedAt, "computedAt");
    Objects.requireNonNull(policy, "policy");
    repositories = List.copyOf(repositories);
    failures = List.copyOf(failures);
  }

  /**
   * Whether every listing the plan was built from completed without error.
   *
   * @return true when there are no failures
   */
  public boolean complete() {
    return failures.isEmpty();
  }

  /**
   * The single repository planned.
   *
   * @return its name, or empty for a namespace-wide plan
   */
  public Optional<String> singleRepository() {
    return Optional.ofNullable(repository);
  }

  /**
   * How many tags the plan deletes.
   *
   * @return the number of deletions over all repositories
   */
  public long deletionCount() {
    return repositories.stream().mapToLong(r -> r.deletions().size()).sum();
  }

  /**
   * How many tags were listed.
   *
   * @return the number of decisions over all repositories
   */
  public long tagCount() {
    return repositories.stream().mapToLong(r -> r.tags().size()).sum();
  }

  /**
   * The SHA-256 of the plan's canonical JSON form without the digest itself.
   *
   * @return {@code sha256:} and 64 hex digits
   */
  public String digest() {
    return PlanJson.digest(this);
  }

  /**
   * The plan as JSON, with {@code format} and {@code digest} fields.
   *
   * @return a JSON object
   */
  public String toJson() {
    return PlanJson.write(this);
  }

  /**
   * Reads a plan written by {@link #toJson()}.
   *
   * @param json the JSON text
   * @return the plan
   * @throws PlanRefusedException ({@link PlanRefusedException.Why#UNREADABLE}) when it is not such a plan,
   *     ({@link PlanRefusedException.Why#ALTERED}) when its content does not match its digest
   */
  public static RetentionPlan fromJson(String json) {
    return PlanJson.read(json);
  }

  @Override
  public String toString() {
    return "RetentionPlan{" + endpoint + ", " + namespace + (repository == null ? "" : "/" + repository) + ", at "
        + computedAt + ", " + repositories.size() + " repositories, " + deletionCount() + " of " + tagCount()
        + " tags to delete" + (complete() ? "" : ", INCOMPLETE: " + failures.size() + " failed listings") + "}";
  }
}
