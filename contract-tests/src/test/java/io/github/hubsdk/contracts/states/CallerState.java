package io.github.hubsdk.contracts.states;

/**
 * Provider states about the caller rather than about one tag's data: who is logged in, with what bearer, and
 * whether the provider still serves them. Interactions of any tag may use them, alone or after a state of
 * their own tag ({@code given(AUDIT).given(RATE_LIMITED)}); {@code CallerStates} (emulator) and
 * {@code LiveCallerStates} (live) implement them. A state that interactions of two tags use belongs here.
 */
public final class CallerState {

  /** Values: username, password, label (for a token to create; live runs clean up by this label), bearer. */
  public static final String USER = "user 'hubsdk' exists with password login";
  /** The bearer is not a valid JWT; values: bearer. */
  public static final String INVALID_JWT = "the caller's JWT is not valid";
  /**
   * The next request, whatever it is, answers 429 with Retry-After 30. Sets up no caller: combine it with the
   * state that does ({@code given(USER).given(RATE_LIMITED)}).
   */
  public static final String RATE_LIMITED = "user 'hubsdk' has exhausted the rate limit";

  /** The bearer both verifications send for {@link #INVALID_JWT}: JWT-shaped, with a signature no provider accepts. */
  public static final String BAD_SIGNATURE_JWT = io.github.hubsdk.emulator.pact.CallerStates.BAD_SIGNATURE_JWT;

  private CallerState() {
  }
}
