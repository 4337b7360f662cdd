package io.github.hubsdk.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import io.github.hubsdk.openapi.api.AuthenticationApi;
import io.github.hubsdk.openapi.json.HubJson;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Builds what one {@link DockerHubClient} runs on, from its builder's settings: the JDK HTTP client (never
 * following redirects), the edge and policy layers, the Feign interfaces over them, the token manager and
 * the {@link Transport} the operation groups use. Kept apart so the client class holds only its API.
 */
final class ClientWiring {

  /** Everything the builder collects. */
  record Settings(URI baseUrl, Credentials credentials, Duration connectTimeout, Duration readTimeout,
      Duration callTimeout, RetryPolicy retryPolicy, Clock clock, Duration refreshAhead, Sleeper sleeper,
      long maxResponseBytes, int maxPages, boolean pacing, List<CallObserver> observers, Map<String, String> headers,
      HttpClient httpClient, ProxySelector proxy, SSLContext sslContext, SSLParameters sslParameters,
      Executor executor, boolean secretsOverPlainHttp) {}

  final Transport transport;
  final TokenManager tokens;
  final CallPolicies policies;
  final AtomicReference<RateLimit> rateLimit = new AtomicReference<>();
  final RateLimitPacer pacer;
  /** Every secret the client holds; {@link DockerHubClient#scim(String)} adds the SCIM tokens it is handed. */
  final Secrets secrets;
  /** Whether secrets may go to the base URL: https, this machine, or allowPlainHttpToRemoteHost(). */
  final boolean secretsOverPlainHttp;
  private final HttpClient http;
  private final boolean ownsHttpClient;

  ClientWiring(Settings s) {
    Secrets secrets = new Secrets();
    if (s.credentials() != null) {
      s.credentials().registerSecrets(secrets);
    }
    ObjectMapper mapper = HubJson.newMapper();
    this.ownsHttpClient = s.httpClient() == null;
    if (s.httpClient() != null) {
      this.http = s.httpClient();
    } else {
      HttpClient.Builder b = HttpClient.newBuilder()
          // Never: a redirected request would carry its credentials to wherever Location points.
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(s.connectTimeout())
          // Plain http is the emulator or a test server; HTTP/2 over TLS multiplexes parallel paging.
          .version("https".equalsIgnoreCase(s.baseUrl().getScheme()) ? HttpClient.Version.HTTP_2
              : HttpClient.Version.HTTP_1_1);
      // By default the JDK's own executor (daemon threads): calls are synchronous sends, so it only carries
      // the client's background work.
      if (s.executor() != null) {
        b.executor(s.executor());
      }
      if (s.proxy() != null) {
        b.proxy(s.proxy());
      }
      if (s.sslContext() != null) {
        b.sslContext(s.sslContext());
      }
      if (s.sslParameters() != null) {
        b.sslParameters(s.sslParameters());
      }
      this.http = b.build();
    }
    HttpEdge edge = new HttpEdge(http, s.readTimeout(), s.callTimeout(), s.maxResponseBytes(),
        new RedactingLogger(secrets), secrets);
    this.pacer = s.pacing() ? new RateLimitPacer(s.clock(), s.sleeper()) : null;
    this.policies = new CallPolicies(edge, s.retryPolicy(), s.sleeper(), s.clock(), s.observers(), s.headers(),
        rateLimit, pacer);
    HubCodec codec = new HubCodec(mapper, secrets);
    HubErrorDecoder errors = new HubErrorDecoder(mapper, s.clock(), secrets);
    String base = s.baseUrl().toString();
    Request.Options options = new Request.Options(s.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
        s.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false);
    // A fresh builder per use: Feign's builder is mutable, and the SCIM interface adds an interceptor to its own.
    java.util.function.Supplier<Feign.Builder> feign = () -> Feign.builder()
        .client(policies)
        // Ignored by CallPolicies (the edge keeps its own limits); followRedirects=false for the record.
        .options(options)
        .encoder(codec)
        .responseInterceptor(codec)
        .errorDecoder(errors)
        .retryer(Retryer.NEVER_RETRY)
        .logLevel(Logger.Level.NONE);
    DirectCalls direct = new DirectCalls(policies, options, codec, errors);
    this.transport = new Transport(s.baseUrl(), type -> feign.get().invocationHandlerFactory(direct).target(type, base),
        (type, bearer) -> feign.get().requestInterceptor(t -> t.header("Authorization", "Bearer " + bearer))
            .target(type, base), s.maxPages());
    this.secrets = secrets;
    this.secretsOverPlainHttp = s.secretsOverPlainHttp();
    this.tokens = s.credentials() == null ? null
        : new TokenManager(s.credentials(), transport.api(AuthenticationApi.class), s.clock(), s.refreshAhead(),
            secrets);
    policies.tokens(tokens);
  }

  /** Stops new calls and releases the connections of the HTTP client this client created. */
  void close() {
    policies.close();
    // Java 21 added HttpClient.shutdownNow(); on 17 the client's selector thread ends once it is unreachable.
    if (ownsHttpClient) {
      try {
        HttpClient.class.getMethod("shutdownNow").invoke(http);
      } catch (ReflectiveOperationException | RuntimeException notOnThisJava) {
        // nothing more can be released here
      }
    }
  }
}
