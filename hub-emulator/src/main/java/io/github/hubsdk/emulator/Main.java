package io.github.hubsdk.emulator;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone ({@code java -jar hubsdk-emulator-<version>-standalone.jar [--port N]
 * [--bind ADDRESS]}) with the default seed plus the demo seed, so curl and non-Java tools can use it.
 * Prints the base URL and the demo credentials, then serves until the process is stopped.
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
    DockerHubEmulator emulator = DockerHubEmulator.builder().port(port).bindAddress(bind).seed(DemoSeed::apply).start();
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
   * The demo seed; kept for existing callers, the seed itself lives in {@link DemoSeed#apply(Seeder)}.
   *
   * @param s the seeder
   */
  public static void demoSeed(Seeder s) {
    DemoSeed.apply(s);
  }
}
