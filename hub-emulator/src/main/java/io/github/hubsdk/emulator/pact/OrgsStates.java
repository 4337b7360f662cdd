package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.Role;
import java.time.Instant;
import java.util.Map;

/** The states of the orgs tag: join dates and names fixed, so the CSV export is exact. */
public final class OrgsStates extends TagStates {

  /** The member these states seed; the pact names it. */
  public static final String MEMBER = "hubsdk-member";

  OrgsStates(DockerHubEmulator hub) {
    super(hub);
  }

  @ProviderState("organization 'hubsdk-org' has the owner 'hubsdk' and a member")
  Map<String, Object> orgWithMember() {
    hub.seedUntilReset(s -> {
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
