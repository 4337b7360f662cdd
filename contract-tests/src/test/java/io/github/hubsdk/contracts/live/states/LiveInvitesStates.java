package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.InvitesState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import io.github.hubsdk.openapi.model.Invite;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The invites states on the live Hub. Invites e-mail real people, so they are verified live only when
 * {@value #THROWAWAY} names a throw-away address the test account may invite; the states then invite it
 * and every pending invite of that address is cancelled after the run. Filling an organization with
 * invites is never done live.
 */
public final class LiveInvitesStates extends LiveStates {

  /** The environment variable naming a throw-away invitee (an e-mail address nobody uses). */
  public static final String THROWAWAY = "DOCKERHUB_THROWAWAY_INVITEE";

  private boolean cleanupRegistered;

  public LiveInvitesStates(LiveSession live) {
    super(live);
  }

  static String throwaway() {
    String v = System.getenv(THROWAWAY);
    return v == null || v.isBlank() ? null : v.trim();
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    if (ConsumerInteractions.states(interaction).contains(INVITES_FULL)) {
      return Optional.of("filling the live organization with pending invites would e-mail hundreds of people;"
          + " verified against the emulator only");
    }
    if (throwaway() == null) {
      return Optional.of("invites e-mail real people; set " + THROWAWAY + " to a throw-away address to verify"
          + " the invite interactions live");
    }
    return Optional.empty();
  }

  @State(PENDING_INVITE)
  synchronized Map<String, Object> pendingInvite() {
    String org = live.config().org();
    String invitee = throwaway();
    if (!cleanupRegistered) {
      cleanupRegistered = true;
      live.undoAfterRun("the invites of " + invitee + " to " + org, () -> cancelAll(org, invitee),
          () -> assertThat(of(org, invitee)).isEmpty());
    }
    cancelAll(org, invitee);
    // The pending invite goes to the throw-away address's +pending variant; the invitee to create is the address.
    String pending = invitee.replaceFirst("@", "+pending@");
    live.sdk().org(org).invites().invite(List.of(pending)).dryRun(false).submit();
    Invite invite = of(org, pending).get(0);
    live.undoAfterRun("the invite of " + pending + " to " + org, () -> cancelAll(org, pending),
        () -> assertThat(of(org, pending)).isEmpty());
    return withBearer(live.jwt(), "org", org, "id", invite.getId().toString(), "invitee", invitee,
        "member", live.config().username());
  }

  @State(INVITES_FULL)
  Map<String, Object> invitesFull() {
    throw new IllegalStateException("never verified live (see cannotServe)");
  }

  private List<Invite> of(String org, String invitee) {
    return live.sdk().org(org).invites().list().stream().filter(i -> invitee.equalsIgnoreCase(i.getInvitee())).toList();
  }

  private void cancelAll(String org, String invitee) {
    for (Invite i : of(org, invitee)) {
      try {
        live.sdk().org(org).invites().cancel(i.getId());
      } catch (NotFoundException alreadyGone) {
        // cancelled by the cancelInvite interaction
      }
    }
  }
}
