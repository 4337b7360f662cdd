package io.github.hubsdk.emulator;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the emulator standalone ({@code java -jar hubsdk-emulator-<version>-standalone.jar [options]}, see
 * {@link #USAGE}) with the default seed, the demo seed and any seed documents, so curl and non-Java tools
 * can use it and drive it through the control API. Prints the base URL and the credentials, then serves
 * until the process is stopped.
 */
public final class Main {

  /** Port used when {@code --port} is not given. */
  public static final int DEFAULT_PORT = 5555;
  /** The demo seed's user; same as {@link DemoSeed#USERNAME}. */
  public static final String DEMO_USERNAME = DemoSeed.USERNAME;
  /** The demo seed's user's password; same as {@link DemoSeed#PASSWORD}. */
  public static final String DEMO_PASSWORD = DemoSeed.PASSWORD;
  /** The demo seed's organization; same as {@link DemoSeed#ORG}. */
  public static final String DEMO_ORG = DemoSeed.ORG;
  /** The demo seed's repository; same as {@link DemoSeed#REPOSITORY}. */
  public static final String DEMO_REPOSITORY = DemoSeed.REPOSITORY;
  /** Images in the demo repository; same as {@link DemoSeed#IMAGES}. */
  public static final int DEMO_IMAGES = DemoSeed.IMAGES;

  private static final Pattern RATE = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

  private Main() {}

  /** What {@code --help} prints. */
  public static final String USAGE = String.join("\n",
      "usage: java -jar hubsdk-emulator-<version>-standalone.jar [options]",
      "",
      "Serves an emulated Docker Hub API (and its control API under /_emulator/) until stopped.",
      "",
      "  --port N               port to listen on (default " + DEFAULT_PORT + ", 0 for any free port)",
      "  --bind ADDRESS         address to bind (default loopback); any other address needs an admin token",
      "  --seed FILE            add a seed document (JSON; see the README); repeatable; refused with its line",
      "  --no-demo-seed         leave out the demo seed (user demo, org demo-org)",
      "  --no-default-seed      leave out the default seed (user hubsdk, repository hubsdk/example)",
      "  --rate-limit N/SECONDS turn rate limiting on: N requests per client per window of SECONDS",
      "  --admin-token TOKEN    token the control API requires (generated and printed once when bound",
      "                         beyond loopback without one)",
      "  --no-control-api       do not serve /_emulator/",
      "  --help                 print this and exit");

  /**
   * Starts the emulator and blocks until the JVM is stopped; {@code --help} prints the usage and exits 0, a
   * bad argument or seed document exits 2 with a one-line error.
   *
   * @param args see {@link #USAGE}
   * @throws InterruptedException if interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(USAGE);
      System.exit(0);
      return;
    }
    DockerHubEmulator emulator;
    try {
      emulator = start(System.out, args);
    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      System.err.println("hub-emulator: " + e.getMessage().replace('\n', ' ') + " (--help for usage)");
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
   * Parses the arguments, starts a seeded emulator and prints how to use it; the caller closes it.
   *
   * @param out where to print the banner
   * @param args the command-line arguments (see {@link #USAGE}; {@code --help} is {@link #main}'s)
   * @return the running emulator
   * @throws IllegalArgumentException for unknown or malformed arguments
   * @throws InvalidSeedException for a seed document that cannot be applied, naming its line
   * @throws java.io.UncheckedIOException when a seed file cannot be read or the port cannot be bound
   */
  public static DockerHubEmulator start(PrintStream out, String... args) {
    int port = DEFAULT_PORT;
    InetAddress bind = InetAddress.getLoopbackAddress();
    List<SeedDocument> documents = new ArrayList<>();
    boolean demo = true;
    boolean defaultSeed = true;
    boolean control = true;
    String adminToken = null;
    int rateLimit = 0;
    Duration rateWindow = null;
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
          if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port needs 0..65535: " + value);
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
        case "--seed" -> {
          documents.add(SeedDocument.read(Path.of(require(arg, value))));
          i++;
        }
        case "--rate-limit" -> {
          Matcher m = RATE.matcher(require(arg, value));
          if (!m.matches()) {
            throw new IllegalArgumentException("--rate-limit needs N/SECONDS, e.g. 180/3600: " + value);
          }
          try {
            rateLimit = Integer.parseInt(m.group(1));
            rateWindow = Duration.ofSeconds(Long.parseLong(m.group(2)));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate-limit numbers too large: " + value);
          }
          if (rateLimit < 1 || rateWindow.isZero()) {
            throw new IllegalArgumentException("--rate-limit needs N and SECONDS of at least 1: " + value);
          }
          i++;
        }
        case "--admin-token" -> {
          adminToken = require(arg, value);
          i++;
        }
        case "--no-demo-seed" -> demo = false;
        case "--no-default-seed" -> defaultSeed = false;
        case "--no-control-api" -> control = false;
        default -> throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    boolean generated = false;
    if (control && adminToken == null && !bind.isLoopbackAddress()) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      adminToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      generated = true;
    }
    DockerHubEmulator.Builder builder = DockerHubEmulator.builder().port(port).bindAddress(bind).controlApi(control);
    if (adminToken != null) {
      builder.adminToken(adminToken);
    }
    if (!defaultSeed) {
      builder.withoutDefaultSeed();
    }
    if (demo) {
      builder.seed(DemoSeed::apply);
    }
    if (rateLimit > 0) {
      builder.rateLimit(rateLimit, rateWindow);
    }
    // The documents are checked when read; applied at start, so a conflict with the state stops the start too.
    for (SeedDocument doc : documents) {
      builder.seed(doc::apply);
    }
    DockerHubEmulator emulator = builder.start();
    out.println("Docker Hub emulator listening on " + emulator.baseUrl());
    if (demo) {
      out.println("  user " + DEMO_USERNAME + " / " + DEMO_PASSWORD + " (owner of " + DEMO_ORG + ", Business plan; "
          + DEMO_ORG + "/" + DEMO_REPOSITORY + " has " + DEMO_IMAGES + " images)");
    }
    if (defaultSeed) {
      out.println("  user " + DockerHubEmulator.DEFAULT_USERNAME + " / " + DockerHubEmulator.DEFAULT_PASSWORD);
    }
    for (SeedDocument doc : documents) {
      out.println("  seeded from " + doc.source());
    }
    if (rateLimit > 0) {
      out.println("  rate limit: " + rateLimit + " requests per " + rateWindow.toSeconds() + " s per client");
    }
    if (control) {
      out.println("  control API: " + emulator.baseUrl() + "/_emulator/ (GET it for the endpoints)");
      if (generated) {
        // Printed this once only: it is the one way in to the control API on a non-loopback address.
        out.println("  control API admin token (printed once): " + adminToken);
      } else if (adminToken != null) {
        out.println("  control API needs the admin token given with --admin-token");
      }
    }
    if (demo) {
      out.println("  try: curl -s -X POST " + emulator.baseUrl() + "/v2/auth/token -H 'Content-Type: application/json'"
          + " -d '{\"identifier\":\"" + DEMO_USERNAME + "\",\"secret\":\"" + DEMO_PASSWORD + "\"}'");
    }
    return emulator;
  }

  private static String require(String flag, String value) {
    if (value == null) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }

  /**
   * The demo seed; kept for existing callers, the seed itself lives in {@link DemoSeed#apply(Seeder)}.
   *
   * @param s the seeder
   */
  public static void demoSeed(Seeder s) {
    DemoSeed.apply(s);
  }
}
