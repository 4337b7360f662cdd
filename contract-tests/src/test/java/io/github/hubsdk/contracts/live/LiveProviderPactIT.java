package io.github.hubsdk.contracts.live;

import static io.github.hubsdk.contracts.Contract.*;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.contracts.provider.ProviderVerification;
import io.github.hubsdk.openapi.api.AuthenticationApi;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.AuthTokenRequest;
import io.github.hubsdk.openapi.model.OrgSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Verifies the pact against the live Docker Hub (profile {@code live-contracts}) or, in every default
 * build, against an emulator through exactly the same code: states create what they need through the SDK,
 * everything created is tracked and removed in {@link #cleanUp()} even when verification fails, and the
 * interactions the account cannot serve are excluded by {@link LiveExclusions}, each printed with its reason.
 */
@Provider(PROVIDER)
@Consumer(CONSUMER)
@PactFolder("target/pacts")
@PactFilter(value = "live", filter = LiveExclusions.class)
class LiveProviderPactIT extends ProviderVerification {

  private LiveConfig config;
  private DockerHubClient sdk;
  private String jwt;
  private Instant jwtIssued;
  private final List<UUID> created = new CopyOnWriteArrayList<>();
  private OrgSettings originalSettings;

  @BeforeAll
  void connect() {
    config = LiveConfig.current();
    System.out.println("Live verification against " + config);
    Credentials credentials = config.secretIsPassword() ? Credentials.password(config.username(), config.secret())
        : Credentials.personalAccessToken(config.username(), config.secret());
    sdk = DockerHubClient.builder().baseUrl(config.baseUrl()).credentials(credentials).build();
    if (config.secretIsPassword()) {
      sweepStaleTokens();
    }
  }

  /** Contract-labelled tokens older than this are leftovers of runs that were killed before their clean-up. */
  static final Duration STALE_AFTER = Duration.ofHours(1);

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

  @BeforeEach
  void target(PactVerificationContext context) {
    bearer = null;
    context.setTarget(target(config.baseUrl()));
  }

  @Override
  protected Map<String, String> excluded() {
    return LiveExclusions.excluded();
  }

  /** A JWT of the configured user, obtained through the SDK; renewed well before its ten minutes are up. */
  private String jwt() {
    if (jwt == null || Instant.now().isAfter(jwtIssued.plus(Duration.ofMinutes(4)))) {
      jwt = login(config.secret());
      jwtIssued = Instant.now();
    }
    return jwt;
  }

  private String login(String secret) {
    return sdk.api(AuthenticationApi.class)
        .createAuthToken(new AuthTokenRequest().identifier(config.username()).secret(secret)).getAccessToken();
  }

  private AccessToken newToken(String suffix) {
    AccessToken token = sdk.accessTokens().create(config.labelPrefix() + "-" + suffix, List.of(AccessTokenScope.REPO_READ));
    created.add(token.getUuid());
    return token;
  }

  @State(USER)
  Map<String, Object> user() {
    bearer = jwt();
    return values("username", config.username(), "password", config.secret(), "label", config.labelPrefix());
  }

  @State(PAT)
  Map<String, Object> pat() {
    AccessToken token = newToken("ci-token");
    bearer = jwt();
    return values("uuid", token.getUuid().toString());
  }

  @State(PAT_JWT)
  Map<String, Object> patJwt() {
    bearer = login(newToken("ci-token").getToken());
    return values();
  }

  @State(INVALID_JWT)
  Map<String, Object> invalidJwt() {
    bearer = BAD_SIGNATURE_JWT;
    return values();
  }

  @State(AUDIT)
  Map<String, Object> audit() {
    bearer = jwt();
    return values("account", config.org());
  }

  @State(ORG_BUSINESS)
  Map<String, Object> businessOrg() {
    if (originalSettings == null) {
      originalSettings = sdk.org(config.org()).settings();
    }
    bearer = jwt();
    return values("org", config.org());
  }

  @State(ORG_TEAM)
  Map<String, Object> teamOrg() {
    bearer = jwt();
    return values("org", config.org());
  }

  /** Removes every token this run created (by id and by label) and restores the org settings. */
  @AfterAll
  void cleanUp() {
    if (sdk == null) {
      return; // connect() failed: nothing was created
    }
    List<String> failures = new ArrayList<>();
    try {
      if (config.secretIsPassword()) {
        // Also what this run created but did not track (e.g. a create whose answer was lost). A failed list
        // must not skip deleting the tracked tokens and restoring the settings below.
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
      if (originalSettings != null) {
        try {
          sdk.org(config.org()).updateSettings(originalSettings);
          System.out.println("Live clean-up: restored the settings of " + config.org());
        } catch (RuntimeException e) {
          failures.add("org settings of " + config.org() + ": " + e.getMessage());
        }
      }
      if (config.emulator() != null && config.secretIsPassword()) {
        // Offline, prove the clean-up left nothing behind.
        List<AccessToken> left = sdk.accessTokens().list().toList();
        assertThat(left).noneMatch(t -> t.getTokenLabel().startsWith(config.labelPrefix()));
        // connect() swept the stale contract-labelled leftover and nothing else.
        assertThat(left).extracting(AccessToken::getTokenLabel).doesNotContain(LiveConfig.EMULATOR_STALE_LABEL)
            .contains(LiveConfig.EMULATOR_FRESH_LABEL, LiveConfig.EMULATOR_OTHER_LABEL);
        assertThat(sdk.org(config.org()).settings()).isEqualTo(originalSettings);
      }
    } finally {
      sdk.close();
      if (config.emulator() != null) {
        config.emulator().close();
      }
    }
    assertThat(failures).as("live clean-up failures").isEmpty();
  }
}
