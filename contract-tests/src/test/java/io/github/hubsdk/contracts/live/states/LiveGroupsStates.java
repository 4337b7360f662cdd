package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.GroupsState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.core.model.Interaction;
import io.github.hubsdk.client.OrgGroup;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import io.github.hubsdk.openapi.model.Group;
import io.github.hubsdk.openapi.model.GroupMember;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The groups states on the live Hub: a group named {@code hubsdk-contract-<run id>} in the configured
 * organization, made through the SDK when a state needs it, and deleted after the run even when
 * interactions fail (the deleteGroup interaction may have deleted it already; a later state makes it again).
 * A second name, {@code hubsdk-contract-<run id>-new}, is the one createGroup creates; it is deleted too.
 */
public final class LiveGroupsStates extends LiveStates {

  private final Set<String> registered = new LinkedHashSet<>();

  public LiveGroupsStates(LiveSession live) {
    super(live);
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    return ConsumerInteractions.states(interaction).contains(ADD_MEMBER_FAILING)
        ? Optional.of("a failure of Docker Hub's team service cannot be caused on purpose; verified against the"
            + " emulator only")
        : Optional.empty();
  }

  @State(OWNS_ORG)
  synchronized Map<String, Object> ownsOrg() {
    String name = live.config().labelPrefix() + "-new";
    deleteAfterRun(name);
    try {
      group(name).delete();
    } catch (NotFoundException absent) {
      // the usual case: createGroup has not run yet
    }
    return withBearer(live.jwt(), "org", live.config().org(), "name", name);
  }

  @State(GROUP_WITH_MEMBER)
  synchronized Map<String, Object> groupWithMember() {
    OrgGroup g = ensureGroup();
    String me = live.config().username();
    if (g.members().stream().map(GroupMember::getUsername).noneMatch(me::equals)) {
      g.addMember(me);
    }
    return values();
  }

  @State(EMPTY_GROUP)
  synchronized Map<String, Object> emptyGroup() {
    OrgGroup g = ensureGroup();
    for (GroupMember m : g.members().toList()) {
      g.removeMember(m.getUsername());
    }
    return values();
  }

  private Map<String, Object> values() {
    return withBearer(live.jwt(), "org", live.config().org(), "group", live.config().labelPrefix(), "username",
        live.config().username());
  }

  /** The run's group, made (without members) if it is not there, e.g. after the deleteGroup interaction. */
  private OrgGroup ensureGroup() {
    String name = live.config().labelPrefix();
    deleteAfterRun(name);
    OrgGroup g = group(name);
    try {
      Group existing = g.get();
      if (!"hubsdk contract team".equals(existing.getDescription())) {
        g.describe("hubsdk contract team");
      }
    } catch (NotFoundException absent) {
      live.sdk().org(live.config().org()).groups().create(name, "hubsdk contract team");
    }
    return g;
  }

  private OrgGroup group(String name) {
    return live.sdk().org(live.config().org()).group(name);
  }

  private void deleteAfterRun(String name) {
    if (registered.add(name)) {
      live.undoAfterRun("the group " + live.config().org() + "/" + name + " (deleted)", () -> {
        try {
          group(name).delete();
        } catch (NotFoundException alreadyGone) {
          // deleted by the deleteGroup interaction
        }
      }, () -> assertThat(live.sdk().org(live.config().org()).groups().list().stream().map(Group::getName))
          .doesNotContain(name));
    }
  }
}
