package io.github.hubsdk.contracts.states;

/** Provider states of the repositories tag. */
public final class RepositoriesState {

  /**
   * A repository the caller can read, with at least one tag; read only. Values: namespace, repository, tag,
   * bearer. Live: {@code DOCKERHUB_NAMESPACE/DOCKERHUB_REPOSITORY} and its first tag.
   */
  public static final String REPOSITORY = "repository 'hubsdk/example' exists with tags";
  /**
   * A public repository of this run the caller owns, without tags, to change and delete. Values: namespace,
   * repository, bearer. Live: {@code hubsdk-contract-<run id>} in the test namespace, deleted after the run.
   */
  public static final String SCRATCH = "repository 'hubsdk/hubsdk-contract' was created for this run";
  /** A name for a repository this run creates. Values: namespace, name, bearer. Live: deleted after the run. */
  public static final String NEW_NAME = "no repository 'hubsdk/hubsdk-contract-new' exists";
  /** {@link #SCRATCH} with a tag {@code v1.0.0}. Values: namespace, repository, tag, bearer. */
  public static final String SCRATCH_TAGGED = "repository 'hubsdk/hubsdk-contract' has tag 'v1.0.0'";
  /** {@link #SCRATCH_TAGGED}, the bearer a JWT issued from a personal access token with repo:admin. */
  public static final String SCRATCH_TAGGED_PAT = "repository 'hubsdk/hubsdk-contract' has tag 'v1.0.0' and the"
      + " caller logged in with a personal access token";
  /** {@link #SCRATCH_TAGGED} with immutable tags on and a rule that covers {@code v1.0.0}. */
  public static final String SCRATCH_IMMUTABLE = "repository 'hubsdk/hubsdk-contract' has immutable tag 'v1.0.0'";
  /** {@link #REPOSITORY}, and reading it fails once on the provider's side. */
  public static final String REPOSITORY_FAILING = "reading repository 'hubsdk/example' fails on the server";

  private RepositoriesState() {
  }
}
