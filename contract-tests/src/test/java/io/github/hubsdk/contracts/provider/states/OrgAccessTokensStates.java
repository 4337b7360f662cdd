package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.OrgAccessTokensState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import java.util.Map;

/** The states of the org-access-tokens tag on the emulator. */
public final class OrgAccessTokensStates extends EmulatorStatesSupport {

  public OrgAccessTokensStates(DockerHubEmulator hub) {
    super(hub);
  }

  @State(ORG_WITH_OAT)
  Map<String, Object> orgWithOat() {
    SeededToken[] t = new SeededToken[1];
    hub.seed(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      t[0] = s.org("hubsdk-org").accessToken("ci").repository("hubsdk-org/*", "scope-image-pull").seed();
    });
    return withBearer(password(), "org", "hubsdk-org", "id", t[0].uuid().toString(), "label", "hubsdk-contract-example");
  }
}
