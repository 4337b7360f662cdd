package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The states of the images tag (Advanced Image Management). */
public final class ImagesStates extends TagStates {

  static final String TAGGED_DIGEST = "sha256:" + "ab".repeat(32);
  static final String OLD_DIGEST = "sha256:" + "cd".repeat(32);
  static final String BUSY_DIGEST = "sha256:" + "ef".repeat(32);

  ImagesStates(DockerHubEmulator hub) {
    super(hub);
  }

  private Map<String, Object> example(String digest) {
    return withBearer(password(), "namespace", "hubsdk", "repository", "example", "digest", digest);
  }

  /** Values: namespace, repository, digest (an image tagged latest and 1.4), bearer. */
  @ProviderState("repository 'hubsdk/example' has images")
  Map<String, Object> images() {
    Instant now = hub.clock().instant();
    hub.seedUntilReset(s -> s.repository("hubsdk", "example").image(TAGGED_DIGEST, now.minus(Duration.ofDays(1)), null,
        "latest", "1.4"));
    return example(TAGGED_DIGEST);
  }

  /** Values: namespace, repository, digest, bearer. */
  @ProviderState("image of repository 'hubsdk/example' is untagged and inactive")
  Map<String, Object> deletableImage() {
    Instant now = hub.clock().instant();
    hub.seedUntilReset(s -> s.repository("hubsdk", "example").image(OLD_DIGEST, now.minus(Duration.ofDays(90)), null));
    return example(OLD_DIGEST);
  }

  /** Values: namespace, repository, digest, bearer. */
  @ProviderState("image of repository 'hubsdk/example' is tagged and recently pushed")
  Map<String, Object> busyImage() {
    Instant now = hub.clock().instant();
    hub.seedUntilReset(s -> s.repository("hubsdk", "example").image(BUSY_DIGEST, now.minus(Duration.ofHours(1)), null, "edge"));
    return example(BUSY_DIGEST);
  }

  /** Values: namespace, repository, bearer (of that free-plan user). */
  @ProviderState("user 'hubsdk-free' on the free plan owns repository 'hubsdk-free/app'")
  Map<String, Object> freePlan() {
    hub.seedUntilReset(s -> {
      s.user("hubsdk-free", "free-password").plan(Plan.FREE);
      s.repository("hubsdk-free", "app").images(1);
    });
    return withBearer(hub.accessTokenFor("hubsdk-free"), "namespace", "hubsdk-free", "repository", "app");
  }
}
