package io.github.hubsdk.contracts.states;

/** Provider states of the images tag (Advanced Image Management). */
public final class ImagesState {

  /** Values: namespace, repository, digest (an image tagged latest and 1.4), bearer. */
  public static final String IMAGES = "repository 'hubsdk/example' has images";
  /** Values: namespace, repository, digest, bearer. */
  public static final String IMAGE_DELETABLE = "image of repository 'hubsdk/example' is untagged and inactive";
  /** Values: namespace, repository, digest, bearer. */
  public static final String IMAGE_BUSY = "image of repository 'hubsdk/example' is tagged and recently pushed";
  /** Values: namespace, repository, bearer (of that free-plan user). */
  public static final String FREE_PLAN = "user 'hubsdk-free' on the free plan owns repository 'hubsdk-free/app'";

  private ImagesState() {
  }
}
