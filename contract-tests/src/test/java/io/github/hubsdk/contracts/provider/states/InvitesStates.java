package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.InvitesState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.util.Map;
import java.util.UUID;

/** The states of the invites tag on the emulator. */
public final class InvitesStates extends EmulatorStatesSupport {

  private static final String PENDING = "pending@example.com";

  public InvitesStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(PENDING_INVITE)
  Map<String, Object> pendingInvite() {
    UUID[] id = new UUID[1];
    hub.seed(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      id[0] = s.org("hubsdk-org").invite(PENDING, DockerHubEmulator.DEFAULT_USERNAME).pendingInvite(PENDING);
    });
    return withBearer(password(), "org", "hubsdk-org", "id", id[0].toString(), "invitee", "hubsdk-invitee@example.com",
        "member", DockerHubEmulator.DEFAULT_USERNAME);
  }

  @State(INVITES_FULL)
  Map<String, Object> invitesFull() {
    hub.seed(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      for (int i = 0; i < 500; i++) {
        s.org("hubsdk-org").invite("pending-" + i + "@example.com", DockerHubEmulator.DEFAULT_USERNAME);
      }
    });
    return withBearer(password(), "org", "hubsdk-org", "invitee", "hubsdk-invitee@example.com");
  }
}
