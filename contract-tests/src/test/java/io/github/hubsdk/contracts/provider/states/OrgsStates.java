package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.OrgsState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.Role;
import java.time.Instant;
import java.util.Map;

/** The states of the orgs tag on the emulator: join dates and names fixed, so the CSV export is exact. */
public final class OrgsStates extends EmulatorStatesSupport {

  public OrgsStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(ORG_WITH_MEMBER)
  Map<String, Object> orgWithMember() {
    hub.seed(s -> {
      s.user(MEMBER, "hubsdk-member-password");
      s.profile(MEMBER).fullName("Member, Hub \"SDK\"");
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      s.org("hubsdk-org").member(MEMBER, Role.MEMBER)
          .email(DockerHubEmulator.DEFAULT_USERNAME, "hubsdk@example.com").email(MEMBER, "member@example.com")
          .joinedAt(DockerHubEmulator.DEFAULT_USERNAME, Instant.parse("2026-01-01T00:00:00Z"))
          .joinedAt(MEMBER, Instant.parse("2026-01-14T10:12:45.873412Z"));
    });
    return withBearer(password(), "org", "hubsdk-org", "owner", DockerHubEmulator.DEFAULT_USERNAME, "username", MEMBER);
  }
}
