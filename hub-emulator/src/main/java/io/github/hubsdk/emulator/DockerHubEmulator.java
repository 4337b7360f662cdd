package io.github.hubsdk.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.hubsdk.emulator.internal.Http;
import io.github.hubsdk.emulator.internal.Hub;
import io.github.hubsdk.emulator.internal.Jwt;
import io.github.hubsdk.emulator.internal.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An embedded, stateful Docker Hub on a real HTTP port: the 16 operations of {@code docker-hub-api.yaml}
 * with the live API's semantics (JWT logins with expiry, lock-out, PATs, images, audit logs, org settings,
 * pagination, optional rate limiting), seeding, fault injection and request recording.
 *
 * <pre>{@code
 * try (DockerHubEmulator hub = DockerHubEmulator.builder().start()) {
 *   URI login = URI.create(hub.baseUrl() + "/v2/auth/token");
 *   // identifier hub.defaultUser().username(), secret hub.defaultUser().password()
 * }
 * }</pre>
 *
 * <p>By default it listens on an ephemeral port of 127.0.0.1 and holds the default seed: user
 * {@value #DEFAULT_USERNAME} / {@value #DEFAULT_PASSWORD} (Pro plan) with the repository
 * {@code hubsdk/example} of {@value #DEFAULT_IMAGES} images. Thread-safe: every operation on the state is
 * atomic.
 */
public final class DockerHubEmulator implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(DockerHubEmulator.class.getName());

  /** Username of the default seed. */
  public static final String DEFAULT_USERNAME = "hubsdk";
  /** Password of the default seed's user. */
  public static final String DEFAULT_PASSWORD = "hubsdk-password";
  /** Repository of the default seed, in the default user's namespace. */
  public static final String DEFAULT_REPOSITORY = "example";
  /** Number of images in the default seed's repository. */
  public static final int DEFAULT_IMAGES = 25;

  static {
    // The JDK's HttpServer writes headers and body in separate packets without TCP_NODELAY, so on a
    // keep-alive connection Nagle's algorithm and the client's delayed ACK hold each answer about 40 ms on
    // Linux loopback: every test against the emulator would pay that per request. The JDK reads the flag
    // once, when its server configuration loads, so it is set here, before the first server starts, and
    // only when the user has not chosen a value.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Builder config;
  private final MutableClock clock;
  private final Store store = new Store();
  private final Hub hub;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Consumer<Seeder>> seeds = new CopyOnWriteArrayList<>();
  private final List<Expectation> expectations = new CopyOnWriteArrayList<>();
  private final List<ExchangeListener> listeners;
  // Bounded so that a long-running standalone emulator does not grow without limit.
  private final ArrayDeque<RecordedRequest> recorded = new ArrayDeque<>();
  private final ArrayDeque<RecordedRequest> untaken = new ArrayDeque<>();
  private final AtomicLong requestCount = new AtomicLong();
  private volatile boolean closed;

  private DockerHubEmulator(Builder config) throws IOException {
    this.config = config;
    this.clock = config.clock != null ? config.clock : MutableClock.system();
    this.listeners = List.copyOf(config.listeners);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.hub = new Hub(store, clock, new Jwt(key), new Hub.Config(config.tokenTtl, config.maxFailures,
        config.lockout, config.rateLimit, config.rateWindow, config.retryAfterFormat, config.xRetryAfter));
    if (config.defaultSeed) {
      seeds.add(DockerHubEmulator::defaultSeed);
    }
    seeds.addAll(config.seeds);
    applySeeds(seeds);
    this.server = HttpServer.create(new InetSocketAddress(config.bindAddress, config.port), 64);
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, "hub-emulator-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.executor = Executors.newFixedThreadPool(config.threads, threads);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /**
   * Starts configuring an emulator.
   *
   * @return a builder with the defaults described on its methods
   */
  public static Builder builder() {
    return new Builder();
  }

  private static void defaultSeed(Seeder s) {
    s.user(DEFAULT_USERNAME, DEFAULT_PASSWORD).plan(Plan.PRO);
    s.repository(DEFAULT_USERNAME, DEFAULT_REPOSITORY).images(DEFAULT_IMAGES);
  }

  private void applySeeds(List<Consumer<Seeder>> toApply) {
    synchronized (store) {
      Seeder seeder = new Seeder(store, hub.now());
      for (Consumer<Seeder> seed : toApply) {
        seed.accept(seeder);
      }
    }
  }

  // --- accessors -------------------------------------------------------------------------------------------

  /**
   * The base URL to point clients at, e.g. {@code http://127.0.0.1:41234} (no trailing slash; API paths
   * start with {@code /v2/}).
   *
   * @return the base URL
   */
  public String baseUrl() {
    InetAddress address = server.getAddress().getAddress();
    String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port();
  }

  /**
   * The port the emulator listens on (the real one when the builder asked for 0).
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The clock the emulator reads; advance it to expire tokens, lift lock-outs or open a new rate window.
   *
   * @return the clock
   */
  public MutableClock clock() {
    return clock;
  }

  /**
   * The default seed's credentials.
   *
   * @return {@value #DEFAULT_USERNAME} / {@value #DEFAULT_PASSWORD}
   * @throws IllegalStateException when built {@linkplain Builder#withoutDefaultSeed() without the default seed}
   */
  public Credentials defaultUser() {
    if (!config.defaultSeed) {
      throw new IllegalStateException("this emulator was built withoutDefaultSeed()");
    }
    return new Credentials(DEFAULT_USERNAME, DEFAULT_PASSWORD);
  }

  /**
   * A JWT for {@code username} as a password login would issue it, without an HTTP round trip or lock-out
   * bookkeeping: handy for tests that are not about logging in.
   *
   * @param username a seeded user
   * @return a bearer token valid for the configured token lifetime
   * @throws IllegalArgumentException when the user does not exist
   */
  public String accessTokenFor(String username) {
    return hub.issuePasswordJwt(username);
  }

  // --- seeding and reset --------------------------------------------------------------------------------

  /**
   * Adds state to the running emulator. The seed is remembered and replayed by {@link #reset()}.
   *
   * @param seed what to add
   * @return this emulator
   */
  public DockerHubEmulator seed(Consumer<Seeder> seed) {
    Objects.requireNonNull(seed, "seed");
    synchronized (store) {
      applySeeds(List.of(seed));
      seeds.add(seed);
    }
    return this;
  }

  /**
   * Back to the seeded state: clears all state, replays the default seed, the builder's seeds and every
   * {@link #seed(Consumer)} made since start (deterministically: seeded tokens keep their secrets), and
   * forgets expectations, recorded requests, login failures and rate-limit windows. The clock is left as it
   * is; JWTs issued before stay valid while their user exists.
   */
  public void reset() {
    synchronized (store) {
      store.clear();
      applySeeds(seeds);
    }
    hub.resetRateLimits();
    clearExpectations();
    synchronized (recorded) {
      recorded.clear();
      untaken.clear();
      requestCount.set(0);
    }
  }

  // --- fault injection --------------------------------------------------------------------------------------

  /**
   * Starts a fault-injection rule, checked before the stateful store; see {@link Expectation}.
   *
   * @return a builder that picks the method and path glob
   */
  public Expectation.Builder expect() {
    return new Expectation.Builder(expectations::add);
  }

  /** Removes every expectation. */
  public void clearExpectations() {
    expectations.clear();
  }

  // --- recorded requests ------------------------------------------------------------------------------------

  /**
   * The requests received since start or the last {@link #reset()}, oldest first; only the latest
   * {@link Builder#maxRecordedRequests(int)} are kept.
   *
   * @return an immutable snapshot
   */
  public List<RecordedRequest> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /**
   * How many requests arrived since start or the last {@link #reset()} (all of them, even those no
   * longer kept).
   *
   * @return the count
   */
  public int requestCount() {
    return (int) Math.min(Integer.MAX_VALUE, requestCount.get());
  }

  /**
   * The oldest request not yet taken (like MockWebServer's {@code takeRequest}, but never blocks).
   *
   * @return the request, or null when every kept request has been taken
   */
  public RecordedRequest takeRequest() {
    synchronized (recorded) {
      return untaken.poll();
    }
  }

  private void record(RecordedRequest request) {
    synchronized (recorded) {
      requestCount.incrementAndGet();
      if (config.maxRecorded == 0) {
        return;
      }
      if (recorded.size() >= config.maxRecorded) {
        recorded.removeFirst();
      }
      if (untaken.size() >= config.maxRecorded) {
        untaken.removeFirst();
      }
      recorded.addLast(request);
      untaken.addLast(request);
    }
  }

  // --- lifecycle --------------------------------------------------------------------------------------

  /** Stops the server at once and releases its threads and port. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "DockerHubEmulator[" + baseUrl() + "]";
  }

  // --- HTTP ----------------------------------------------------------------------------------------------

  private void serve(HttpExchange exchange) {
    // The catch for handler failures sits inside the try-with-resources: closing an exchange that has not
    // answered closes the connection, so the 500 must be sent before that happens.
    try (exchange) {
      try {
        answer(exchange);
      } catch (RuntimeException | AssertionError e) {
        // A bug in the emulator or a failing exchange listener must not look like a network failure to the
        // client under test, nor pass unnoticed: answer 500.
        LOG.log(System.Logger.Level.WARNING, "emulator failed to handle a request", e);
        answerInternalError(exchange, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away (a timeout or a dropped connection in a test): nothing left to answer.
      LOG.log(System.Logger.Level.DEBUG, "client connection closed early", e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException, InterruptedException {
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readAllBytes();
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
    RecordedRequest request = new RecordedRequest(method, rawPath, rawQuery, headers, body, clock.instant());
    record(request);
    Http.Request r = new Http.Request(method, rawPath, rawQuery, headers, body,
        exchange.getRemoteAddress().getAddress().getHostAddress());

    for (Expectation e : expectations) {
      // One snapshot: the expectation's chain may still be changing it while this request is served.
      Expectation.Action action = e.tryClaim(method, rawPath);
      if (action == null) {
        continue;
      }
      if (!action.delay().isZero()) {
        Thread.sleep(action.delay().toMillis());
      }
      if (action.drop()) {
        return; // closing the exchange before any response headers closes the connection
      }
      if (action.status() != null) {
        Http.Response injected = new Http.Response(action.status(), action.headers(), action.body());
        Hub.RateDecision rate = hub.rate(r);
        send(exchange, request, withHeaders(injected, rate.headers()), true);
        return;
      }
      break; // a delay alone falls through to the real handler
    }

    Hub.RateDecision rate = hub.rate(r);
    Http.Response response = rate.rejection() != null ? rate.rejection() : withHeaders(hub.handle(r), rate.headers());
    send(exchange, request, response, false);
  }

  private void answerInternalError(HttpExchange exchange, Throwable cause) {
    if (closed || exchange.getResponseCode() != -1) {
      return;
    }
    byte[] body = ("{\"detail\":\"emulator error: " + cause.getClass().getSimpleName() + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    try {
      exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
      exchange.sendResponseHeaders(500, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not send the 500 answer", e);
    }
  }

  private static Http.Response withHeaders(Http.Response response, Map<String, String> extra) {
    Http.Response out = response;
    for (Map.Entry<String, String> e : extra.entrySet()) {
      if (!response.headers().containsKey(e.getKey())) {
        out = out.withHeader(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private void send(HttpExchange exchange, RecordedRequest request, Http.Response response, boolean injected)
      throws IOException {
    byte[] body = response.body() == null ? null : response.body().getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (body != null) {
      headers.put("Content-Type", List.of("application/json"));
    }
    response.headers().forEach((k, v) -> headers.put(k, List.of(v)));
    if (!listeners.isEmpty()) {
      Exchange seen = new Exchange(request, response.status(), headers, response.body(), injected);
      for (ExchangeListener listener : listeners) {
        listener.onExchange(seen); // a failure here becomes the 500 answer (see serve)
      }
    }
    headers.forEach((k, v) -> exchange.getResponseHeaders().put(k, new ArrayList<>(v)));
    boolean noBody = body == null || response.status() == 204 || response.status() == 304
        || request.method().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Configures and {@linkplain #start() starts} a {@link DockerHubEmulator}. Not thread-safe; each
   * {@code start()} makes an independent emulator.
   */
  public static final class Builder {
    private int port;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private MutableClock clock;
    private Duration tokenTtl = Duration.ofMinutes(10);
    private int maxFailures = 5;
    private Duration lockout = Duration.ofMinutes(10);
    private int rateLimit;
    private Duration rateWindow = Duration.ofMinutes(1);
    private RetryAfterFormat retryAfterFormat = RetryAfterFormat.DELTA_SECONDS;
    private boolean xRetryAfter;
    private int threads = 8;
    private int maxRecorded = 10_000;
    private boolean defaultSeed = true;
    private final List<Consumer<Seeder>> seeds = new ArrayList<>();
    private final List<ExchangeListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * The port to listen on; 0 (the default) picks a free ephemeral port.
     *
     * @param port 0-65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The address to listen on; default the loopback address, so nothing outside the machine can reach it.
     *
     * @param address e.g. {@code InetAddress.getByName("0.0.0.0")} for every interface
     * @return this builder
     */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * The clock for token expiry, lock-outs, rate windows and timestamps; default
     * {@link MutableClock#system()}.
     *
     * @param clock the clock, usually {@link MutableClock#fixed(Instant)} in tests
     * @return this builder
     */
    public Builder clock(MutableClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long issued JWTs live (their {@code exp}); default 10 minutes, as on the live Hub.
     *
     * @param ttl at least one second
     * @return this builder
     */
    public Builder tokenTtl(Duration ttl) {
      if (ttl.getSeconds() < 1) {
        throw new IllegalArgumentException("ttl must be at least one second");
      }
      this.tokenTtl = ttl;
      return this;
    }

    /**
     * Lock an identifier out after {@code maxFailures} failed logins in a row, for {@code duration}
     * (default 5 failures, 10 minutes). While locked, every login of that identifier, even a correct one,
     * answers 429 with {@code Retry-After}. {@code maxFailures} 0 turns lock-out off.
     *
     * @param maxFailures failures that trigger the lock, 0 for none
     * @param duration how long the lock lasts
     * @return this builder
     */
    public Builder loginLockout(int maxFailures, Duration duration) {
      if (maxFailures < 0) {
        throw new IllegalArgumentException("maxFailures must not be negative");
      }
      this.maxFailures = maxFailures;
      this.lockout = Objects.requireNonNull(duration, "duration");
      return this;
    }

    /**
     * Turns rate limiting on (it is off by default): each client address may make {@code limit} requests
     * per fixed {@code window}; every response then carries {@code X-RateLimit-Limit},
     * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}, and requests over the limit get 429
     * with {@code Retry-After}.
     *
     * @param limit requests per window, at least 1
     * @param window the window length
     * @return this builder
     */
    public Builder rateLimit(int limit, Duration window) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1");
      }
      if (window.isZero() || window.isNegative()) {
        throw new IllegalArgumentException("window must be positive");
      }
      this.rateLimit = limit;
      this.rateWindow = window;
      return this;
    }

    /**
     * How 429 answers write {@code Retry-After}; default {@link RetryAfterFormat#DELTA_SECONDS}.
     *
     * @param format the format
     * @return this builder
     */
    public Builder retryAfterFormat(RetryAfterFormat format) {
      this.retryAfterFormat = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Whether 429 answers also carry the older {@code X-Retry-After} (unix time); default false.
     *
     * @param enabled true to send it
     * @return this builder
     */
    public Builder xRetryAfterHeader(boolean enabled) {
      this.xRetryAfter = enabled;
      return this;
    }

    /**
     * Server threads; default 8. Delayed expectations hold a thread while they wait.
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      this.threads = threads;
      return this;
    }

    /**
     * How many recent requests {@link DockerHubEmulator#requests()} keeps; default 10,000, 0 keeps none
     * (the count goes on).
     *
     * @param max at least 0
     * @return this builder
     */
    public Builder maxRecordedRequests(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("max must not be negative");
      }
      this.maxRecorded = max;
      return this;
    }

    /**
     * Adds a seed, applied at start after the default seed (seeds run in the order given).
     *
     * @param seed what to create
     * @return this builder
     */
    public Builder seed(Consumer<Seeder> seed) {
      seeds.add(Objects.requireNonNull(seed, "seed"));
      return this;
    }

    /**
     * Leaves out the default seed (user {@value DockerHubEmulator#DEFAULT_USERNAME} and its repository).
     *
     * @return this builder
     */
    public Builder withoutDefaultSeed() {
      this.defaultSeed = false;
      return this;
    }

    /**
     * Adds a listener that sees every response before it is sent, e.g. to validate it against the
     * OpenAPI document. Listeners run in the order added.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder exchangeListener(ExchangeListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Seeds the state and starts listening.
     *
     * @return the running emulator; close it when done
     * @throws UncheckedIOException when the port cannot be bound
     */
    public DockerHubEmulator start() {
      try {
        return new DockerHubEmulator(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the Docker Hub emulator on port " + port, e);
      }
    }
  }
}
