package io.github.hubsdk.client;

import feign.Request;
import feign.Response;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.DockerHubTransportException;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the client's policies wrap an HTTP exchange, as Feign's {@link feign.Client}: the
 * bearer JWT for operations that need one, a single renewal and repeat after a 401, retries of what is
 * safe to retry, the latest rate-limit headers, and the {@link CallObserver}. Which operation a request is,
 * and so whether it is idempotent or anonymous, comes from the spec's catalogue ({@link HubOperation}),
 * looked up once per generated method.
 *
 * <p>What is retried: GET, HEAD, PUT and DELETE on 429, 502, 503 and 504 and on I/O failures other than
 * timeouts (the server may still be working when the caller's limit passes); POST and PATCH only on a 429
 * that carries {@code Retry-After} (the server refused it unprocessed), or when the connection could not
 * be opened at all (the request provably never left). A login is never repeated: Docker Hub locks an
 * account after repeated failed logins.
 */
final class CallPolicies implements feign.Client {

  private static final Logger LOG = LoggerFactory.getLogger(CallPolicies.class);
  private static final Set<Integer> RETRY_STATUSES = Set.of(429, 502, 503, 504);
  private static final String LOGIN_TAG = "authentication";

  private final HttpEdge edge;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final List<CallObserver> observers;
  private final Map<String, Collection<String>> fixedLists;
  private volatile Bearer lastBearer;
  private final AtomicReference<RateLimit> rateLimit;
  private final RateLimitPacer pacer;
  private final Map<Method, Call> calls = new ConcurrentHashMap<>();
  private volatile TokenManager tokens;
  private volatile boolean closed;

  /** The spec's security scheme of the SCIM operations: a bearer of its own, never the Hub JWT. */
  static final String SCIM_SCHEME = "bearerSCIMAuth";

  /**
   * What the catalogue says about one generated method. {@code scim}: the operation takes the SCIM token, which
   * the {@link Scim} group's own interface puts on the request; the client's JWT is never added to it.
   */
  record Call(String operation, boolean idempotent, boolean authenticated, boolean login, boolean scim) {
    static Call of(Method method, String httpMethod) {
      HubOperation op = HubOperation.byId(method.getName());
      if (op == null) {
        // Not one of the spec's operations (a caller's own interface through api(Class)): authenticated,
        // idempotent by its HTTP method.
        boolean idem = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS").contains(httpMethod);
        return new Call(method.getName(), idem, true, false, false);
      }
      boolean scim = op.securitySchemes().contains(SCIM_SCHEME);
      return new Call(op.operationId(), op.idempotent(), !op.anonymous() && !scim, LOGIN_TAG.equals(op.tag()), scim);
    }
  }

  CallPolicies(HttpEdge edge, RetryPolicy policy, Sleeper sleeper, Clock clock, List<CallObserver> observers,
      Map<String, String> fixedHeaders, AtomicReference<RateLimit> rateLimit, RateLimitPacer pacer) {
    this.edge = edge;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.observers = List.copyOf(observers);
    Map<String, Collection<String>> lists = new LinkedHashMap<>();
    // In the order they were given, without any Authorization (which only the JWT or the SCIM token sets).
    fixedHeaders.forEach((k, v) -> {
      if (!k.equalsIgnoreCase("Authorization")) {
        lists.put(k, List.of(v));
      }
    });
    this.fixedLists = Collections.unmodifiableMap(lists);
    this.rateLimit = rateLimit;
    this.pacer = pacer;
  }

  /** Set once, after the token manager (which logs in through this very client) exists. */
  void tokens(TokenManager tokens) {
    this.tokens = tokens;
  }

  void close() {
    closed = true;
  }

  @Override
  public Response execute(Request request, Request.Options ignored) {
    if (closed) {
      throw new IllegalStateException("this DockerHubClient is closed");
    }
    Call call = call(request);
    TokenManager auth = call.authenticated() ? tokens : null;
    boolean observed = !observers.isEmpty();
    String path = observed ? pathOf(request.url()) : null;
    int attempt = 0;
    Duration waited = Duration.ZERO;
    boolean renewed = false;
    while (true) {
      attempt++;
      String jwt = auth == null ? null : auth.current();
      Request outgoing = withHeaders(request, jwt, call.scim());
      CallObserver.CallEvent sent = observed ? new CallObserver.CallEvent(call.operation(),
          request.httpMethod().name(), path, attempt, 0, Duration.ZERO) : null;
      if (observed) {
        notify(o -> o.requestSent(sent));
      }
      RateLimitPacer.Permit permit = pace(call, request, path, attempt);
      long start = System.nanoTime();
      Response response;
      try {
        response = edge.exchange(outgoing, call.operation());
      } catch (DockerHubException failure) {
        if (pacer != null) {
          pacer.completed(permit, null);
        }
        CallObserver.CallEvent failed = new CallObserver.CallEvent(call.operation(), request.httpMethod().name(),
            path, attempt, 0, Duration.ofNanos(System.nanoTime() - start));
        if (observed) {
          notify(o -> o.attemptFailed(failed, failure));
        }
        Duration delay = retryableFailure(call, failure)
            ? policy.delayBeforeNextAttempt(attempt, null, waited).orElse(null) : null;
        if (delay == null) {
          throw failure;
        }
        LOG.debug("{} failed ({}); attempt {} of {} in {}", call.operation(), describe(failure), attempt + 1,
            policy.maxAttempts(), delay);
        pause(failed, delay, failure);
        waited = waited.plus(delay);
        continue;
      }
      int status = response.status();
      RateLimit limit = RateLimit.fromHeaders(response.headers(), clock.instant()).orElse(null);
      if (limit != null) {
        rateLimit.set(limit);
      }
      if (pacer != null) {
        pacer.completed(permit, limit);
        if (status == 429) {
          pacer.exhausted(RetryAfter.parse(response.headers(), clock));
        }
      }
      CallObserver.CallEvent answered = observed ? new CallObserver.CallEvent(call.operation(),
          request.httpMethod().name(), path, attempt, status, Duration.ofNanos(System.nanoTime() - start)) : null;
      if (observed) {
        notify(o -> o.responseReceived(answered));
      }
      if (status == 401 && jwt != null && auth.renewable() && !renewed) {
        renewed = true;
        attempt--;
        LOG.debug("{} answered 401; renewing the token and repeating the call once", call.operation());
        auth.invalidate(jwt);
        continue;
      }
      Duration delay = retryableStatus(call, response)
          ? policy.delayBeforeNextAttempt(attempt, RetryAfter.parse(response.headers(), clock), waited).orElse(null)
          : null;
      if (delay == null) {
        return response;
      }
      LOG.debug("{} answered {}; attempt {} of {} in {}", call.operation(), status, attempt + 1,
          policy.maxAttempts(), delay);
      pause(answered != null ? answered : new CallObserver.CallEvent(call.operation(), request.httpMethod().name(),
          path, attempt, status, Duration.ZERO), delay, null);
      waited = waited.plus(delay);
    }
  }

  /** The operation behind a request, named as in the spec: the generated method's name is its operationId. */
  static String operationOf(Request request) {
    Method m = request == null || request.requestTemplate() == null
        || request.requestTemplate().methodMetadata() == null ? null : request.requestTemplate().methodMetadata().method();
    return m == null ? "unknown" : m.getName();
  }

  private Call call(Request request) {
    Method m = request.requestTemplate() == null || request.requestTemplate().methodMetadata() == null
        ? null : request.requestTemplate().methodMetadata().method();
    if (m == null) {
      return new Call("unknown", false, true, false, false);
    }
    return calls.computeIfAbsent(m, x -> Call.of(x, request.httpMethod().name()));
  }

  /** Waits, when the budget of the current window is spent, for the window to reset. */
  private RateLimitPacer.Permit pace(Call call, Request request, String path, int attempt) {
    if (pacer == null) {
      return null;
    }
    RateLimitPacer.Permit permit;
    try {
      permit = pacer.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerHubTransportException(call.operation() + " interrupted while waiting for the rate limit"
          + " window to reset", call.operation(), e);
    }
    Duration waited = permit.waited();
    if (!waited.isZero()) {
      LOG.debug("{} waited {} for the rate limit window to reset", call.operation(), waited);
      if (!observers.isEmpty()) {
        CallObserver.CallEvent event = new CallObserver.CallEvent(call.operation(), request.httpMethod().name(),
            path, attempt, 0, Duration.ZERO);
        notify(o -> o.callPaced(event, waited));
      }
    }
    return permit;
  }

  private boolean retryableFailure(Call call, DockerHubException failure) {
    if (call.login() || !(failure instanceof DockerHubTransportException) || failure.getCause() == null) {
      return false;
    }
    Throwable cause = failure.getCause();
    if (HttpEdge.neverSent(cause)) {
      return true;
    }
    return call.idempotent() && HttpEdge.isIo(cause) && !HttpEdge.isTimeout(cause);
  }

  private boolean retryableStatus(Call call, Response response) {
    int status = response.status();
    if (call.login() || !RETRY_STATUSES.contains(status)) {
      return false;
    }
    if (call.idempotent()) {
      return true;
    }
    return status == 429 && RetryAfter.parse(response.headers(), clock) != null;
  }

  private void pause(CallObserver.CallEvent event, Duration delay, DockerHubException failure) {
    if (!observers.isEmpty()) {
      notify(o -> o.retryScheduled(event, delay));
    }
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (failure != null) {
        throw failure;
      }
      throw new DockerHubTransportException(event.operation() + " interrupted while waiting to retry",
          event.operation(), e);
    }
  }

  private Request withHeaders(Request request, String jwt, boolean scim) {
    Map<String, Collection<String>> in = request.headers();
    Map<String, Collection<String>> headers = new LinkedHashMap<>((in.size() + fixedLists.size() + 2) * 2);
    // A SCIM call keeps the SCIM token its group's interface set, and only that; any other call gets the JWT.
    Collection<String> scimToken = null;
    for (Map.Entry<String, Collection<String>> e : in.entrySet()) {
      if (e.getKey().equalsIgnoreCase("Authorization")) {
        if (scim && scimToken == null) {
          scimToken = e.getValue();
        }
      } else {
        headers.put(e.getKey(), e.getValue());
      }
    }
    headers.putAll(fixedLists);
    if (jwt != null) {
      headers.put("Authorization", bearer(jwt));
    } else if (scimToken != null) {
      headers.put("Authorization", scimToken);
    }
    return Request.create(request.httpMethod(), request.url(), headers, request.body(), request.charset(),
        request.requestTemplate());
  }

  /** The header value of the current JWT, made once per token rather than once per call. */
  private List<String> bearer(String jwt) {
    Bearer b = lastBearer;
    if (b == null || !b.jwt().equals(jwt)) {
      b = new Bearer(jwt, List.of("Bearer " + jwt));
      lastBearer = b;
    }
    return b.header();
  }

  private record Bearer(String jwt, List<String> header) {}

  private void notify(Consumer<CallObserver> event) {
    for (CallObserver o : observers) {
      try {
        event.accept(o);
      } catch (RuntimeException e) {
        LOG.warn("a CallObserver failed: {}", e.toString());
      }
    }
  }

  private static String pathOf(String url) {
    try {
      return URI.create(url).getRawPath();
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  private static String describe(DockerHubException e) {
    return e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName();
  }
}
