package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.HttpFront;
import io.github.hubsdk.emulator.internal.Recorder;
import io.github.hubsdk.emulator.internal.auth.Authenticator;
import io.github.hubsdk.emulator.internal.auth.Jwt;
import io.github.hubsdk.emulator.internal.control.ControlApi;
import io.github.hubsdk.emulator.internal.http.HttpListener;
import io.github.hubsdk.emulator.internal.rate.RateLimiter;
import io.github.hubsdk.emulator.internal.rate.RetryAfter;
import io.github.hubsdk.emulator.internal.resources.Resources;
import io.github.hubsdk.emulator.internal.server.Dispatch;
import io.github.hubsdk.emulator.internal.server.ErrorDialect;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.Router;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.emulator.internal.state.Tokens.Token;
import io.github.hubsdk.emulator.pact.ProviderStates;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An embedded, stateful Docker Hub on a real HTTP port: every operation of {@code docker-hub-api.yaml}
 * with the live API's semantics (JWT logins with expiry, lock-out, PATs, images, audit logs, org settings,
 * pagination, rate-limit headers and optional rate limiting), seeding, fault injection and request
 * recording.
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

  /** Username of the default seed. */
  public static final String DEFAULT_USERNAME = "hubsdk";
  /** Password of the default seed's user. */
  public static final String DEFAULT_PASSWORD = "hubsdk-password";
  /** Repository of the default seed, in the default user's namespace. */
  public static final String DEFAULT_REPOSITORY = "example";
  /** Number of images in the default seed's repository. */
  public static final int DEFAULT_IMAGES = 25;

  /** Client addresses the rate limiter remembers (least recently seen first out). */
  private static final int MAX_RATE_CLIENTS = 10_000;
  /** How long a kept-alive connection may wait for its next request before it is closed. */
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final Builder config;
  private final MutableClock clock;
  private final Store store;
  private final Authenticator auth;
  private final RateLimiter rate;
  private final Recorder recorder;
  private final HttpListener listener;
  private final List<Consumer<Seeder>> seeds = new CopyOnWriteArrayList<>();
  private final List<Expectation> expectations = new CopyOnWriteArrayList<>();
  private final ControlApi control;
  private volatile ProviderStates providerStates;

  private DockerHubEmulator(Builder config) throws IOException {
    this.config = config;
    this.clock = config.clock != null ? config.clock : MutableClock.system();
    this.store = new Store(config.maxTrackedLogins);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.auth = new Authenticator(store, clock, new Jwt(key), config.tokenTtl, config.maxFailures, config.lockout);
    this.rate = new RateLimiter(clock, config.rateLimit, config.rateWindow, MAX_RATE_CLIENTS);
    ErrorDialect dialect = new ErrorDialect(clock, new RetryAfter(clock, config.retryAfterFormat, config.xRetryAfter));
    // Fails, naming them, when an operation of the catalogue has no handler (or a handler no operation).
    Dispatch dispatch = new Dispatch(Resources.all(new HubContext(store, auth)), store, auth, dialect);
    this.recorder = new Recorder(config.maxRecorded, config.maxRecordedBytes);
    boolean loopback = config.bindAddress.isLoopbackAddress();
    boolean controlOn = config.controlApi != null ? config.controlApi : loopback || config.adminToken != null;
    if (controlOn && !loopback && config.adminToken == null) {
      // Fail closed: anyone who can reach the address could reset, seed or read the recorded requests.
      throw new IllegalStateException("the control API on " + config.bindAddress.getHostAddress()
          + " (not loopback) needs an adminToken(..)");
    }
    this.control = controlOn ? new ControlApi(this, rate, recorder, config.adminToken) : null;
    HttpFront front = new HttpFront(clock, new Router(List.of(HubOperation.values())), dispatch, dialect, rate,
        recorder, this::claim, config.listeners, config.maxBodyBytes, control);
    if (config.defaultSeed) {
      seeds.add(DockerHubEmulator::defaultSeed);
    }
    seeds.addAll(config.seeds);
    applySeeds(seeds);
    this.listener = new HttpListener(config.bindAddress, config.port, front, new HttpListener.Limits(
        config.requestTimeout.toMillis(), IDLE_TIMEOUT.toMillis(), config.maxBodyBytes, config.maxConnections,
        config.threads));
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
    store.write(() -> {
      Seeder seeder = new Seeder(store, auth.now());
      for (Consumer<Seeder> seed : toApply) {
        seed.accept(seeder);
        seeder.requireFinished();
      }
    });
  }

  private HttpFront.Fault claim(String method, String rawPath, String operationId) {
    for (Expectation e : expectations) {
      // One snapshot: the expectation's chain may still be changing it while this request is served.
      Expectation.Action a = e.tryClaim(method, rawPath, operationId);
      if (a != null) {
        return new HttpFront.Fault(a.delay(), a.status(), a.body(), a.headers(), a.drop());
      }
    }
    return null;
  }

  // --- accessors -------------------------------------------------------------------------------------------

  /**
   * The base URL to point clients at, e.g. {@code http://127.0.0.1:41234} (no trailing slash; API paths
   * start with {@code /v2/}).
   *
   * @return the base URL
   */
  public String baseUrl() {
    InetAddress address = listener.address().getAddress();
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
    return listener.address().getPort();
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
  public SeededUser defaultUser() {
    if (!config.defaultSeed) {
      throw new IllegalStateException("this emulator was built withoutDefaultSeed()");
    }
    return new SeededUser(DEFAULT_USERNAME, DEFAULT_PASSWORD);
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
    return store.write(() -> {
      if (store.accounts().user(username) == null) {
        throw new IllegalArgumentException("no such user: " + username);
      }
      return auth.issuePassword(username);
    });
  }

  /**
   * A JWT as if {@code token} had logged in ({@code /v2/auth/token} with its owner and secret), without an
   * HTTP round trip: it carries the token's kind (a PAT's JWT is refused on {@code /v2/access-tokens}, an
   * OAT's is never an owner) and its scopes, and like a login it sets the token's {@code last_used}.
   *
   * @param token a token from {@link Seeder#personalAccessToken} or {@link Seeder#organizationAccessToken}
   * @return a bearer token valid for the configured token lifetime (and while the token stays usable)
   * @throws IllegalArgumentException when the token does not exist (any more), or is inactive or expired,
   *     so that a login with it would fail
   */
  public String accessTokenFor(SeededToken token) {
    Objects.requireNonNull(token, "token");
    return store.write(() -> {
      Token t = store.tokens().byUuid(token.uuid());
      if (t == null || !t.owner.equals(token.owner()) || !t.secret.equals(token.secret())) {
        throw new IllegalArgumentException("no such token: " + token);
      }
      if (!t.usableAt(clock.instant())) {
        throw new IllegalArgumentException("the token is inactive or expired, a login with it would fail: " + token);
      }
      t.lastUsed = auth.now();
      return auth.issueFor(t);
    });
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
    store.write(() -> {
      applySeeds(List.of(seed));
      seeds.add(seed);
    });
    return this;
  }

  /**
   * Adds state to the running emulator that the next {@link #reset()} drops (unlike {@link #seed(Consumer)}):
   * what a Pact provider state sets up for one interaction.
   *
   * @param seed what to add
   * @return this emulator
   */
  public DockerHubEmulator seedUntilReset(Consumer<Seeder> seed) {
    Objects.requireNonNull(seed, "seed");
    applySeeds(List.of(seed));
    return this;
  }

  /**
   * Adds a seed document to the running emulator, applied through the {@link Seeder} and remembered like
   * {@link #seed(Consumer)}: {@link #reset()} replays it.
   *
   * @param document a parsed document
   * @return what it seeded, with the seeded tokens' secrets
   * @throws InvalidSeedException when it names something that does not exist (a member who is no user, a
   *     second user of one name); what the document seeded before that point stays until the next reset
   */
  public SeedDocument.Result seed(SeedDocument document) {
    Objects.requireNonNull(document, "document");
    SeedDocument.Result[] result = new SeedDocument.Result[1];
    seed(s -> result[0] = document.apply(s));
    return result[0];
  }

  /**
   * Back to the seeded state: clears all state, replays the default seed, the builder's seeds and every
   * {@link #seed(Consumer)} made since start (deterministically: seeded tokens keep their secrets), and
   * forgets expectations, recorded requests, login failures and rate-limit windows. The clock is left as it
   * is; JWTs issued before stay valid while their user exists.
   */
  public void reset() {
    store.write(() -> {
      store.clear();
      applySeeds(seeds);
    });
    rate.reset();
    clearExpectations();
    recorder.clear();
  }

  // --- fault injection --------------------------------------------------------------------------------------

  /**
   * Starts a fault-injection rule, checked before the stateful store; see {@link Expectation}.
   *
   * @return a builder that picks the method and path glob, or the operation
   */
  public Expectation.Builder expect() {
    return new Expectation.Builder(expectations::add);
  }

  /** Removes every expectation. */
  public void clearExpectations() {
    expectations.clear();
  }

  /**
   * The expectations in the order they are checked (the first active match wins), used up ones included.
   *
   * @return an immutable snapshot
   */
  public List<Expectation> expectations() {
    return List.copyOf(expectations);
  }

  /**
   * Removes one expectation.
   *
   * @param expectation one of {@link #expectations()}
   * @return false when it was not (or no longer) registered
   */
  public boolean removeExpectation(Expectation expectation) {
    return expectations.remove(expectation);
  }

  // --- Pact provider states ---------------------------------------------------------------------------------

  /**
   * The Pact provider states of this emulator (the ones the hubsdk pacts use), also served over HTTP at
   * {@code POST /_emulator/pact/provider-states}.
   *
   * @return the states, one class per tag of the spec
   */
  public ProviderStates providerStates() {
    ProviderStates states = providerStates;
    if (states == null) {
      synchronized (this) {
        if (providerStates == null) {
          providerStates = ProviderStates.of(this);
        }
        states = providerStates;
      }
    }
    return states;
  }

  /**
   * Whether this emulator serves the control API under {@code /_emulator/}.
   *
   * @return true when it does (see {@link Builder#controlApi(boolean)})
   */
  public boolean controlApiEnabled() {
    return control != null;
  }

  // --- recorded requests ------------------------------------------------------------------------------------

  /**
   * The requests received since start or the last {@link #reset()}, oldest first; only the latest are kept
   * ({@link Builder#maxRecordedRequests(int)}, {@link Builder#maxRecordedBytes(long)}), each body cut at
   * 64 KiB ({@link RecordedRequest#bodyTruncated()}).
   *
   * @return an immutable snapshot
   */
  public List<RecordedRequest> requests() {
    return recorder.snapshot();
  }

  /** Forgets the recorded requests (and their count), as {@link #reset()} does, without touching the state. */
  public void clearRequests() {
    recorder.clear();
  }

  /**
   * How many requests arrived since start or the last {@link #reset()} (all of them, even those no
   * longer kept).
   *
   * @return the count
   */
  public int requestCount() {
    return (int) Math.min(Integer.MAX_VALUE, recorder.count());
  }

  /**
   * The oldest request not yet taken (like MockWebServer's {@code takeRequest}, but never blocks).
   *
   * @return the request, or null when every kept request has been taken
   */
  public RecordedRequest takeRequest() {
    return recorder.take();
  }

  // --- lifecycle --------------------------------------------------------------------------------------

  /** Stops the server at once and releases its threads and port. Idempotent. */
  @Override
  public void close() {
    listener.close();
  }

  @Override
  public String toString() {
    return "DockerHubEmulator[" + baseUrl() + "]";
  }

  /**
   * Configures and {@linkplain #start() starts} a {@link DockerHubEmulator}. Not thread-safe; each
   * {@code start()} makes an independent emulator. The defaults:
   *
   * <table>
   *   <caption>Builder defaults</caption>
   *   <tr><th>option</th><th>default</th></tr>
   *   <tr><td>{@link #port(int)}, {@link #bindAddress(InetAddress)}</td><td>ephemeral port of the loopback address</td></tr>
   *   <tr><td>{@link #clock(MutableClock)}</td><td>{@link MutableClock#system()}</td></tr>
   *   <tr><td>{@link #tokenTtl(Duration)}</td><td>10 minutes, as on the live Hub</td></tr>
   *   <tr><td>{@link #loginLockout(int, Duration)}</td><td>5 failures in a row lock the identifier for 10 minutes</td></tr>
   *   <tr><td>{@link #maxTrackedLogins(int)}</td><td>10,000 identifiers (and pending 2FA logins), least recently used out</td></tr>
   *   <tr><td>{@link #rateLimit(int, Duration)}</td><td>off: headers still sent, limit {@value Integer#MAX_VALUE} per minute</td></tr>
   *   <tr><td>{@link #retryAfterFormat}, {@link #xRetryAfterHeader}</td><td>seconds; no {@code X-Retry-After}</td></tr>
   *   <tr><td>{@link #threads(int)}</td><td>8 requests answered at once</td></tr>
   *   <tr><td>{@link #maxConnections(int)}</td><td>256 connections, each on its own thread (503 beyond)</td></tr>
   *   <tr><td>{@link #requestTimeout(Duration)}</td><td>10 seconds per request (408 beyond); idle connections close after 30 s</td></tr>
   *   <tr><td>{@link #maxRequestBodyBytes(int)}</td><td>1 MiB (413 beyond, the rest unread)</td></tr>
   *   <tr><td>{@link #maxRecordedRequests(int)}, {@link #maxRecordedBytes(long)}</td><td>10,000 requests, 32 MiB; bodies cut at 64 KiB</td></tr>
   * </table>
   */
  public static final class Builder extends BuilderOptions {

    private Builder() {}

    /**
     * Seeds the state and starts listening.
     *
     * @return the running emulator; close it when done
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalStateException when an operation of the spec has no handler (a build defect)
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
