package io.github.hubsdk.client;

import feign.FeignException;
import feign.RequestLine;
import feign.RetryableException;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.DockerHubTransportException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.client.error.UnauthorizedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a Feign-built API interface with the client's policies: errors become {@link DockerHubException}s,
 * a 401 on an authenticated call renews the token once and repeats the call once, and idempotent calls
 * are retried under the {@link RetryPolicy}. Retrying here rather than in Feign's {@code Retryer} keeps
 * the decision in one place, where the HTTP method is known.
 */
final class RetryingInvoker implements InvocationHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RetryingInvoker.class);
  private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE", "HEAD", "OPTIONS");
  private static final Set<Integer> RETRY_STATUSES = Set.of(429, 502, 503, 504);

  /** The token the auth interceptor put on this thread's latest request, to invalidate after a 401. */
  static final ThreadLocal<String> LAST_TOKEN = new ThreadLocal<>();

  private final Object target;
  private final String name;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final TokenManager tokens;
  /** Per generated method, worked out once: reflection on every call would sit on the hot path. */
  private final Map<Method, Call> calls = new ConcurrentHashMap<>();

  private record Call(String operation, boolean idempotent) {
    static Call of(Method method) {
      return new Call(RetryingInvoker.operation(method), IDEMPOTENT.contains(httpMethod(method)));
    }
  }

  private RetryingInvoker(Object target, String name, RetryPolicy policy, Sleeper sleeper, TokenManager tokens) {
    this.target = target;
    this.name = name;
    this.policy = policy;
    this.sleeper = sleeper;
    this.tokens = tokens;
  }

  /** {@code tokens} is null for the anonymous login API, which is never re-authenticated. */
  static <T> T wrap(Class<T> type, T target, RetryPolicy policy, Sleeper sleeper, TokenManager tokens) {
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new RetryingInvoker(target, type.getSimpleName(), policy, sleeper, tokens));
    return type.cast(proxy);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      switch (method.getName()) {
        case "toString":
          return "hubsdk " + name;
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        default:
          return method.invoke(target, args);
      }
    }
    try {
      return invokeWithPolicies(method, args);
    } finally {
      // The JWT must not outlive the call on a pooled thread.
      LAST_TOKEN.remove();
    }
  }

  private Object invokeWithPolicies(Method method, Object[] args) throws Throwable {
    Call call = calls.computeIfAbsent(method, Call::of);
    String operation = call.operation();
    boolean idempotent = call.idempotent();
    int attempts = 0;
    Duration waited = Duration.ZERO;
    boolean renewed = false;
    while (true) {
      attempts++;
      LAST_TOKEN.remove();
      DockerHubException failure;
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        failure = translate(e.getCause(), operation);
      }
      if (failure instanceof UnauthorizedException && tokens != null && tokens.renewable() && !renewed) {
        renewed = true;
        attempts--;
        LOG.debug("{} answered 401; renewing the token and repeating the call once", operation);
        tokens.invalidate(LAST_TOKEN.get());
        continue;
      }
      if (!idempotent || !retryable(failure)) {
        throw failure;
      }
      Optional<Duration> delay = policy.delayBeforeNextAttempt(attempts, failure.retryAfter().orElse(null), waited);
      if (delay.isEmpty()) {
        throw failure;
      }
      LOG.debug("{} failed ({}); attempt {} of {} in {}", operation, describe(failure), attempts + 1,
          policy.maxAttempts(), delay.get());
      try {
        sleeper.sleep(delay.get());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw failure;
      }
      waited = waited.plus(delay.get());
    }
  }

  private static String describe(DockerHubException e) {
    return e.status() == DockerHubException.NO_STATUS ? e.getCause() == null ? "I/O" :
        e.getCause().getClass().getSimpleName() : String.valueOf(e.status());
  }

  static boolean retryable(DockerHubException e) {
    if (e instanceof RateLimitedException || e instanceof ServerErrorException) {
      return RETRY_STATUSES.contains(e.status());
    }
    if (e instanceof DockerHubTransportException) {
      Throwable io = e.getCause() instanceof RetryableException r && r.getCause() != null ? r.getCause() : e.getCause();
      // Timeouts are not retried: the server may still be working on the request, and the caller chose the limit.
      return io instanceof IOException && !(io instanceof InterruptedIOException);
    }
    return false;
  }

  static DockerHubException translate(Throwable t, String operation) {
    if (t instanceof DockerHubException hub) {
      return hub;
    }
    if (t instanceof RetryableException r) {
      Throwable io = r.getCause() == null ? r : r.getCause();
      return new DockerHubTransportException(operation + " failed: " + io.getClass().getSimpleName()
          + (io.getMessage() == null ? "" : ": " + io.getMessage()), operation, r);
    }
    if (t instanceof FeignException f) {
      return new DockerHubTransportException(operation + " failed: " + f.getClass().getSimpleName()
          + " (status " + f.status() + ")", operation, f);
    }
    if (t instanceof RuntimeException rt) {
      throw rt;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new DockerHubTransportException(operation + " failed: " + t.getClass().getSimpleName(), operation, t);
  }

  static String operation(Method method) {
    return operation(method.getName());
  }

  /** The spec's operationId behind a generated method: {@code loginWithHttpInfo} is {@code login}. */
  static String operation(String methodName) {
    return methodName.endsWith("WithHttpInfo")
        ? methodName.substring(0, methodName.length() - "WithHttpInfo".length()) : methodName;
  }

  static String httpMethod(Method method) {
    RequestLine line = method.getAnnotation(RequestLine.class);
    if (line == null) {
      return "";
    }
    String v = line.value().trim();
    int space = v.indexOf(' ');
    return (space < 0 ? v : v.substring(0, space)).toUpperCase(Locale.ROOT);
  }
}
