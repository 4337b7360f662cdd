package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.util.Map;
import java.util.UUID;

/** The states of the invites tag. */
public final class InvitesStates extends TagStates {

  private static final String PENDING = "pending@example.com";

  InvitesStates(DockerHubEmulator hub) {
    super(hub);
  }

  @ProviderState("organization 'hubsdk-org' has a pending invite")
  Map<String, Object> pendingInvite() {
    UUID[] id = new UUID[1];
    hub.seedUntilReset(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      id[0] = s.org("hubsdk-org").invite(PENDING, DockerHubEmulator.DEFAULT_USERNAME).pendingInvite(PENDING);
    });
    return withBearer(password(), "org", "hubsdk-org", "id", id[0].toString(), "invitee", "hubsdk-invitee@example.com",
        "member", DockerHubEmulator.DEFAULT_USERNAME);
  }

  @ProviderState("organization 'hubsdk-org' has the most pending invites it may have")
  Map<String, Object> invitesFull() {
    hub.seedUntilReset(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      for (int i = 0; i < 500; i++) {
        s.org("hubsdk-org").invite("pending-" + i + "@example.com", DockerHubEmulator.DEFAULT_USERNAME);
      }
    });
    return withBearer(password(), "org", "hubsdk-org", "invitee", "hubsdk-invitee@example.com");
  }
}
