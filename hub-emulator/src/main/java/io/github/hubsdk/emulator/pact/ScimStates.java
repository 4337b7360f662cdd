package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.util.Map;

/** The states of the scim tag: an SSO organization with its SCIM token and one user. */
public final class ScimStates extends TagStates {

  /** The SCIM token these states seed; verifications send it as the bearer, pacts never hold it. */
  public static final String EMULATOR_SCIM_TOKEN = "hubsdk-contract-emulator-scim-token";
  static final String USER = "jane.doe@example.com";
  static final String NEW_USER = "hubsdk-contract-new@example.com";

  ScimStates(DockerHubEmulator hub) {
    super(hub);
  }

  private String seedSso() {
    String[] id = new String[1];
    hub.seedUntilReset(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      id[0] = s.scim("hubsdk-org").token(EMULATOR_SCIM_TOKEN).user(USER, "Jane", "Doe").idOf(USER);
    });
    return id[0];
  }

  @ProviderState("organization 'hubsdk-org' has SSO with SCIM and a provisioned user")
  Map<String, Object> ssoOrg() {
    String id = seedSso();
    return withBearer(EMULATOR_SCIM_TOKEN, "userId", id, "userName", USER, "newUserName", NEW_USER);
  }

  @ProviderState("the caller's SCIM token is not valid")
  Map<String, Object> invalidToken() {
    seedSso();
    return withBearer("not-the-scim-token-of-any-org");
  }

  /** The emulator cannot fail on its own: an expectation answers a SCIM 500 once. */
  @ProviderState("the SCIM service of organization 'hubsdk-org' fails")
  Map<String, Object> failing() {
    seedSso();
    hub.expect().operation("listScimUsers").andReturn(500, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
        + "Error\"],\"status\":\"500\",\"detail\":\"internal error\"}", Map.of("Content-Type", "application/scim+json"))
        .once();
    return withBearer(EMULATOR_SCIM_TOKEN);
  }
}
