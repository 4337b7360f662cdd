package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.RepositoriesState.*;
import static io.github.hubsdk.contracts.states.RepositoryGroupsState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.client.RepositoryGroups;
import io.github.hubsdk.client.RepositoryOperations;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import io.github.hubsdk.openapi.model.RepositorySummary;
import io.github.hubsdk.openapi.model.Group;
import io.github.hubsdk.openapi.model.RepositoryGroupPermission;
import io.github.hubsdk.openapi.model.RepositoryTag;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The repositories states on the live Hub. Reads use the configured {@code DOCKERHUB_NAMESPACE/DOCKERHUB_REPOSITORY}
 * and never change it; every write goes to repositories of this run ({@code hubsdk-contract-<run id>} and
 * {@code hubsdk-contract-<run id>-new} in the test namespace), which the session deletes after the run, also
 * when verification fails. A team's permission needs an organization's repository: the states of the
 * repository-group operations make a public repository and a group, both {@code hubsdk-contract-<run id>-teams},
 * in the configured {@code DOCKERHUB_ORG}, and delete both after the run.
 */
public final class LiveRepositoriesStates extends LiveStates {

  /** Offline: a contract repository of a killed run, registered two hours ago (seeded by {@link LiveConfig}). */
  public static final String EMULATOR_STALE_REPOSITORY = LiveConfig.CONTRACT_LABEL_PREFIX + "killed-run";
  /** Offline: a contract repository of a run still going, which the sweep must keep. */
  public static final String EMULATOR_FRESH_REPOSITORY = LiveConfig.CONTRACT_LABEL_PREFIX + "concurrent-run";

  static final String NEEDS_A_PUSH = "needs a tag in a repository this run created, and pushing one takes the registry"
      + " API (docker push), which the live verification does not drive; verified against the emulator only";

  /** Contract repositories older than this are leftovers of runs that were killed before their clean-up. */
  static final Duration STALE_AFTER = Duration.ofHours(1);

  private final Set<String> tracked = new HashSet<>();
  private boolean swept;
  private Long teamId;

  public LiveRepositoriesStates(LiveSession live) {
    super(live);
  }

  @Override
  public Optional<String> cannotServe(Interaction interaction, LiveConfig config) {
    List<String> states = ConsumerInteractions.states(interaction);
    if (states.contains(SCRATCH_TAGGED) || states.contains(SCRATCH_TAGGED_PAT) || states.contains(SCRATCH_IMMUTABLE)) {
      return Optional.of(NEEDS_A_PUSH);
    }
    if (states.contains(REPOSITORY_FAILING)) {
      return Optional.of("a failure of Docker Hub's repository service cannot be caused on purpose; verified against"
          + " the emulator only");
    }
    return Optional.empty();
  }

  @State(REPOSITORY)
  Map<String, Object> repository() {
    LiveConfig c = live.config();
    String tag = live.sdk().repository(c.namespace(), c.repository()).tags().list().stream().findFirst()
        .map(RepositoryTag::getName)
        .orElseThrow(() -> new IllegalStateException("DOCKERHUB_REPOSITORY " + c.namespace() + "/" + c.repository()
            + " has no tag; the repository contracts need one"));
    return withBearer(live.jwt(), "namespace", c.namespace(), "repository", c.repository(), "tag", tag);
  }

  /** The run's repository, public, without immutable rules: created on first use, reset on every later one. */
  @State(SCRATCH)
  synchronized Map<String, Object> scratch() {
    String name = live.config().labelPrefix();
    RepositoryOperations repo = live.sdk().repository(live.config().namespace(), name);
    sweepStale();
    track(name);
    if (!repo.exists()) {
      live.sdk().repositories(live.config().namespace()).create(name);
    } else {
      repo.setPrivate(false);
      repo.immutableTags().update(false, List.of());
    }
    return withBearer(live.jwt(), "namespace", live.config().namespace(), "repository", name);
  }

  /** A name no repository has; the createRepository interaction creates it, the session deletes it. */
  @State(NEW_NAME)
  synchronized Map<String, Object> newName() {
    String name = live.config().labelPrefix() + "-new";
    RepositoryOperations repo = live.sdk().repository(live.config().namespace(), name);
    sweepStale();
    track(name);
    if (repo.exists()) {
      repo.delete(repo.fullName());
    }
    return withBearer(live.jwt(), "namespace", live.config().namespace(), "name", name);
  }

