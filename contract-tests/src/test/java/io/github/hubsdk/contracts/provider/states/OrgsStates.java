package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.OrgsState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the orgs tag; implemented in {@link io.github.hubsdk.emulator.pact.OrgsStates}. */
public final class OrgsStates extends EmulatorStatesSupport {

  public OrgsStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(ORG_WITH_MEMBER)
  Map<String, Object> orgWithMember(Map<String, Object> params) {
    return setup(ORG_WITH_MEMBER, params);
  }
}
