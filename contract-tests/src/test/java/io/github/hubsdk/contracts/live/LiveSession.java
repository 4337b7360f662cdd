package io.github.hubsdk.contracts.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.openapi.api.AuthenticationApi;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.AuthTokenRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the live states of every tag share during one run: the configuration, the SDK client of the
 * configured user, its JWT, and everything the run created or changed, undone by {@link #cleanUp()} even when
 * verification fails. Access tokens are tracked here for every tag: they are credentials, and a run also
 * removes what it created but did not track by their label, and the leftovers of killed runs.
 */
public final class LiveSession {

  /** Contract-labelled tokens older than this are leftovers of runs that were killed before their clean-up. */
  static final Duration STALE_AFTER = Duration.ofHours(1);

  private record Undo(String what, Runnable action, Runnable offlineCheck) {
  }

  private final LiveConfig config;
  private final List<UUID> created = new CopyOnWriteArrayList<>();
  private final List<Undo> undo = new CopyOnWriteArrayList<>();
  private DockerHubClient sdk;
  private String jwt;
  private Instant jwtIssued;

  /** Touches nothing: {@link LiveExclusions} makes the states classes with a session that never connects. */
  public LiveSession(LiveConfig config) {
    this.config = config;
  }

  /** Logs in and, with a password, sweeps the stale tokens of killed runs. */
  void connect() {
    Credentials credentials = config.secretIsPassword() ? Credentials.password(config.username(), config.secret())
        : Credentials.personalAccessToken(config.username(), config.secret());
    sdk = DockerHubClient.builder().baseUrl(config.baseUrl()).credentials(credentials).build();
    if (config.secretIsPassword()) {
      sweepStaleTokens();
    }
  }

  public LiveConfig config() {
    return config;
  }

  public DockerHubClient sdk() {
    if (sdk == null) {
      throw new IllegalStateException("the live session is not connected");
    }
    return sdk;
  }

  /** A JWT of the configured user, obtained through the SDK; renewed well before its ten minutes are up. */
  public synchronized String jwt() {
    if (jwt == null || Instant.now().isAfter(jwtIssued.plus(Duration.ofMinutes(4)))) {
      jwt = login(config.secret());
      jwtIssued = Instant.now();
    }
    return jwt;
  }

  /** A JWT for the configured user and this secret (a password or one of its tokens). */
  public String login(String secret) {
    return sdk().api(AuthenticationApi.class)
        .createAuthToken(new AuthTokenRequest().identifier(config.username()).secret(secret)).getAccessToken();
  }

  /** A repo:read token labelled for this run, deleted in {@link #cleanUp()}. */
  public AccessToken newToken(String suffix) {
    AccessToken token = sdk().accessTokens().create(config.labelPrefix() + "-" + suffix,
        List.of(AccessTokenScope.REPO_READ));
    created.add(token.getUuid());
    return token;
  }

  /**
   * Undoes a change after the run.
   *
   * @param what for the report, e.g. "the settings of acme"
   * @param action puts it back
   * @param offlineCheck proves, against the emulator only, that it was put back
   */
  public void undoAfterRun(String what, Runnable action, Runnable offlineCheck) {
    undo.add(new Undo(what, action, offlineCheck));
  }

  static boolean isStale(AccessToken t, Instant cutoff) {
    return t.getTokenLabel() != null && t.getTokenLabel().startsWith(LiveConfig.CONTRACT_LABEL_PREFIX)
        && t.getCreatedAt() != null && t.getCreatedAt().toInstant().isBefore(cutoff);
  }

  /** Deletes the leftovers of killed runs; a failure here is reported but does not stop the verification. */
  private void sweepStaleTokens() {
    Instant cutoff = Instant.now().minus(STALE_AFTER);
    List<AccessToken> stale;
    try {
      stale = sdk.accessTokens().list().toList().stream().filter(t -> isStale(t, cutoff)).toList();
    } catch (RuntimeException e) {
      System.out.println("Live set-up: could not list access tokens to sweep stale ones: " + e.getMessage());
      return;
    }
    for (AccessToken t : stale) {
      try {
        sdk.accessTokens().delete(t.getUuid());
        System.out.println("Live set-up: deleted stale access token " + t.getUuid() + " (" + t.getTokenLabel()
            + ", created " + t.getCreatedAt() + ")");
      } catch (NotFoundException alreadyGone) {
        // swept by a concurrent run
      } catch (RuntimeException e) {
        System.out.println("Live set-up: could not delete stale access token " + t.getUuid() + ": " + e.getMessage());
      }
    }
  }

  /** Removes every token this run created (by id and by label) and undoes every registered change. */
  void cleanUp() {
    List<String> failures = new ArrayList<>();
    try {
      if (sdk == null) {
        return; // connect() failed: nothing was created
      }
      if (config.secretIsPassword()) {
        // Also what this run created but did not track (e.g. a create whose answer was lost). A failed list
        // must not skip deleting the tracked tokens and the undos below.
        try {
          for (AccessToken t : sdk.accessTokens().list()) {
            if (t.getTokenLabel() != null && t.getTokenLabel().startsWith(config.labelPrefix())
                && !created.contains(t.getUuid())) {
              created.add(t.getUuid());
            }
          }
        } catch (RuntimeException e) {
          failures.add("listing access tokens labelled " + config.labelPrefix() + ": " + e.getMessage());
        }
      }
      for (UUID uuid : created) {
        try {
          sdk.accessTokens().delete(uuid);
          System.out.println("Live clean-up: deleted access token " + uuid);
        } catch (NotFoundException alreadyGone) {
          // deleted by the deleteAccessToken interaction
        } catch (RuntimeException e) {
          failures.add("token " + uuid + ": " + e.getMessage());
        }
      }
      for (Undo u : undo) {
        try {
          u.action().run();
          System.out.println("Live clean-up: restored " + u.what());
        } catch (RuntimeException e) {
          failures.add(u.what() + ": " + e.getMessage());
        }
      }
      if (config.emulator() != null) {
        checkOffline();
      }
    } finally {
      if (sdk != null) {
        sdk.close();
      }
      if (config.emulator() != null) {
        config.emulator().close();
      }
    }
    assertThat(failures).as("live clean-up failures").isEmpty();
  }

  /** Against the emulator, proves the clean-up left nothing behind and removed nothing it should not have. */
  private void checkOffline() {
    if (config.secretIsPassword()) {
      List<AccessToken> left = sdk.accessTokens().list().toList();
      assertThat(left).noneMatch(t -> t.getTokenLabel().startsWith(config.labelPrefix()));
      // connect() swept the stale contract-labelled leftover and nothing else.
      assertThat(left).extracting(AccessToken::getTokenLabel).doesNotContain(LiveConfig.EMULATOR_STALE_LABEL)
          .contains(LiveConfig.EMULATOR_FRESH_LABEL, LiveConfig.EMULATOR_OTHER_LABEL);
    }
    undo.forEach(u -> u.offlineCheck().run());
  }
}
