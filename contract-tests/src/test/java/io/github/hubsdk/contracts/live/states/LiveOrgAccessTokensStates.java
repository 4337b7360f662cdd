package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.OrgAccessTokensState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.client.OatResource;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import io.github.hubsdk.openapi.model.OrgAccessToken;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org-access-tokens states on the live Hub: tokens of the configured organization labelled
 * {@code hubsdk-contract-<run id>...}; after the run every token so labelled is deleted, also those the
 * createOrgAccessToken interaction made (their ids are not known to the states).
 */
public final class LiveOrgAccessTokensStates extends LiveStates {

  private boolean cleanupRegistered;

  public LiveOrgAccessTokensStates(LiveSession live) {
    super(live);
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    if (config.orgPlan().equals("free") || config.orgPlan().equals("personal")) {
      return Optional.of("organization access tokens need a Team or Business plan; DOCKERHUB_ORG_PLAN is '"
          + config.orgPlan() + "'");
    }
    return Optional.empty();
  }

  @State(ORG_WITH_OAT)
  synchronized Map<String, Object> orgWithOat() {
    String org = live.config().org();
    String prefix = live.config().labelPrefix();
    if (!cleanupRegistered) {
      cleanupRegistered = true;
      live.undoAfterRun("the access tokens of " + org + " labelled " + prefix, () -> deleteLabelled(org, prefix),
          () -> assertThat(labelled(org, prefix)).isEmpty());
    }
    OrgAccessToken t = live.sdk().org(org).accessTokens().create(prefix + "-oat", null,
        List.of(OatResource.repository(org + "/*", OatResource.PULL)), null);
    return withBearer(live.jwt(), "org", org, "id", t.getId().toString(), "label", prefix + "-created");
  }

  private List<OrgAccessToken> labelled(String org, String prefix) {
    return live.sdk().org(org).accessTokens().list().stream()
        .filter(t -> t.getLabel() != null && t.getLabel().startsWith(prefix)).toList();
  }

  private void deleteLabelled(String org, String prefix) {
    for (OrgAccessToken t : labelled(org, prefix)) {
      try {
        live.sdk().org(org).accessTokens().delete(t.getId());
        System.out.println("Live clean-up: deleted organization access token " + t.getId() + " (" + t.getLabel() + ")");
      } catch (NotFoundException alreadyGone) {
        // deleted by the deleteOrgAccessToken interaction
      }
    }
  }
}
