package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.InvitesState.*;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.util.Map;

/** In-process binding of the states of the invites tag; implemented in {@link io.github.hubsdk.emulator.pact.InvitesStates}. */
public final class InvitesStates extends EmulatorStatesSupport {

  public InvitesStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(PENDING_INVITE)
  Map<String, Object> pendingInvite(Map<String, Object> params) {
    return setup(PENDING_INVITE, params);
  }

  @State(INVITES_FULL)
  Map<String, Object> invitesFull(Map<String, Object> params) {
    return setup(INVITES_FULL, params);
  }
}
