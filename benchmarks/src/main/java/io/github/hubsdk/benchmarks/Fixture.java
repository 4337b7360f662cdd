package io.github.hubsdk.benchmarks;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import java.time.Duration;
import java.util.UUID;

/**
 * An in-process hub-emulator on loopback with one user, one repository of {@code images} images and one
 * personal access token, optionally holding every images request for a fixed latency (the emulator's
 * {@code expect().get(...).andDelay(...)}, which then falls through to the real handler, every time).
 */
public final class Fixture implements AutoCloseable {

  /** The seeded user, also the images' namespace. */
  public static final String USER = "bench";
  /** The seeded user's password. */
  public static final String PASSWORD = "bench-password";
  /** The seeded repository. */
  public static final String REPO = "images";
  /** Path glob of the image listing. */
  public static final String IMAGES_GLOB = "/v2/namespaces/*/repositories/*/images";

  private final DockerHubEmulator emulator;
  private final UUID tokenId;

  private Fixture(DockerHubEmulator emulator, UUID tokenId) {
    this.emulator = emulator;
    this.tokenId = tokenId;
  }

  /**
   * Starts the emulator.
   *
   * @param images how many images the repository holds
   * @param latency extra time every image-listing request is held; zero for none
   * @return the running fixture
   */
  public static Fixture start(int images, Duration latency) {
    SeededToken[] token = new SeededToken[1];
    DockerHubEmulator emulator = seeded(images, token)
        // Delayed requests hold a server thread: room for 8 client threads or parallelism 16.
        .threads(32)
        // Nothing recorded: the emulator's own memory stays flat during heap measurements.
        .maxRecordedRequests(0)
        .start();
    if (!latency.isZero()) {
      emulator.expect().get(IMAGES_GLOB).andDelay(latency);
    }
    return new Fixture(emulator, token[0].uuid());
  }

  /**
   * Starts the emulator as a test suite has it: the default limits (8 requests answered at once, the
   * last 10,000 requests recorded), no latency.
   *
   * @param images how many images the repository holds
   * @return the running fixture
   */
  public static Fixture startRecording(int images) {
    SeededToken[] token = new SeededToken[1];
    DockerHubEmulator emulator = seeded(images, token).start();
    return new Fixture(emulator, token[0].uuid());
  }

  private static DockerHubEmulator.Builder seeded(int images, SeededToken[] token) {
    return DockerHubEmulator.builder()
        .withoutDefaultSeed()
        // Long enough that no benchmark fork sees a token renewal.
        .tokenTtl(Duration.ofHours(12))
        .seed(s -> {
          s.user(USER, PASSWORD).plan(Plan.PRO);
          s.repository(USER, REPO).images(images);
          token[0] = s.personalAccessToken(USER, "bench", "repo:read");
        });
  }

  /**
   * The emulator's base URL.
   *
   * @return e.g. {@code http://127.0.0.1:41234}
   */
  public String baseUrl() {
    return emulator.baseUrl();
  }

  /**
   * The seeded access token's id.
   *
   * @return the uuid
   */
  public UUID tokenId() {
    return tokenId;
  }

  /**
   * The emulator.
   *
   * @return the emulator
   */
  public DockerHubEmulator emulator() {
    return emulator;
  }

  /**
   * A client for this emulator with a password login (which may manage access tokens), logged in.
   *
   * @return the client; close it
   */
  public DockerHubClient client() {
    return client(baseUrl());
  }

  /**
   * A logged-in SDK client, as an application would build it: defaults except the base URL.
   *
   * @param baseUrl the emulator's base URL
   * @return the client; close it
   */
  public static DockerHubClient client(String baseUrl) {
    DockerHubClient hub = DockerHubClient.builder().baseUrl(baseUrl)
        .credentials(Credentials.password(USER, PASSWORD)).build();
    hub.login();
    return hub;
  }

  /**
   * A logged-in baseline client for this emulator.
   *
   * @return the client
   */
  public Baseline baseline() {
    Baseline b = new Baseline(baseUrl());
    b.login(USER, PASSWORD);
    return b;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
