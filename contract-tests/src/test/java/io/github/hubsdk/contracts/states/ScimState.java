package io.github.hubsdk.contracts.states;

/**
 * Provider states of the scim tag. The bearer these states return is the organization's SCIM token, not a JWT:
 * the verifications put it in the Authorization header as they do a JWT.
 */
public final class ScimState {

  /**
   * The organization has SSO with SCIM and one provisioned user. Values: bearer (the SCIM token), userId and
   * userName of that user, newUserName (an address not provisioned yet).
   */
  public static final String SCIM_ORG = "organization 'hubsdk-org' has SSO with SCIM and a provisioned user";
  /** The bearer is no SCIM token of any organization; values: bearer. */
  public static final String SCIM_INVALID_TOKEN = "the caller's SCIM token is not valid";
  /** The SCIM service fails (a 5xx) on the next request; values: bearer (a valid SCIM token). */
  public static final String SCIM_FAILING = "the SCIM service of organization 'hubsdk-org' fails";

  /** The token the consumer tests hand to the SDK: not a secret of any organization. */
  public static final String EXAMPLE_SCIM_TOKEN = "scim-example-token-not-a-secret";
  /** The SCIM token the emulator states seed; verifications send it, pacts never hold it. */
  public static final String EMULATOR_SCIM_TOKEN = "hubsdk-contract-emulator-scim-token";

  private ScimState() {
  }
}
