package io.github.hubsdk.contracts.live.states;

import static io.github.hubsdk.contracts.states.RepositoriesState.*;
import static io.github.hubsdk.contracts.states.StateValues.withBearer;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.client.RepositoryOperations;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.live.LiveConfig;
import io.github.hubsdk.contracts.live.LiveSession;
import io.github.hubsdk.openapi.model.RepositoryTag;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The repositories states on the live Hub. Reads use the configured {@code DOCKERHUB_NAMESPACE/DOCKERHUB_REPOSITORY}
 * and never change it; every write goes to repositories of this run ({@code hubsdk-contract-<run id>} and
 * {@code hubsdk-contract-<run id>-new} in the test namespace), which the session deletes after the run, also
 * when verification fails.
 */
public final class LiveRepositoriesStates extends LiveStates {

  static final String NEEDS_A_PUSH = "needs a tag in a repository this run created, and pushing one takes the registry"
      + " API (docker push), which the live verification does not drive; verified against the emulator only";

  private final Set<String> tracked = new HashSet<>();

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
    track(name);
    if (repo.exists()) {
      repo.delete(repo.fullName());
    }
    return withBearer(live.jwt(), "namespace", live.config().namespace(), "name", name);
  }

  /** Has the session delete the repository after the run (gone already is fine), and check it offline. */
  private void track(String name) {
    if (tracked.add(name)) {
      String ns = live.config().namespace();
      live.undoAfterRun("the repository " + ns + "/" + name + " of this run", () -> {
        RepositoryOperations repo = live.sdk().repository(ns, name);
        try {
          repo.delete(repo.fullName());
        } catch (NotFoundException alreadyGone) {
          // deleted by the deleteRepository interaction
        }
      }, () -> assertThat(live.sdk().repository(ns, name).exists()).isFalse());
    }
  }
}
