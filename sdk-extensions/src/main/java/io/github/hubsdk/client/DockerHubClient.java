package io.github.hubsdk.client;

import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.ApiClient;
import io.github.hubsdk.openapi.api.AuthenticationApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

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
 * {@link #images(String)}, {@link #auditLogs(String)}, {@link #org(String)} and, with a SCIM token of its own,
 * {@link #scim(String)}. Anything not wrapped is
 * reachable through {@link #api(Class)} with the same authentication, retries and errors.
 */
public final class DockerHubClient implements AutoCloseable {

  /** Docker Hub's API endpoint. */
  public static final String DEFAULT_BASE_URL = "https://hub.docker.com";
  /** Default TCP connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default limit for a silence while waiting for an answer or reading its body. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /** Default limit for one whole HTTP exchange, from connecting to the last byte of the answer. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  /** Default margin before a JWT's expiry at which it is renewed. */
  public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofSeconds(60);
  /** Default limit on a success answer's body: a page of 100 items is well under 1 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private static final String VERSION = loadVersion();

  private final URI baseUrl;
  private final Credentials credentials;
  private final ClientWiring wiring;
  private final Transport transport;
  private final AccessTokens accessTokens;
  private final Accounts accounts;

  private DockerHubClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.credentials = b.credentials;
    this.wiring = new ClientWiring(b.settings(b.baseUrl, b.credentials, b.retryPolicy, b.clock, b.refreshAhead,
        b.sleeper, Map.of("User-Agent", userAgent())));
    this.transport = wiring.transport;
    this.accessTokens = new AccessTokens(transport);
    this.accounts = new Accounts(transport);
  }

  /**
   * A builder with the defaults: {@value #DEFAULT_BASE_URL}, timeouts 10 s connect / 30 s read / 60 s
   * per call, {@link RetryPolicy#defaults()}, the system clock, renewal 60 s before expiry, answers up to
   * 16 MiB, at most {@value Paginator#DEFAULT_MAX_PAGES} pages per listing.
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
    return new RepositoryImages(transport, Checks.segment("namespace", namespace),
        Checks.segment("repository", repository));
  }

  /**
   * The images of a whole namespace, for deletion.
   *
   * @param namespace the user or organization
   * @return the operations group
   * @throws io.github.hubsdk.client.error.InvalidRequestException when the name is blank or a dot segment
   */
  public NamespaceImages images(String namespace) {
    return new NamespaceImages(transport, Checks.segment("namespace", namespace));
  }

  /**
   * The repositories of a user or organization: list (lazily, with a name filter and an order) and create.
   *
   * @param namespace the user or organization
   * @return the operations group
   * @throws io.github.hubsdk.client.error.InvalidRequestException when the name is blank or a dot segment
   */
  public NamespaceRepositories repositories(String namespace) {
    return new NamespaceRepositories(transport, Checks.segment("namespace", namespace));
  }

  /**
   * One repository: get, exists, descriptions, privacy, delete, its tags and immutable-tag settings.
   *
   * @param namespace the user or organization
   * @param repository the repository's name (Docker's rules, checked before any request)
   * @return the operations group
   * @throws io.github.hubsdk.client.error.InvalidRequestException when a name breaks the rules
   */
  public RepositoryOperations repository(String namespace, String repository) {
    return new RepositoryOperations(transport, Checks.segment("namespace", namespace),
        Checks.repositoryName(repository));
  }

  /**
   * The audit log of an organization or user.
   *
   * @param account the namespace whose log to read
   * @return the operations group
   * @throws io.github.hubsdk.client.error.InvalidRequestException when the name is blank or a dot segment
   */
  public AuditLogs auditLogs(String account) {
    return new AuditLogs(transport, Checks.segment("account", account));
  }

  /**
   * The account the credentials log in as: the cheapest call that proves they work. For organization access
   * token credentials this is the organization. ({@code GET /v2/user}, not in Docker's reference.)
   *
   * @return the account
   * @throws io.github.hubsdk.client.error.LoginFailedException when the credentials are refused
   */
  public io.github.hubsdk.openapi.model.CurrentUser account() {
    return accounts.current();
  }

  /**
   * A user's public profile ({@code GET /v2/users/{username}}, not in Docker's reference).
   *
   * @param username the Docker ID
   * @return the profile
   * @throws io.github.hubsdk.client.error.NotFoundException when there is no such user
   */
  public io.github.hubsdk.openapi.model.UserProfile user(String username) {
    return accounts.user(username);
  }

  /**
   * The organizations the logged-in user owns or belongs to, lazily paged ({@code GET /v2/user/orgs}, not in
   * Docker's reference).
   *
   * @return a paginator
   */
  public Paginator<io.github.hubsdk.openapi.model.OrganizationProfile> organizations() {
    return accounts.organizations();
  }

  /**
   * An organization: its profile, settings and, as they are added, members, teams and access tokens. The
   * same as {@link #org(String)}.
   *
   * @param name the organization's name
   * @return the operations group
   * @throws io.github.hubsdk.client.error.InvalidRequestException when the name is blank or a dot segment
   */
  public Organization organization(String name) {
    return org(name);
  }

  /**
   * The settings of an organization.
   *
   * @param name the organization's name
   * @return the operations group
   * @throws io.github.hubsdk.client.error.InvalidRequestException when the name is blank or a dot segment
   */
  public Organization org(String name) {
    return new Organization(transport, accounts, Checks.segment("organization", name));
  }

  /**
   * SCIM 2.0 provisioning of the organization whose SSO connection this SCIM token belongs to. The token is a
   * bearer of its own: it goes on the SCIM calls only, the client's credentials (if any) never do, and a SCIM
   * call never logs in, so a client built without credentials can use it. The token is masked in everything
   * the client shows, like its other secrets.
   *
   * @param scimToken the SCIM token from the organization's SSO connection (Admin Console)
   * @return the operations group
   * @throws io.github.hubsdk.client.error.InvalidRequestException when the token is blank or holds spaces or
   *     control characters
   * @throws IllegalStateException when the base URL is plain http to another machine without
   *     {@code allowPlainHttpToRemoteHost()}
   */
  public Scim scim(String scimToken) {
    Checks.notBlank("SCIM token", scimToken);
    if (scimToken.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new io.github.hubsdk.client.error.InvalidRequestException(
          "SCIM token must not contain spaces or control characters");
    }
    if (!wiring.secretsOverPlainHttp) {
      throw new IllegalStateException("refusing to send a SCIM token over plain http to " + baseUrl.getHost()
          + ": use https, or allowPlainHttpToRemoteHost() if this is a test server on another machine");
    }
    wiring.secrets.addFixed(scimToken);
    return new Scim(transport, scimToken);
  }

  /**
   * Logs in now instead of at the first call, so that bad credentials surface early. Does nothing when a
   * valid token is already held.
   *
   * @throws io.github.hubsdk.client.error.LoginFailedException when the login is refused
   * @throws IllegalStateException when the client was built without credentials, or is closed
   */
  public void login() {
    if (wiring.tokens == null) {
      throw new IllegalStateException("this client has no credentials");
    }
    wiring.tokens.current();
  }

  /**
   * The {@code X-RateLimit-*} values of the latest answer that carried them.
   *
   * @return the snapshot, or empty before the first such answer
   */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(wiring.rateLimit.get());
  }

  /**
   * What rate-limit pacing has done so far ({@link Builder#rateLimitPacing(boolean)}).
   *
   * @return the calls that waited for a window to reset and the total time they waited
   */
  public PacingStats pacing() {
    RateLimitPacer p = wiring.pacer;
    return p == null ? new PacingStats(false, 0, Duration.ZERO) : new PacingStats(true, p.callsDelayed(),
        p.timeWaited());
  }

  /**
   * Any generated API interface, with this client's transport, authentication, retries and error decoding.
   * {@link AuthenticationApi} calls carry no credentials and, like every login, are never retried.
   *
   * @param <T> the interface type
   * @param type e.g. {@code ImagesApi.class}
   * @return a thread-safe implementation, cached per type
   */
  public <T extends ApiClient.Api> T api(Class<T> type) {
    return transport.api(type);
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
   * Stops the client: later calls throw {@link IllegalStateException}, and the threads and connections it
   * created are released. An {@link HttpClient} or executor supplied to the builder is left to its owner.
   */
  @Override
  public void close() {
    wiring.close();
  }

  @Override
  public String toString() {
    return "DockerHubClient{" + baseUrl + ", " + credentials + "}";
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
  public static final class Builder extends HttpSettings {
    private URI baseUrl = URI.create(DEFAULT_BASE_URL);
    private Credentials credentials;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Duration refreshAhead = DEFAULT_REFRESH_AHEAD;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {
    }

    @Override
    Builder self() {
      return this;
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


  }
}
