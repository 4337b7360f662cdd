package io.github.hubsdk.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The demo seed the standalone emulator serves (and {@code @EnableDockerHubEmulator(seedDemo = true)}
 * adds): user {@value #USERNAME} / {@value #PASSWORD} (Pro), organization {@value #ORG} (Business, owner
 * {@value #USERNAME}, member {@code hubsdk} when the default seed is there), repository
 * {@value #ORG}/{@value #REPOSITORY} with {@value #IMAGES} images, two personal access tokens of
 * {@value #USERNAME} ({@code demo-ci} repo:write, {@code demo-old-laptop} inactive repo:read) and a short
 * audit history.
 *
 * <pre>{@code
 * DockerHubEmulator hub = DockerHubEmulator.builder().seed(DemoSeed::apply).start();
 * }</pre>
 */
public final class DemoSeed {

  /** The demo seed's user. */
  public static final String USERNAME = "demo";
  /** The demo seed's user's password. */
  public static final String PASSWORD = "demo-password";
  /** The demo seed's organization (Business plan, owned by {@value #USERNAME}). */
  public static final String ORG = "demo-org";
  /** The demo seed's repository in {@value #ORG}, with {@value #IMAGES} images. */
  public static final String REPOSITORY = "demo-app";
  /** Images in the demo repository. */
  public static final int IMAGES = 300;

  private DemoSeed() {}

  /**
   * Adds the demo seed.
   *
   * @param s the seeder
   */
  public static void apply(Seeder s) {
    s.user(USERNAME, PASSWORD).plan(Plan.PRO);
    Seeder.OrgSeeder org = s.org(ORG, Plan.BUSINESS).owners(USERNAME);
    try {
      org.members(DockerHubEmulator.DEFAULT_USERNAME);
    } catch (IllegalArgumentException noDefaultUser) {
      // built without the default seed: the org simply has no extra member
    }
    s.repository(ORG, REPOSITORY).description("The demo application").pullCount(48_211).starCount(12)
        .categories("Web servers").images(IMAGES);
    s.personalAccessToken(USERNAME, "demo-ci", "repo:write");
    s.personalAccessToken(USERNAME, "demo-old-laptop", null, false, "repo:read");
    Instant now = s.now();
    String repo = ORG + "/" + REPOSITORY;
    s.auditEvent(ORG, "org.create", ORG, USERNAME, now.minus(Duration.ofDays(400)), Map.of(),
        "created the organization " + ORG);
    s.auditEvent(ORG, "repo.create", repo, USERNAME, now.minus(Duration.ofDays(399)), Map.of(),
        "created the repository " + repo);
    s.auditEvent(ORG, "repo.tag.push", repo, USERNAME, now.minus(Duration.ofDays(3)),
        Map.of("tag", "1.0", "digest", "sha256:" + "ab".repeat(32)),
        "pushed the tag 1.0 with the digest sha256:abababababab to the repository " + repo);
    s.auditEvent(ORG, "repo.tag.push", repo, USERNAME, now.minus(Duration.ofHours(5)),
        Map.of("tag", "latest", "digest", "sha256:" + "cd".repeat(32)),
        "pushed the tag latest with the digest sha256:cdcdcdcdcdcd to the repository " + repo);
  }
}
