package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.ImagesState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The states of the images tag on the emulator. */
public final class ImagesStates extends EmulatorStatesSupport {

  static final String TAGGED_DIGEST = "sha256:" + "ab".repeat(32);
  static final String OLD_DIGEST = "sha256:" + "cd".repeat(32);
  static final String BUSY_DIGEST = "sha256:" + "ef".repeat(32);

  public ImagesStates(DockerHubEmulator hub) {
    super(hub);
  }

  private Map<String, Object> example(String digest) {
    return withBearer(password(), "namespace", "hubsdk", "repository", "example", "digest", digest);
  }

  @State(IMAGES)
  Map<String, Object> images() {
    Instant now = hub.clock().instant();
    hub.seed(s -> s.repository("hubsdk", "example").image(TAGGED_DIGEST, now.minus(Duration.ofDays(1)), null,
        "latest", "1.4"));
    return example(TAGGED_DIGEST);
  }

  @State(IMAGE_DELETABLE)
  Map<String, Object> deletableImage() {
    Instant now = hub.clock().instant();
    hub.seed(s -> s.repository("hubsdk", "example").image(OLD_DIGEST, now.minus(Duration.ofDays(90)), null));
    return example(OLD_DIGEST);
  }

  @State(IMAGE_BUSY)
  Map<String, Object> busyImage() {
    Instant now = hub.clock().instant();
    hub.seed(s -> s.repository("hubsdk", "example").image(BUSY_DIGEST, now.minus(Duration.ofHours(1)), null, "edge"));
    return example(BUSY_DIGEST);
  }

  @State(FREE_PLAN)
  Map<String, Object> freePlan() {
    hub.seed(s -> {
      s.user("hubsdk-free", "free-password").plan(Plan.FREE);
      s.repository("hubsdk-free", "app").images(1);
    });
    return withBearer(hub.accessTokenFor("hubsdk-free"), "namespace", "hubsdk-free", "repository", "app");
  }
}
