package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.ScimState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.client.Scim;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import io.github.hubsdk.openapi.model.ScimUser;
import java.util.Map;
import java.util.Optional;

/**
 * The scim states on the live Hub: only for an account configured with an SSO organization
 * ({@code DOCKERHUB_SCIM_TOKEN}, its SCIM token, and {@code DOCKERHUB_SCIM_USER}, an address provisioned into
 * it). The run provisions one address of its own ({@code hubsdk-contract-<run id>@<that address's domain>});
 * SCIM has no delete, so the clean-up deactivates it (frees its seat).
 */
public final class LiveScimStates extends LiveStates {

  private String newUserName;

  public LiveScimStates(LiveSession live) {
    super(live);
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    if (ConsumerInteractions.states(interaction).contains(SCIM_FAILING)) {
      return Optional.of("a failure of Docker Hub's SCIM service cannot be caused on purpose; verified against the"
          + " emulator only");
    }
    if (!config.hasScim()) {
      return Optional.of("SCIM needs an organization with single sign-on: set DOCKERHUB_SCIM_TOKEN (its SCIM token)"
          + " and DOCKERHUB_SCIM_USER (an address provisioned into it) when the test account has one");
    }
    return Optional.empty();
  }

  private Scim scim() {
    return live.sdk().scim(live.config().scimToken());
  }

  /** The address this run provisions; its deactivation is registered the first time. */
  private synchronized String newUserName() {
    if (newUserName == null) {
      String user = live.config().scimUser();
      String address = LiveConfig.CONTRACT_LABEL_PREFIX + live.config().runId() + user.substring(user.lastIndexOf('@'));
      newUserName = address;
      live.undoAfterRun("the SCIM user " + address + " (deactivated)",
          () -> scim().findByUserName(address).ifPresent(u -> scim().deactivate(u.getId().toString())),
          () -> assertThat(scim().findByUserName(address)).get().extracting(ScimUser::getActive).isEqualTo(false));
    }
    return newUserName;
  }

  @State(SCIM_ORG)
  Map<String, Object> ssoOrg() {
    String user = live.config().scimUser();
    ScimUser existing = scim().findByUserName(user).orElseThrow(() -> new IllegalStateException(
        "DOCKERHUB_SCIM_USER is not provisioned into the organization of DOCKERHUB_SCIM_TOKEN"));
    return withBearer(live.config().scimToken(), "userId", existing.getId().toString(), "userName",
        existing.getUserName(), "newUserName", newUserName());
  }

  @State(SCIM_INVALID_TOKEN)
  Map<String, Object> invalidToken() {
    return withBearer("hubsdk-contract-not-a-scim-token");
  }
}
