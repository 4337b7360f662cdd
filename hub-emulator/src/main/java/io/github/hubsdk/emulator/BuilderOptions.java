package io.github.hubsdk.emulator;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The options of {@link DockerHubEmulator.Builder}, kept apart so that neither file grows past a few
 * hundred lines. Package-private: its public methods are the builder's (they return
 * {@link DockerHubEmulator.Builder}, so chains and compiled callers see no difference).
 */
abstract class BuilderOptions {
  int port;
  InetAddress bindAddress = InetAddress.getLoopbackAddress();
  MutableClock clock;
  Duration tokenTtl = Duration.ofMinutes(10);
  int maxFailures = 5;
  Duration lockout = Duration.ofMinutes(10);
  int maxTrackedLogins = 10_000;
  int rateLimit;
  Duration rateWindow = Duration.ofMinutes(1);
  RetryAfterFormat retryAfterFormat = RetryAfterFormat.DELTA_SECONDS;
  boolean xRetryAfter;
  int threads = 8;
  int maxConnections = 256;
  Duration requestTimeout = Duration.ofSeconds(10);
  int maxBodyBytes = 1 << 20;
  int maxRecorded = 10_000;
  long maxRecordedBytes = 32L << 20;
  boolean defaultSeed = true;
  Boolean controlApi;
  String adminToken;
  final List<Consumer<Seeder>> seeds = new ArrayList<>();
  final List<ExchangeListener> listeners = new ArrayList<>();

