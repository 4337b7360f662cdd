package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.ImagesState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the images tag; implemented in {@link io.github.hubsdk.emulator.pact.ImagesStates}. */
public final class ImagesStates extends EmulatorStatesSupport {

  public ImagesStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(IMAGES)
  Map<String, Object> images(Map<String, Object> params) {
    return setup(IMAGES, params);
  }

  @State(IMAGE_DELETABLE)
  Map<String, Object> deletableImage(Map<String, Object> params) {
    return setup(IMAGE_DELETABLE, params);
  }

  @State(IMAGE_BUSY)
  Map<String, Object> busyImage(Map<String, Object> params) {
    return setup(IMAGE_BUSY, params);
  }

  @State(FREE_PLAN)
  Map<String, Object> freePlan(Map<String, Object> params) {
    return setup(FREE_PLAN, params);
  }
}
