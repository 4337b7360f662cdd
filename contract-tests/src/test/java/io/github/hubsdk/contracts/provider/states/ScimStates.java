package io.github.hubsdk.contracts.provider.states;

import static io.github.hubsdk.contracts.states.ScimState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.util.Map;

/** The states of the scim tag on the emulator: an SSO organization with its SCIM token and one user. */
public final class ScimStates extends EmulatorStatesSupport {

  static final String USER = "jane.doe@example.com";
  static final String NEW_USER = "hubsdk-contract-new@example.com";

  public ScimStates(DockerHubEmulator hub) {
    super(hub);
  }

  private String seedSso() {
    String[] id = new String[1];
    hub.seed(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      id[0] = s.scim("hubsdk-org").token(EMULATOR_SCIM_TOKEN).user(USER, "Jane", "Doe").idOf(USER);
    });
    return id[0];
  }

  @State(SCIM_ORG)
  Map<String, Object> ssoOrg() {
    String id = seedSso();
    return withBearer(EMULATOR_SCIM_TOKEN, "userId", id, "userName", USER, "newUserName", NEW_USER);
  }

  @State(SCIM_INVALID_TOKEN)
  Map<String, Object> invalidToken() {
    seedSso();
    return withBearer("not-the-scim-token-of-any-org");
  }

  /** The emulator cannot fail on its own: an expectation answers a SCIM 500 once. */
  @State(SCIM_FAILING)
  Map<String, Object> failing() {
    seedSso();
    hub.expect().operation("listScimUsers").andReturn(500, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
        + "Error\"],\"status\":\"500\",\"detail\":\"internal error\"}", Map.of("Content-Type", "application/scim+json"))
        .once();
    return withBearer(EMULATOR_SCIM_TOKEN);
  }
}
