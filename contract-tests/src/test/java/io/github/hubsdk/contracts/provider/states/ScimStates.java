package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.ScimState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the scim tag; implemented in {@link io.github.hubsdk.emulator.pact.ScimStates}. */
public final class ScimStates extends EmulatorStatesSupport {

  public ScimStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(SCIM_ORG)
  Map<String, Object> ssoOrg(Map<String, Object> params) {
    return setup(SCIM_ORG, params);
  }

  @State(SCIM_INVALID_TOKEN)
  Map<String, Object> invalidToken(Map<String, Object> params) {
    return setup(SCIM_INVALID_TOKEN, params);
  }

  @State(SCIM_FAILING)
  Map<String, Object> failing(Map<String, Object> params) {
    return setup(SCIM_FAILING, params);
  }
}
