package io.github.hubsdk.emulator;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone ({@code java -jar hubsdk-emulator-<version>-standalone.jar [--port N]
 * [--bind ADDRESS]}) with the default seed plus the demo seed, so curl and non-Java tools can use it.
 * Prints the base URL and the demo credentials, then serves until the process is stopped.
 */
public final class Main {

  /** Port used when {@code --port} is not given. */
  public static final int DEFAULT_PORT = 5555;
  /** The demo seed's user. */
  public static final String DEMO_USERNAME = "demo";
  /** The demo seed's user's password. */
  public static final String DEMO_PASSWORD = "demo-password";
  /** The demo seed's organization (Business plan, owned by {@value #DEMO_USERNAME}). */
  public static final String DEMO_ORG = "demo-org";
  /** The demo seed's repository in {@value #DEMO_ORG}, with {@value #DEMO_IMAGES} images. */
  public static final String DEMO_REPOSITORY = "demo-app";
  /** Images in the demo repository. */
  public static final int DEMO_IMAGES = 300;

  private Main() {}

  /**
   * Starts the emulator and blocks until the JVM is stopped.
   *
   * @param args {@code --port N} (default {@value #DEFAULT_PORT}, 0 for any free port), {@code --bind ADDRESS}
   *     (default loopback)
   * @throws InterruptedException if interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    DockerHubEmulator emulator;
    try {
      emulator = start(System.out, args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: java -jar hubsdk-emulator-standalone.jar [--port N] [--bind ADDRESS]");
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "hub-emulator-shutdown"));
    stopped.await();
  }

  /**
   * Parses the arguments, starts a demo-seeded emulator and prints how to use it; the caller closes it.
   *
   * @param out where to print the banner
   * @param args the command-line arguments
   * @return the running emulator
   * @throws IllegalArgumentException for unknown or malformed arguments
   */
  public static DockerHubEmulator start(PrintStream out, String... args) {
    int port = DEFAULT_PORT;
    InetAddress bind = InetAddress.getLoopbackAddress();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (arg) {
        case "--port" -> {
          try {
            port = Integer.parseInt(require(arg, value));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number: " + value);
          }
          i++;
        }
        case "--bind" -> {
          try {
            bind = InetAddress.getByName(require(arg, value));
          } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind needs an address: " + value);
          }
          i++;
        }
        default -> throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    DockerHubEmulator emulator = DockerHubEmulator.builder().port(port).bindAddress(bind).seed(Main::demoSeed).start();
    out.println("Docker Hub emulator listening on " + emulator.baseUrl());
    out.println("  user " + DEMO_USERNAME + " / " + DEMO_PASSWORD + " (owner of " + DEMO_ORG + ", Business plan; "
        + DEMO_ORG + "/" + DEMO_REPOSITORY + " has " + DEMO_IMAGES + " images)");
    out.println("  user " + DockerHubEmulator.DEFAULT_USERNAME + " / " + DockerHubEmulator.DEFAULT_PASSWORD);
    out.println("  try: curl -s -X POST " + emulator.baseUrl() + "/v2/auth/token -H 'Content-Type: application/json'"
        + " -d '{\"identifier\":\"" + DEMO_USERNAME + "\",\"secret\":\"" + DEMO_PASSWORD + "\"}'");
    return emulator;
  }

  private static String require(String flag, String value) {
    if (value == null) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }

  /**
   * The demo seed: user {@value #DEMO_USERNAME} / {@value #DEMO_PASSWORD} (Pro), organization
   * {@value #DEMO_ORG} (Business, owner {@value #DEMO_USERNAME}, member {@code hubsdk} when present),
   * repository {@value #DEMO_ORG}/{@value #DEMO_REPOSITORY} with {@value #DEMO_IMAGES} images, two personal
   * access tokens of {@value #DEMO_USERNAME} ({@code demo-ci} repo:write, {@code demo-old-laptop} inactive
   * repo:read) and a short audit history.
   *
   * @param s the seeder
   */
  public static void demoSeed(Seeder s) {
    s.user(DEMO_USERNAME, DEMO_PASSWORD).plan(Plan.PRO);
    Seeder.OrgSeeder org = s.org(DEMO_ORG, Plan.BUSINESS).owners(DEMO_USERNAME);
    try {
      org.members(DockerHubEmulator.DEFAULT_USERNAME);
    } catch (IllegalArgumentException noDefaultUser) {
      // built without the default seed: the org simply has no extra member
    }
    s.repository(DEMO_ORG, DEMO_REPOSITORY).images(DEMO_IMAGES);
    s.personalAccessToken(DEMO_USERNAME, "demo-ci", "repo:write");
    s.personalAccessToken(DEMO_USERNAME, "demo-old-laptop", null, false, "repo:read");
    Instant now = s.now();
    String repo = DEMO_ORG + "/" + DEMO_REPOSITORY;
    s.auditEvent(DEMO_ORG, "org.create", DEMO_ORG, DEMO_USERNAME, now.minus(Duration.ofDays(400)), Map.of(),
        "created the organization " + DEMO_ORG);
    s.auditEvent(DEMO_ORG, "repo.create", repo, DEMO_USERNAME, now.minus(Duration.ofDays(399)), Map.of(),
        "created the repository " + repo);
    s.auditEvent(DEMO_ORG, "repo.tag.push", repo, DEMO_USERNAME, now.minus(Duration.ofDays(3)),
        Map.of("tag", "1.0", "digest", "sha256:" + "ab".repeat(32)),
        "pushed the tag 1.0 with the digest sha256:abababababab to the repository " + repo);
    s.auditEvent(DEMO_ORG, "repo.tag.push", repo, DEMO_USERNAME, now.minus(Duration.ofHours(5)),
        Map.of("tag", "latest", "digest", "sha256:" + "cd".repeat(32)),
        "pushed the tag latest with the digest sha256:cdcdcdcdcdcd to the repository " + repo);
  }
}
