package io.github.hubsdk.client.retention;

/**
 * Told how a long plan or apply run is going: once per repository finished. Called on the thread that runs
 * {@link Retention#plan} or {@link Retention#apply}, one call at a time, so it may print without locking; it
 * should return quickly.
 */
@FunctionalInterface
public interface RetentionProgress {

  /** Reports nothing. */
  RetentionProgress NONE = p -> { };

  /**
   * A repository is done.
   *
   * @param update the counts so far
   */
  void update(Update update);

  /** Which run is reporting. */
  enum Phase {
    /** Listing and deciding. */
    PLAN,
    /** Re-checking and deleting. */
    APPLY
  }

  /**
   * The counts so far.
   *
   * @param phase plan or apply
   * @param repository the repository just finished
   * @param repositoriesDone repositories finished so far
   * @param repositoriesTotal repositories in the run, or -1 while unknown (a namespace-wide plan)
   * @param tags tags listed (plan) or handled (apply) so far
   * @param deletions tags planned for deletion (plan) or deleted, or would be in a dry run (apply) so far
   */
  record Update(Phase phase, String repository, int repositoriesDone, int repositoriesTotal, long tags,
      long deletions) {
  }
}
