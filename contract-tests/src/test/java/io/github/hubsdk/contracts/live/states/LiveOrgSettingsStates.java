package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.OrgSettingsState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import io.github.hubsdk.openapi.model.OrgSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The org-settings states on the live Hub: the configured organization, its settings put back after the run. */
public final class LiveOrgSettingsStates extends LiveStates {

  private OrgSettings original;

  public LiveOrgSettingsStates(LiveSession live) {
    super(live);
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    List<String> states = ConsumerInteractions.states(interaction);
    if (states.contains(ORG_BUSINESS) && !config.orgPlan().equals("business")) {
      return Optional.of("restricted images needs an organization on the Business plan; DOCKERHUB_ORG_PLAN is '"
          + config.orgPlan() + "' (set it to business when DOCKERHUB_ORG has that plan)");
    }
    if (states.contains(ORG_TEAM) && (config.orgPlan().isEmpty() || config.orgPlan().equals("business"))) {
      return Optional.of("needs an organization without the Business plan; DOCKERHUB_ORG_PLAN is '" + config.orgPlan()
          + "' (set it to team or free when DOCKERHUB_ORG has that plan)");
    }
    return Optional.empty();
  }

  /** Reads the settings before the first interaction that may change them, and has them put back after the run. */
  @State(ORG_BUSINESS)
  synchronized Map<String, Object> businessOrg() {
    String org = live.config().org();
    if (original == null) {
      OrgSettings before = live.sdk().org(org).settings();
      original = before;
      live.undoAfterRun("the settings of " + org, () -> live.sdk().org(org).updateSettings(before),
          () -> assertThat(live.sdk().org(org).settings()).isEqualTo(before));
    }
    return withBearer(live.jwt(), "org", org);
  }

  @State(ORG_TEAM)
  Map<String, Object> teamOrg() {
    return withBearer(live.jwt(), "org", live.config().org());
  }
}