  /**
   * Once per run, before the first write: deletes the contract repositories ({@code hubsdk-contract-*}) of
   * other runs registered more than {@link #STALE_AFTER} ago, left behind by runs killed before their
   * clean-up. A failure is printed and does not stop the verification. Against the emulator the offline
   * check proves it removed the stale one and kept a fresh one of a concurrent run.
   */
  private void sweepStale() {
    if (swept) {
      return;
    }
    swept = true;
    String ns = live.config().namespace();
    Instant cutoff = Instant.now().minus(STALE_AFTER);
    try {
      for (RepositorySummary r : live.sdk().repositories(ns).list(LiveConfig.CONTRACT_LABEL_PREFIX, null).toList()) {
        if (r.getName() != null && r.getName().startsWith(LiveConfig.CONTRACT_LABEL_PREFIX)
            && !r.getName().startsWith(live.config().labelPrefix()) && r.getDateRegistered() != null
            && r.getDateRegistered().toInstant().isBefore(cutoff)) {
          RepositoryOperations stale = live.sdk().repository(ns, r.getName());
          stale.delete(stale.fullName());
          System.out.println("Live set-up: deleted stale repository " + stale.fullName() + " (registered "
              + r.getDateRegistered() + ")");
        }
      }
    } catch (RuntimeException e) {
      System.out.println("Live set-up: could not sweep stale contract repositories of " + ns + ": " + e.getMessage());
    }
    if (live.config().emulator() != null) {
      live.undoAfterRun(ns + " without stale contract repositories (checked offline only)", () -> { },
          () -> {
            assertThat(live.sdk().repository(ns, EMULATOR_STALE_REPOSITORY).exists()).isFalse();
            assertThat(live.sdk().repository(ns, EMULATOR_FRESH_REPOSITORY).exists()).isTrue();
          });
    }
  }

  /** Has the session delete the repository after the run (gone already is fine), and check it offline. */
  private void track(String name) {
    if (tracked.add(name)) {
      String ns = live.config().namespace();
      live.undoAfterRun(ns + " without the repository " + name + " of this run", () -> {
        RepositoryOperations repo = live.sdk().repository(ns, name);
        try {
          repo.delete(repo.fullName());
        } catch (NotFoundException alreadyGone) {
          // deleted by the deleteRepository interaction
        }
      }, () -> assertThat(live.sdk().repository(ns, name).exists()).isFalse());
    }
  }

  @State(REPO_AND_GROUP)
  synchronized Map<String, Object> repoAndGroup() {
    long id = team();
    RepositoryGroups groups = live.sdk().repository(live.config().org(), teamName()).groups();
    if (groups.find(id).isPresent()) {
      groups.revoke(id);
    }
    return teamValues(id);
  }

  @State(GROUP_CAN_WRITE)
  synchronized Map<String, Object> groupCanWrite() {
    long id = team();
    live.sdk().repository(live.config().org(), teamName()).groups().grant(id, RepositoryGroupPermission.WRITE);
    return teamValues(id);
  }

  private Map<String, Object> teamValues(long id) {
    return withBearer(live.jwt(), "namespace", live.config().org(), "repository", teamName(), "group_id", id);
  }

  private String teamName() {
    return live.config().labelPrefix() + "-teams";
  }

  /** The run's organization repository and group, made once; the session deletes both after the run. */
  private long team() {
    if (teamId == null) {
      String org = live.config().org();
      String name = teamName();
      live.undoAfterRun("the repository " + org + "/" + name + " of this run", () -> {
        RepositoryOperations repo = live.sdk().repository(org, name);
        try {
          repo.delete(repo.fullName());
        } catch (NotFoundException alreadyGone) {
          // never made
        }
      }, () -> assertThat(live.sdk().repository(org, name).exists()).isFalse());
      live.undoAfterRun("the group " + org + "/" + name + " of this run", () -> {
        try {
          live.sdk().org(org).group(name).delete();
        } catch (NotFoundException alreadyGone) {
          // never made
        }
      }, () -> assertThat(live.sdk().org(org).groups().list().stream().map(Group::getName)).doesNotContain(name));
      if (!live.sdk().repository(org, name).exists()) {
        live.sdk().repositories(org).create(name);
      }
      teamId = live.sdk().org(org).groups().create(name, "hubsdk contract run (team permissions)").getId();
    }
    return teamId;
  }
}
