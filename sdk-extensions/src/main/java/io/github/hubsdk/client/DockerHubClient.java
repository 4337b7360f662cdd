package io.github.hubsdk.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.form.FormEncoder;
import feign.jackson.JacksonEncoder;
import io.github.hubsdk.client.error.UntrustedNextLinkException;
import io.github.hubsdk.openapi.ApiClient;
import io.github.hubsdk.openapi.ApiResponseDecoder;
import io.github.hubsdk.openapi.api.AccessTokensApi;
import io.github.hubsdk.openapi.api.AuditLogsApi;
import io.github.hubsdk.openapi.api.AuthenticationApi;
import io.github.hubsdk.openapi.api.ImagesApi;
import io.github.hubsdk.openapi.api.OrgSettingsApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.client.paging.Paginator;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The Docker Hub client: logs in, keeps the JWT fresh, retries what is safe to retry, pages through
 * lists and turns error answers into typed exceptions. Thread-safe; build one per application (or per
 * set of credentials) and close it when done.
 *
 * <pre>{@code
 * try (DockerHubClient hub = DockerHubClient.builder()
 *     .credentials(Credentials.password("mona", System.getenv("HUB_PASSWORD")))
 *     .build()) {
 *   for (AccessToken token : hub.accessTokens().list()) {
 *     System.out.println(token.getTokenLabel() + " " + token.getIsActive());
 *   }
 * }
 * }</pre>
 *
 * <p>Operations are grouped as in the API: {@link #accessTokens()}, {@link #images(String, String)},
 * {@link #images(String)}, {@link #auditLogs(String)} and {@link #org(String)}. Anything not wrapped is
 * reachable through {@link #api(Class)} with the same authentication, retries and errors.
 */
public final class DockerHubClient implements AutoCloseable {

  /** Docker Hub's API endpoint. */
  public static final String DEFAULT_BASE_URL = "https://hub.docker.com";
  /** Default TCP connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default timeout between two reads of an answer. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /** Default limit for one whole HTTP exchange, from connecting to the last byte of the answer. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  /** Default margin before a JWT's expiry at which it is renewed. */
  public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofSeconds(60);

  private static final String VERSION = loadVersion();

  private final URI baseUrl;
  private final OkHttpClient okHttp;
  private final boolean ownsHttpClient;
  private final feign.Client feignClient;
  private final Request.Options options;
  private final ObjectMapper mapper;
  private final HubErrorDecoder errorDecoder;
  private final Consumer<Feign.Builder> customizer;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Credentials credentials;
  private final TokenManager tokens;
  private final AtomicReference<RateLimit> rateLimit = new AtomicReference<>();
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private final AccessTokens accessTokens;

  private DockerHubClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.clock = b.clock;
    this.retryPolicy = b.retryPolicy;
    this.sleeper = b.sleeper;
    this.customizer = b.feignCustomizer;
    this.credentials = b.credentials;
    this.mapper = new ApiClient().getObjectMapper();
    this.errorDecoder = new HubErrorDecoder(mapper, clock);

    OkHttpClient.Builder http = b.okHttpClient == null ? new OkHttpClient.Builder() : b.okHttpClient.newBuilder();
    OkHttpClient supplied = b.okHttpClient;
    // A supplied client keeps its own timeouts unless set here, but none of them may stay infinite (0).
    if (supplied == null || b.connectTimeout != null || supplied.connectTimeoutMillis() == 0) {
      http.connectTimeout(orDefault(b.connectTimeout, DEFAULT_CONNECT_TIMEOUT));
    }
    if (supplied == null || b.readTimeout != null || supplied.readTimeoutMillis() == 0) {
      http.readTimeout(orDefault(b.readTimeout, DEFAULT_READ_TIMEOUT));
    }
    if (supplied == null || b.callTimeout != null || supplied.callTimeoutMillis() == 0) {
      http.callTimeout(orDefault(b.callTimeout, DEFAULT_CALL_TIMEOUT));
    }
    // OkHttp would otherwise silently resend a request (a POST too) after some connection failures; the
    // SDK's own retry decides instead, and only for idempotent calls.
    http.retryOnConnectionFailure(false);
    if (supplied == null) {
      // OkHttp keeps 5 idle connections by default; a Paginator at its maximum parallelism, or that many
      // application threads, would otherwise open a fresh connection for every call beyond the fifth.
      http.connectionPool(new ConnectionPool(Paginator.MAX_PARALLELISM, 5, TimeUnit.MINUTES));
    }
    http.addInterceptor(chain -> {
      okhttp3.Response response = chain.proceed(chain.request());
      RateLimit.from(response::header, clock.instant()).ifPresent(rateLimit::set);
      return response;
    });
    this.okHttp = http.build();
    this.ownsHttpClient = supplied == null;
    this.feignClient = new feign.okhttp.OkHttpClient(okHttp);
    // Feign re-applies its options per request; they must equal the OkHttp settings or they would win.
    this.options = new Request.Options(okHttp.connectTimeoutMillis(), TimeUnit.MILLISECONDS,
        okHttp.readTimeoutMillis(), TimeUnit.MILLISECONDS, okHttp.followRedirects());

    // Wrapped like every API so that an I/O failure during login is a DockerHubException too (then turned into
    // a LoginFailedException, which no caller retries); POSTs are never retried by the wrapper itself.
    AuthenticationApi anonymousAuth = RetryingInvoker.wrap(AuthenticationApi.class,
        feignBuilder(null).target(AuthenticationApi.class, baseUrl.toString()), retryPolicy, sleeper, null);
    this.tokens = credentials == null ? null
        : new TokenManager(credentials, anonymousAuth, clock, b.refreshAhead);
    this.accessTokens = new AccessTokens(this);
  }

  /**
   * A builder with the defaults: {@value #DEFAULT_BASE_URL}, timeouts 10 s connect / 30 s read / 60 s
   * per call, {@link RetryPolicy#defaults()}, the system clock, renewal 60 s before expiry.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The {@code User-Agent} this client sends: {@code hubsdk-java/<version>}.
   *
   * @return the header value
   */
  public static String userAgent() {
    return "hubsdk-java/" + VERSION;
  }

  /**
   * The personal access tokens of the logged-in user (needs a password login).
   *
   * @return the operations group
   */
  public AccessTokens accessTokens() {
    return accessTokens;
  }

  /**
   * The images of one repository (Advanced Image Management; retired on the live Hub in December 2023).
   *
   * @param namespace the user or organization
   * @param repository the repository's name
   * @return the operations group
   * @throws io.github.hubsdk.client.error.InvalidRequestException when a name is blank or a dot segment
   */
  public RepositoryImages images(String namespace, String repository) {
    return new RepositoryImages(this, Checks.segment("namespace", namespace), Checks.segment("repository", repository));
  }

  /**
   * The images of a whole namespace, for deletion.
   *
   * @param namespace the user or organization
   * @return the operations group
   * @throws io.github.hubsdk.client.error.InvalidRequestException when the name is blank or a dot segment
   */
  public NamespaceImages images(String namespace) {
    return new NamespaceImages(this, Checks.segment("namespace", namespace));
  }

  /**
   * The audit log of an organization or user.
   *
   * @param account the namespace whose log to read
   * @return the operations group
   * @throws io.github.hubsdk.client.error.InvalidRequestException when the name is blank or a dot segment
   */
  public AuditLogs auditLogs(String account) {
    return new AuditLogs(this, Checks.segment("account", account));
  }

  /**
   * The settings of an organization.
   *
   * @param name the organization's name
   * @return the operations group
   * @throws io.github.hubsdk.client.error.InvalidRequestException when the name is blank or a dot segment
   */
  public Organization org(String name) {
    return new Organization(this, Checks.segment("organization", name));
  }

  /**
   * Logs in now instead of at the first call, so that bad credentials surface early. Does nothing when a
   * valid token is already held.
   *
   * @throws io.github.hubsdk.client.error.LoginFailedException when the login is refused
   * @throws IllegalStateException when the client was built without credentials
   */
  public void login() {
    if (tokens == null) {
      throw new IllegalStateException("this client has no credentials");
    }
    tokens.current();
  }

  /**
   * The {@code X-RateLimit-*} values of the latest answer that carried them.
   *
   * @return the snapshot, or empty before the first such answer
   */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit.get());
  }

  /**
   * Any generated API interface, with this client's authentication, retries and error decoding.
   * {@link AuthenticationApi} is returned unauthenticated and, like every POST, is never retried.
   *
   * @param <T> the interface type
   * @param type e.g. {@code ImagesApi.class}
   * @return a thread-safe implementation, cached per type
   */
  public <T extends ApiClient.Api> T api(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return type.cast(apis.computeIfAbsent(type, t -> build(type)));
  }

  /**
   * The base URL requests go to.
   *
   * @return e.g. {@code https://hub.docker.com}
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Releases the connection pool and threads of the HTTP client this client created. A client supplied
   * to the builder is left to its owner.
   */
  @Override
  public void close() {
    if (ownsHttpClient) {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "DockerHubClient{" + baseUrl + ", " + credentials + "}";
  }

  // --- package internals used by the operation groups ---------------------------------------------------

  AccessTokensApi accessTokensApi() {
    return api(AccessTokensApi.class);
  }

  ImagesApi imagesApi() {
    return api(ImagesApi.class);
  }

  AuditLogsApi auditLogsApi() {
    return api(AuditLogsApi.class);
  }

  OrgSettingsApi orgSettingsApi() {
    return api(OrgSettingsApi.class);
  }

  NextPageApi nextPageApi() {
    return api(NextPageApi.class);
  }

  /**
   * A paginator over a list answered in the {@code {count, next, previous, results}} shape: the first page
   * by number, each further one by following {@code next} exactly, once {@link #trustedNext} accepts it.
   */
  <P, T> Paginator<T> linkedPages(String operation, Function<URI, P> byLink,
      BiFunction<Integer, Integer, P> byNumber, Function<P, List<T>> results, Function<P, Integer> count,
      Function<P, URI> next) {
    return Paginator.of(request -> {
      P page = request.next().isPresent()
          ? byLink.apply(trustedNext(request.next().get(), operation))
          : byNumber.apply(request.pageNumber(), request.pageSize());
      return Page.linked(results.apply(page), count.apply(page), next.apply(page), request);
    });
  }

  /** Refuses a {@code next} link to any other origin: following it would hand the JWT to that server. */
  URI trustedNext(URI next, String operation) {
    URI resolved = next.isAbsolute() ? next : baseUrl.resolve(next);
    boolean sameScheme = baseUrl.getScheme().equalsIgnoreCase(String.valueOf(resolved.getScheme()));
    boolean sameHost = resolved.getHost() != null && baseUrl.getHost().equalsIgnoreCase(resolved.getHost());
    boolean samePort = port(baseUrl) == port(resolved);
    boolean noUserInfo = resolved.getRawUserInfo() == null;
    if (!(sameScheme && sameHost && samePort && noUserInfo)) {
      throw new UntrustedNextLinkException(operation, next, baseUrl);
    }
    return resolved;
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private <T> T build(Class<T> type) {
    boolean anonymous = type == AuthenticationApi.class;
    T feignTarget = feignBuilder(anonymous ? null : tokens).target(type, baseUrl.toString());
    return RetryingInvoker.wrap(type, feignTarget, retryPolicy, sleeper, anonymous ? null : tokens);
  }

  private Feign.Builder feignBuilder(TokenManager auth) {
    String agent = userAgent();
    Feign.Builder fb = Feign.builder()
        .client(feignClient)
        .options(options)
        .encoder(new FormEncoder(new JacksonEncoder(mapper)))
        .decoder(new ApiResponseDecoder(mapper))
        .errorDecoder(errorDecoder)
        .retryer(Retryer.NEVER_RETRY)
        .logger(new RedactingLogger())
        .logLevel(Logger.Level.FULL)
        .requestInterceptor(template -> template.header("User-Agent", agent));
    if (auth != null) {
      fb.requestInterceptor(bearer(auth));
    }
    if (customizer != null) {
      customizer.accept(fb);
    }
    return fb;
  }

  private static RequestInterceptor bearer(TokenManager auth) {
    return template -> {
      String jwt = auth.current();
      RetryingInvoker.LAST_TOKEN.set(jwt);
      template.removeHeader("Authorization");
      template.header("Authorization", "Bearer " + jwt);
    };
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null ? fallback : value;
  }

  private static String loadVersion() {
    Properties p = new Properties();
    try (InputStream in = DockerHubClient.class.getResourceAsStream("hubsdk.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Only the User-Agent suffers; not worth failing class initialisation.
    }
    String v = p.getProperty("version", "unknown");
    return v.startsWith("${") ? "unknown" : v;
  }

  /** Builds a {@link DockerHubClient}; every setting has a default except the credentials. */
  public static final class Builder {
    private URI baseUrl = URI.create(DEFAULT_BASE_URL);
    private Credentials credentials;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private OkHttpClient okHttpClient;
    private Consumer<Feign.Builder> feignCustomizer;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Duration refreshAhead = DEFAULT_REFRESH_AHEAD;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {
    }

    /**
     * Where to send requests (default {@value DockerHubClient#DEFAULT_BASE_URL}); e.g. the hub-emulator.
     * Pagination links are only followed to this scheme, host and port.
     *
     * @param url an absolute http or https URL without query
     * @return this builder
     */
    public Builder baseUrl(String url) {
      Objects.requireNonNull(url, "url");
      URI uri;
      try {
        uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl is not a URL: " + url, e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
          || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL without user info or query: "
            + url);
      }
      this.baseUrl = uri;
      return this;
    }

    /**
     * How to log in. Without credentials, requests carry no {@code Authorization} header.
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * TCP connect timeout (default 10 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Longest silence while reading an answer (default 30 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * Limit for one whole HTTP exchange, retries excluded (default 60 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /**
     * An OkHttp client to share (connection pool, proxy, TLS settings). The SDK adds its own interceptor
     * on a derived client and leaves this one unchanged; timeouts set on this builder override the
     * supplied client's, and an infinite (0) timeout of the supplied client is replaced by the default.
     * The derived client does not retry on connection failure by itself (OkHttp's
     * {@code retryOnConnectionFailure}), because that could resend a POST; the SDK's retry policy retries
     * idempotent calls instead.
     *
     * @param client the client
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * A last word on every Feign builder the client creates (one per API interface), e.g. to add a
     * request interceptor or metrics. Replacing the client, error decoder or retryer disables the
     * corresponding SDK behaviour.
     *
     * @param customizer called once per Feign builder
     * @return this builder
     */
    public Builder feignCustomizer(Consumer<Feign.Builder> customizer) {
      this.feignCustomizer = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * When to retry (default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} to disable).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The clock for token expiry and unix-time {@code Retry-After} values (default UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long before the JWT's {@code exp} it is renewed (default 60 s).
     *
     * @param margin not negative
     * @return this builder
     */
    public Builder refreshAhead(Duration margin) {
      Objects.requireNonNull(margin, "margin");
      if (margin.isNegative()) {
        throw new IllegalArgumentException("refreshAhead must not be negative, was " + margin);
      }
      this.refreshAhead = margin;
      return this;
    }

    /**
     * How the client waits between retries (default: sleep the thread). For tests.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the client. No request is sent until the first call or {@link DockerHubClient#login()}.
     *
     * @return the client
     */
    public DockerHubClient build() {
      return new DockerHubClient(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive (there is no infinite timeout), was " + d);
      }
      return d;
    }
  }
}