  private static int atLeast(int min, int value, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
    }
    return value;
  }

  /**
   * The port to listen on; 0 (the default) picks a free ephemeral port.
   *
   * @param port 0-65535
   * @return this builder
   */
  public DockerHubEmulator.Builder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    this.port = port;
    return self();
  }

  /**
   * The address to listen on; default the loopback address, so nothing outside the machine can reach it.
   *
   * @param address e.g. {@code InetAddress.getByName("0.0.0.0")} for every interface
   * @return this builder
   */
  public DockerHubEmulator.Builder bindAddress(InetAddress address) {
    this.bindAddress = Objects.requireNonNull(address, "address");
    return self();
  }

  /**
   * The clock for token expiry, lock-outs, rate windows and timestamps.
   *
   * @param clock the clock, usually {@link MutableClock#fixed(Instant)} in tests
   * @return this builder
   */
  public DockerHubEmulator.Builder clock(MutableClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * How long issued JWTs live (their {@code exp}).
   *
   * @param ttl at least one second
   * @return this builder
   */
  public DockerHubEmulator.Builder tokenTtl(Duration ttl) {
    if (ttl.getSeconds() < 1) {
      throw new IllegalArgumentException("ttl must be at least one second");
    }
    this.tokenTtl = ttl;
    return self();
  }

  /**
   * Lock an identifier out after {@code maxFailures} failed logins in a row, for {@code duration}. While
   * locked, every login of that identifier, even a correct one, answers 429 with {@code Retry-After}.
   *
   * @param maxFailures failures that trigger the lock, 0 for no lock-out
   * @param duration how long the lock lasts
   * @return this builder
   */
  public DockerHubEmulator.Builder loginLockout(int maxFailures, Duration duration) {
    this.maxFailures = atLeast(0, maxFailures, "maxFailures");
    this.lockout = Objects.requireNonNull(duration, "duration");
    return self();
  }

  /**
   * How many identifiers the login failure count and lock-out remember (and half-done 2FA logins), least
   * recently used out first; forgetting an identifier forgets its failures and lock.
   *
   * @param max at least 1
   * @return this builder
   */
  public DockerHubEmulator.Builder maxTrackedLogins(int max) {
    this.maxTrackedLogins = atLeast(1, max, "max");
    return self();
  }

  /**
   * Turns rate limiting on: each client address may make {@code limit} requests per fixed
   * {@code window}; requests over it get 429 with {@code Retry-After}. Every answer carries
   * {@code X-RateLimit-Limit/-Remaining/-Reset}, as on the live Hub, on or off.
   *
   * @param limit requests per window, at least 1
   * @param window the window length
   * @return this builder
   */
  public DockerHubEmulator.Builder rateLimit(int limit, Duration window) {
    atLeast(1, limit, "limit");
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("window must be positive");
    }
    this.rateLimit = limit;
    this.rateWindow = window;
    return self();
  }

  /**
   * How 429 answers write {@code Retry-After}.
   *
   * @param format the format
   * @return this builder
   */
  public DockerHubEmulator.Builder retryAfterFormat(RetryAfterFormat format) {
    this.retryAfterFormat = Objects.requireNonNull(format, "format");
    return self();
  }

  /**
   * Whether 429 answers also carry the older {@code X-Retry-After} (unix time).
   *
   * @param enabled true to send it
   * @return this builder
   */
  public DockerHubEmulator.Builder xRetryAfterHeader(boolean enabled) {
    this.xRetryAfter = enabled;
    return self();
  }

  /**
   * How many requests are answered at once. Delayed expectations hold one while they wait; reading a
   * request does not (each connection has its own thread).
   *
   * @param threads at least 1
   * @return this builder
   */
  public DockerHubEmulator.Builder threads(int threads) {
    this.threads = atLeast(1, threads, "threads");
    return self();
  }

  /**
   * How many connections are served at once, each on its own thread; a connection beyond gets 503.
   *
   * @param max at least 1
   * @return this builder
   */
  public DockerHubEmulator.Builder maxConnections(int max) {
    this.maxConnections = atLeast(1, max, "max");
    return self();
  }

  /**
   * The per-request deadline: a request must arrive whole within it from its first byte (else 408, and
   * the connection is closed) and the client must take the answer within it, so a client that stalls
   * holds only its own connection, and only until then.
   *
   * @param timeout at least one millisecond
   * @return this builder
   */
  public DockerHubEmulator.Builder requestTimeout(Duration timeout) {
    if (timeout.toMillis() < 1) {
      throw new IllegalArgumentException("timeout must be at least one millisecond");
    }
    this.requestTimeout = timeout;
    return self();
  }

  /**
   * The largest request body read. A larger one gets 413 in the operation's error shape, decided from
   * its {@code Content-Length} without reading the rest; the connection is then closed.
   *
   * @param maxBytes at least 0
   * @return this builder
   */
  public DockerHubEmulator.Builder maxRequestBodyBytes(int maxBytes) {
    this.maxBodyBytes = atLeast(0, maxBytes, "maxBytes");
    return self();
  }

  /**
   * How many recent requests {@link DockerHubEmulator#requests()} keeps; 0 keeps none (the count goes on).
   *
   * @param max at least 0
   * @return this builder
   */
  public DockerHubEmulator.Builder maxRecordedRequests(int max) {
    this.maxRecorded = atLeast(0, max, "max");
    return self();
  }

  /**
   * How many bytes (bodies, targets, headers) the recorded-request log keeps in all, oldest out first.
   *
   * @param maxBytes at least 0 (0 keeps none; the count goes on)
   * @return this builder
   */
  public DockerHubEmulator.Builder maxRecordedBytes(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative");
    }
    this.maxRecordedBytes = maxBytes;
    return self();
  }

  /**
   * Adds a seed, applied at start after the default seed (seeds run in the order given).
   *
   * @param seed what to create
   * @return this builder
   */
  public DockerHubEmulator.Builder seed(Consumer<Seeder> seed) {
    seeds.add(Objects.requireNonNull(seed, "seed"));
    return self();
  }

  /**
   * Leaves out the default seed (user {@value DockerHubEmulator#DEFAULT_USERNAME} and its repository).
   *
   * @return this builder
   */
  public DockerHubEmulator.Builder withoutDefaultSeed() {
    this.defaultSeed = false;
    return self();
  }

  /**
   * Adds a listener that sees every response before it is sent, e.g. to validate it against the
   * OpenAPI document. Listeners run in the order added.
   *
   * @param listener the listener
   * @return this builder
   */
  public DockerHubEmulator.Builder exchangeListener(ExchangeListener listener) {
    this.listeners.add(Objects.requireNonNull(listener, "listener"));
    return self();
  }

  /**
   * Serves (or not) the control API under {@code /_emulator/} (reset, seed documents, expectations, clock,
   * rate limiting, recorded requests, health, Pact provider states; see the module README). Default: on
   * when bound to a loopback address, and on any other address only with an {@link #adminToken(String)}.
   * Control requests are never recorded as Docker Hub traffic, counted against the rate limit or matched by
   * expectations.
   *
   * @param enabled whether to serve it
   * @return this builder
   */
  public DockerHubEmulator.Builder controlApi(boolean enabled) {
    this.controlApi = enabled;
    return self();
  }

  /**
   * Requires every control API request to present this token ({@code Authorization: Bearer <token>},
   * {@code X-Emulator-Token: <token>} or {@code ?token=<token>}); needed to serve the control API on an
   * address other than loopback.
   *
   * @param token at least 16 characters
   * @return this builder
   */
  public DockerHubEmulator.Builder adminToken(String token) {
    Objects.requireNonNull(token, "token");
    if (token.length() < 16 || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException("the admin token needs at least 16 printable ASCII characters, no spaces");
    }
    this.adminToken = token;
    return self();
  }

  private DockerHubEmulator.Builder self() {
  return (DockerHubEmulator.Builder) this;
  }
}
