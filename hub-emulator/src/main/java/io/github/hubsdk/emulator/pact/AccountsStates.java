package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.util.Map;

/** The states of the accounts tag. */
public final class AccountsStates extends TagStates {

  AccountsStates(DockerHubEmulator hub) {
    super(hub);
  }

  /** Values: username, org, bearer. */
  @ProviderState("user 'hubsdk' belongs to organization 'hubsdk-org'")
  Map<String, Object> memberOfOrg() {
    hub.seedUntilReset(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      s.profile("hubsdk-org").fullName("hubsdk contract organization");
    });
    return withBearer(password(), "username", DockerHubEmulator.DEFAULT_USERNAME, "org", "hubsdk-org");
  }
}
