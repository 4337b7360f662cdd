package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import java.util.Map;

/** The states of the org-access-tokens tag. */
public final class OrgAccessTokensStates extends TagStates {

  OrgAccessTokensStates(DockerHubEmulator hub) {
    super(hub);
  }

  @ProviderState("organization 'hubsdk-org' owned by 'hubsdk' has an access token")
  Map<String, Object> orgWithOat() {
    SeededToken[] t = new SeededToken[1];
    hub.seedUntilReset(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      t[0] = s.org("hubsdk-org").accessToken("ci").repository("hubsdk-org/*", "scope-image-pull").seed();
    });
    return withBearer(password(), "org", "hubsdk-org", "id", t[0].uuid().toString(), "label", "hubsdk-contract-example");
  }
}
