package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.OrgsState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The orgs (members) states on the live Hub. Only reads are verified live: changing a role or removing a
 * member would touch a real person (a removed member cannot be put back without them accepting a new
 * invite), and the export is matched byte for byte against the emulator's fixed members.
 */
public final class LiveOrgsStates extends LiveStates {

  private static final Set<String> EMULATOR_ONLY = Set.of("updateOrgMember", "removeOrgMember", "exportOrgMembers");

  public LiveOrgsStates(LiveSession live) {
    super(live);
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    String op = interaction.getDescription().split(":", 2)[0];
    if (op.equals("exportOrgMembers")) {
      return Optional.of("the export is matched byte for byte against the emulator's fixed members; verified"
          + " against the emulator only");
    }
    if (EMULATOR_ONLY.contains(op)) {
      return Optional.of("changing or removing a member of the live organization would touch a real person;"
          + " verified against the emulator only");
    }
    return Optional.empty();
  }

  @State(ORG_WITH_MEMBER)
  Map<String, Object> orgWithMember() {
    LiveConfig c = live.config();
    return withBearer(live.jwt(), "org", c.org(), "owner", c.username(), "username", c.username());
  }
}
