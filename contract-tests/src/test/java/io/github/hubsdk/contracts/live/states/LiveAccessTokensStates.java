package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.AccessTokensState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import io.github.hubsdk.openapi.model.AccessToken;
import java.util.Map;
import java.util.Optional;

/** The access-tokens states on the live Hub: tokens of this run, removed by the session's clean-up. */
public final class LiveAccessTokensStates extends LiveStates {

  public LiveAccessTokensStates(LiveSession live) {
    super(live);
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    if (!config.secretIsPassword()) {
      return Optional.of("managing access tokens needs a password login, and DOCKERHUB_TOKEN is a personal access"
          + " token (set DOCKERHUB_PASSWORD to verify these)");
    }
    return Optional.empty();
  }

  @State(PAT)
  Map<String, Object> pat() {
    AccessToken token = live.newToken("ci-token");
    return withBearer(live.jwt(), "uuid", token.getUuid().toString());
  }

  @State(PAT_JWT)
  Map<String, Object> patJwt() {
    return withBearer(live.login(live.newToken("ci-token").getToken()));
  }
}
