package io.github.hubsdk.contracts.live;

import io.github.hubsdk.contracts.live.states.LiveRepositoriesStates;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where and as whom the live verification runs. With {@code -Dhubsdk.live.target=dockerhub} (the
 * {@code live-contracts} profile) everything comes from the environment; with the default
 * {@code emulator} target the very same code runs against a hub-emulator started here, configured through
 * the same variables, so the live wiring is exercised offline on every build.
 *
 * @param baseUrl where the API is, e.g. {@code https://hub.docker.com}
 * @param username the Docker ID
 * @param secret its password, or a personal access token
 * @param secretIsPassword whether {@code secret} is a password (access-token management needs one)
 * @param namespace a namespace the user can read
 * @param repository a repository in it
 * @param org an organization the user owns
 * @param orgPlan the organization's plan as told by {@code DOCKERHUB_ORG_PLAN}, lower case, or "" if not told
 * @param runId distinguishes what this run creates: labels are {@code hubsdk-contract-<runId>...}
 * @param emulator the emulator behind {@code baseUrl} in offline mode, else null
 * @param scimToken the SCIM token of an organization with SSO ({@code DOCKERHUB_SCIM_TOKEN}), or "" when the
 *     account has none: the SCIM interactions are then excluded
 * @param scimUser an address provisioned into that organization ({@code DOCKERHUB_SCIM_USER}), or ""
 */
public record LiveConfig(String baseUrl, String username, String secret, boolean secretIsPassword, String namespace,
    String repository, String org, String orgPlan, String runId, DockerHubEmulator emulator, String scimToken,
    String scimUser) {

  /** Whether the configuration names an SSO organization with SCIM (both SCIM variables set). */
  public boolean hasScim() {
    return !scimToken.isEmpty() && !scimUser.isEmpty();
  }

  /** The variables the live profile needs. */
  public static final List<String> REQUIRED = List.of("DOCKERHUB_USERNAME", "DOCKERHUB_NAMESPACE",
      "DOCKERHUB_REPOSITORY", "DOCKERHUB_ORG");

  /** Label prefix of every access token any contract run creates. */
  public static final String CONTRACT_LABEL_PREFIX = "hubsdk-contract-";
  /** Offline: a token labelled like a contract run's, created two hours ago (a killed run's leftover). */
  static final String EMULATOR_STALE_LABEL = CONTRACT_LABEL_PREFIX + "killed-run";
  /** Offline: a contract-labelled token of a run still going (fresh), which the sweep must keep. */
  static final String EMULATOR_FRESH_LABEL = CONTRACT_LABEL_PREFIX + "concurrent-run";
  /** Offline: an old token with some other label, which the sweep must keep. */
  static final String EMULATOR_OTHER_LABEL = "ci-old";

  /** Offline: the SCIM token of the emulator's SSO organization. */
  public static final String EMULATOR_SCIM_TOKEN = "hubsdk-contract-offline-live-scim-token";
  /** Offline: the address provisioned into it. */
  static final String EMULATOR_SCIM_USER = "live.contract@example.com";

  private static LiveConfig current;

  /** The configuration of this JVM, made once. */
  public static synchronized LiveConfig current() {
    if (current == null) {
      String target = System.getProperty("hubsdk.live.target", "emulator");
      current = switch (target) {
        case "dockerhub" -> fromEnvironment(System.getenv(), null);
        case "emulator" -> againstEmulator();
        default -> throw new IllegalStateException("hubsdk.live.target must be dockerhub or emulator, was " + target);
      };
    }
    return current;
  }

  /** Label prefix of every access token this run creates. */
  public String labelPrefix() {
    return CONTRACT_LABEL_PREFIX + runId;
  }

  /**
   * Reads the configuration from environment variables.
   *
   * @throws IllegalStateException naming every missing variable, when any is missing
   */
  public static LiveConfig fromEnvironment(Map<String, String> env, DockerHubEmulator emulator) {
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      if (blank(env.get(name))) {
        missing.add(name);
      }
    }
    boolean password = !blank(env.get("DOCKERHUB_PASSWORD"));
    if (!password && blank(env.get("DOCKERHUB_TOKEN"))) {
      missing.add("DOCKERHUB_PASSWORD or DOCKERHUB_TOKEN");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Live contract verification (-Plive-contracts) needs these environment variables,"
          + " which are not set: " + String.join(", ", missing) + ". Set them to a Docker Hub account made for this"
          + " purpose (see docs/contract-testing.md), or run `mvn -B verify` without the profile for the offline"
          + " verification against the emulator.");
    }
    String base = blank(env.get("DOCKERHUB_BASE_URL")) ? "https://hub.docker.com" : env.get("DOCKERHUB_BASE_URL");
    String run = blank(env.get("GITHUB_RUN_ID")) ? Long.toString(Instant.now().getEpochSecond(), 36) + "-"
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36) : env.get("GITHUB_RUN_ID");
    return new LiveConfig(base.replaceAll("/+$", ""), env.get("DOCKERHUB_USERNAME"),
        password ? env.get("DOCKERHUB_PASSWORD") : env.get("DOCKERHUB_TOKEN"), password, env.get("DOCKERHUB_NAMESPACE"),
        env.get("DOCKERHUB_REPOSITORY"), env.get("DOCKERHUB_ORG"),
        Objects.requireNonNullElse(env.get("DOCKERHUB_ORG_PLAN"), "").trim().toLowerCase(Locale.ROOT), run, emulator,
        Objects.requireNonNullElse(env.get("DOCKERHUB_SCIM_TOKEN"), "").trim(),
        Objects.requireNonNullElse(env.get("DOCKERHUB_SCIM_USER"), "").trim());
  }

  /** An emulator set up like a live test account: the default user, an owned Business organization with history. */
  static LiveConfig againstEmulator() {
    DockerHubEmulator hub = DockerHubEmulator.builder().threads(2).seed(s -> {
      s.org("hubsdk-org", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      // An SSO organization, as DOCKERHUB_SCIM_TOKEN and DOCKERHUB_SCIM_USER describe one.
      s.scim("hubsdk-org").token(EMULATOR_SCIM_TOKEN).user(EMULATOR_SCIM_USER, "Live", "Contract");
      s.auditEvent("hubsdk-org", "repo.create", "hubsdk-org/web", DockerHubEmulator.DEFAULT_USERNAME,
          s.now().minusSeconds(3600), Map.of());
    }).start();
    // Leftovers for the stale-token sweep: seeded with the clock two hours back, so created two hours ago.
    hub.clock().advance(Duration.ofHours(-2));
    try {
      hub.seed(s -> {
        s.personalAccessToken(DockerHubEmulator.DEFAULT_USERNAME, EMULATOR_STALE_LABEL, "repo:read");
        s.personalAccessToken(DockerHubEmulator.DEFAULT_USERNAME, EMULATOR_OTHER_LABEL, "repo:read");
        s.repository(DockerHubEmulator.DEFAULT_USERNAME, LiveRepositoriesStates.EMULATOR_STALE_REPOSITORY);
      });
    } finally {
      hub.clock().advance(Duration.ofHours(2));
    }
    hub.seed(s -> {
      s.personalAccessToken(DockerHubEmulator.DEFAULT_USERNAME, EMULATOR_FRESH_LABEL, "repo:read");
      s.repository(DockerHubEmulator.DEFAULT_USERNAME, LiveRepositoriesStates.EMULATOR_FRESH_REPOSITORY);
    });
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DOCKERHUB_BASE_URL", hub.baseUrl());
    env.put("DOCKERHUB_USERNAME", DockerHubEmulator.DEFAULT_USERNAME);
    env.put("DOCKERHUB_PASSWORD", DockerHubEmulator.DEFAULT_PASSWORD);
    env.put("DOCKERHUB_NAMESPACE", DockerHubEmulator.DEFAULT_USERNAME);
    env.put("DOCKERHUB_REPOSITORY", DockerHubEmulator.DEFAULT_REPOSITORY);
    env.put("DOCKERHUB_ORG", "hubsdk-org");
    env.put("DOCKERHUB_ORG_PLAN", "business");
    env.put("DOCKERHUB_SCIM_TOKEN", EMULATOR_SCIM_TOKEN);
    env.put("DOCKERHUB_SCIM_USER", EMULATOR_SCIM_USER);
    return fromEnvironment(env, hub);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return "LiveConfig[" + baseUrl + ", user " + username + ", " + (secretIsPassword ? "password" : "token")
        + " ****, namespace " + namespace + "/" + repository + ", org " + org + " (" + orgPlan + "), SCIM "
        + (hasScim() ? "token ****, user " + scimUser : "not configured") + ", run " + runId + "]";
  }
}
