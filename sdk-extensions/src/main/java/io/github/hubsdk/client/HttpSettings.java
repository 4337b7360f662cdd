package io.github.hubsdk.client;

import io.github.hubsdk.client.paging.Paginator;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The connection-level half of {@link DockerHubClient.Builder}: timeouts, limits, hooks, proxy and TLS.
 * Package-private; its public setters appear on {@link DockerHubClient.Builder}.
 */
abstract class HttpSettings {

  static final long DEFAULT_MAX_RESPONSE_BYTES = DockerHubClient.DEFAULT_MAX_RESPONSE_BYTES;

  private Duration connectTimeout;
  private Duration readTimeout;
  private Duration callTimeout;
  private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
  private int maxPages = Paginator.DEFAULT_MAX_PAGES;
  private final List<CallObserver> observers = new ArrayList<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private HttpClient httpClient;
  private ProxySelector proxy;
  private SSLContext sslContext;
  private SSLParameters sslParameters;
  private Executor executor;
  private boolean plainHttpToRemoteHost;
  private boolean pacing = true;

  HttpSettings() {
  }

  abstract DockerHubClient.Builder self();

  /**
   * TCP connect timeout (default 10 s).
   *
   * @param timeout positive
   * @return this builder
   */
  public DockerHubClient.Builder connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
    return self();
  }

  /**
   * Longest silence while waiting for an answer's headers or between two parts of its body (default 30 s).
   *
   * @param timeout positive
   * @return this builder
   */
  public DockerHubClient.Builder readTimeout(Duration timeout) {
    this.readTimeout = positive(timeout, "readTimeout");
    return self();
  }

  /**
   * Limit for one whole HTTP exchange, from sending to the last byte of the body, retries excluded
   * (default 60 s).
   *
   * @param timeout positive
   * @return this builder
   */
  public DockerHubClient.Builder callTimeout(Duration timeout) {
    this.callTimeout = positive(timeout, "callTimeout");
    return self();
  }

  /**
   * The longest success answer body the client reads (default 16 MiB); a longer one is a
   * {@link io.github.hubsdk.client.error.ResponseTooLargeException} and its connection is dropped. Error
   * bodies are always read to their first 64 KiB only.
   *
   * @param bytes at least 1024
   * @return this builder
   */
  public DockerHubClient.Builder maxResponseBytes(long bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1024, was " + bytes);
    }
    this.maxResponseBytes = bytes;
    return self();
  }

  /**
   * The page limit of every listing of this client ({@link Paginator#maxPages(int)}; default
   * {@value Paginator#DEFAULT_MAX_PAGES}).
   *
   * @param pages at least 1
   * @return this builder
   */
  public DockerHubClient.Builder maxPagesPerListing(int pages) {
    if (pages < 1) {
      throw new IllegalArgumentException("maxPagesPerListing must be at least 1, was " + pages);
    }
    this.maxPages = pages;
    return self();
  }

  /**
   * Whether calls wait for the rate-limit window to reset when its budget is spent (default on): the
   * client reads {@code X-RateLimit-Remaining} and {@code -Reset} from every answer and, shared by all its
   * threads, holds back the request that would answer 429. A 429 still honours {@code Retry-After}. What
   * it waited shows in {@link DockerHubClient#pacing()} and {@link CallObserver#callPaced}.
   *
   * @param enabled false to send regardless and rely on retries after 429
   * @return this builder
   */
  public DockerHubClient.Builder rateLimitPacing(boolean enabled) {
    this.pacing = enabled;
    return self();
  }

  /**
   * Adds a hook that sees every exchange (operation, method, path, status, time), e.g. for metrics.
   *
   * @param observer the observer; called on the calling thread
   * @return this builder
   */
  public DockerHubClient.Builder observer(CallObserver observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
    return self();
  }

  /**
   * A header sent with every request, e.g. for a proxy that routes by it. Credentials headers are refused:
   * the client sets {@code Authorization} itself, and only for Docker Hub.
   *
   * @param name the header name
   * @param value the value
   * @return this builder
   */
  public DockerHubClient.Builder header(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    String lower = name.trim().toLowerCase(Locale.ROOT);
    if (Set.of("authorization", "proxy-authorization", "cookie", "host", "connection", "content-length",
        "expect", "upgrade", "user-agent").contains(lower) || lower.isEmpty()) {
      throw new IllegalArgumentException("header " + name + " cannot be set (the client manages it)");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("header " + name + " must not contain line breaks");
    }
    headers.put(name.trim(), value);
    return self();
  }

  /**
   * A proxy for every request (the JDK's {@link ProxySelector}, e.g. {@code ProxySelector.of(address)}).
   *
   * @param proxy the selector
   * @return this builder
   */
  public DockerHubClient.Builder proxy(ProxySelector proxy) {
    this.proxy = Objects.requireNonNull(proxy, "proxy");
    return self();
  }

  /**
   * The TLS context (trusted certificates, client certificates), e.g. for a company proxy that
   * re-signs traffic.
   *
   * @param context the context
   * @return this builder
   */
  public DockerHubClient.Builder sslContext(SSLContext context) {
    this.sslContext = Objects.requireNonNull(context, "context");
    return self();
  }

  /**
   * TLS parameters (protocols, cipher suites).
   *
   * @param parameters the parameters
   * @return this builder
   */
  public DockerHubClient.Builder sslParameters(SSLParameters parameters) {
    this.sslParameters = Objects.requireNonNull(parameters, "parameters");
    return self();
  }

  /**
   * The executor the HTTP client runs its asynchronous work on (default: the client's own daemon
   * threads, stopped by {@link DockerHubClient#close()}). A supplied executor is left to its owner.
   *
   * @param executor the executor
   * @return this builder
   */
  public DockerHubClient.Builder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return self();
  }

  /**
   * A JDK HTTP client of your own, to share its connection pool. It must not follow redirects
   * ({@link HttpClient.Redirect#NEVER}, the JDK's default): a redirected request would carry its
   * credentials elsewhere. Its own settings (proxy, TLS, executor) are used; the timeouts of this builder
   * still bound every call. Not closed by {@link DockerHubClient#close()}.
   *
   * @param client the client
   * @return this builder
   * @throws IllegalArgumentException when the client follows redirects
   */
  public DockerHubClient.Builder httpClient(HttpClient client) {
    Objects.requireNonNull(client, "client");
    if (client.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException("the HttpClient follows redirects (" + client.followRedirects()
          + "); build it with followRedirects(HttpClient.Redirect.NEVER)");
    }
    this.httpClient = client;
    return self();
  }

  /**
   * Allows credentials over plain {@code http://} to a host that is not this machine, e.g. an emulator
   * in another container. Without it, {@link DockerHubClient.Builder#build()} refuses: a password or token would cross the
   * network unencrypted.
   *
   * @return this builder
   */
  public DockerHubClient.Builder allowPlainHttpToRemoteHost() {
    this.plainHttpToRemoteHost = true;
    return self();
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive (there is no infinite timeout), was " + d);
    }
    return d;
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost") || h.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
      return true;
    }
    // Only literal addresses are checked: resolving a name here would be a network call.
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  ClientWiring.Settings settings(java.net.URI baseUrl, Credentials credentials, RetryPolicy retryPolicy,
      java.time.Clock clock, Duration refreshAhead, Sleeper sleeper, Map<String, String> fixedHeaders) {
    if (httpClient != null && (proxy != null || sslContext != null || sslParameters != null || executor != null)) {
      throw new IllegalStateException("proxy, sslContext, sslParameters and executor configure the client's own"
          + " HttpClient; set them on the HttpClient you supply instead");
    }
    boolean secretsAllowed = !"http".equalsIgnoreCase(baseUrl.getScheme()) || plainHttpToRemoteHost
        || isLoopback(baseUrl.getHost());
    if (credentials != null && !secretsAllowed) {
      throw new IllegalStateException("refusing to send credentials over plain http to " + baseUrl.getHost()
          + ": use https, or allowPlainHttpToRemoteHost() if this is a test server on another machine");
    }
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(fixedHeaders);
    return new ClientWiring.Settings(baseUrl, credentials,
        connectTimeout == null ? DockerHubClient.DEFAULT_CONNECT_TIMEOUT : connectTimeout,
        readTimeout == null ? DockerHubClient.DEFAULT_READ_TIMEOUT : readTimeout,
        callTimeout == null ? DockerHubClient.DEFAULT_CALL_TIMEOUT : callTimeout, retryPolicy, clock, refreshAhead,
        sleeper, maxResponseBytes, maxPages, pacing, List.copyOf(observers), all, httpClient, proxy, sslContext,
        sslParameters, executor, secretsAllowed);
  }
}
