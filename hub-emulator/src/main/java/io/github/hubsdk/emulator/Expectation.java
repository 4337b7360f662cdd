package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.server.Wire;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A fault-injection rule, checked before the stateful store: requests whose method and path match are
 * answered with a canned response, delayed, or have their connection dropped. Created by
 * {@link DockerHubEmulator#expect()}, e.g.
 *
 * <pre>{@code
 * emulator.expect().get("/v2/access-tokens*").andReturn(503, "{\"detail\":\"down\"}").once();
 * emulator.expect().post("/v2/auth/token").andDelay(Duration.ofSeconds(2));          // then the real answer
 * emulator.expect().any("/v2/namespaces/*").andDropConnection().times(3);
 * emulator.expect().operation("listAccessTokens").andReturn(200, new AccessTokenPage().count(0)).once();
 * }</pre>
 *
 * <p>An expectation is active from its first {@code and...} call and matches any number of times until
 * {@link #times(int)} or {@link #once()} limits it. The path glob matches the raw request path without
 * the query: {@code *} matches any run of characters (slashes included), {@code ?} one character. An
 * expectation made with {@link Builder#operation(String)} matches the requests routed to that operation
 * of the spec instead (on any of its paths, with or without a trailing slash).
 * The first active matching expectation wins. Thread-safe: each request sees the expectation as one
 * consistent state of its chain, never a mix of a response from before a call and parts from after it.
 */
public final class Expectation {

  private final String method;
  private final String glob;
  private final Pattern pattern;
  private final String operationId;
  private final Consumer<Expectation> registrar;
  // The expectation is visible to server threads from its first and... call while the rest of the chain
  // still changes it, so everything a request reads (the action, the limit and the hit count) lives in one
  // immutable State swapped atomically: a claim sees one whole state and counts its hit in the same step.
  private final AtomicReference<State> state = new AtomicReference<>(new State(Action.NONE, UNLIMITED, 0));
  private volatile boolean registered;

  private static final int UNLIMITED = -1;

  /**
   * What a claimed request gets, taken as one snapshot.
   *
   * @param delay how long to wait first
   * @param status the canned status, or null to fall through to the real handler (or to drop)
   * @param body the canned JSON body, or null
   * @param headers the canned extra headers
   * @param drop whether to close the connection without answering
   */
  record Action(Duration delay, Integer status, String body, Map<String, String> headers, boolean drop) {
    static final Action NONE = new Action(Duration.ZERO, null, null, Map.of(), false);
  }

  /** The action, the use limit ({@link #UNLIMITED} or a count) and the uses so far. */
  private record State(Action action, int limit, int hits) {
    boolean active() {
      return limit == UNLIMITED || hits < limit;
    }
  }

  Expectation(String method, String glob, Consumer<Expectation> registrar) {
    this.method = method;
    this.glob = Objects.requireNonNull(glob, "glob");
    this.pattern = compile(glob);
    this.operationId = null;
    this.registrar = registrar;
  }

  private Expectation(String operationId, Consumer<Expectation> registrar) {
    this.method = null;
    this.glob = null;
    this.pattern = null;
    this.operationId = operationId;
    this.registrar = registrar;
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /**
   * Answers matching requests with {@code status} and a JSON body.
   *
   * @param status the HTTP status
   * @param jsonBody the body, sent as {@code application/json}; null for none
   * @return this expectation
   */
  public Expectation andReturn(int status, String jsonBody) {
    return andReturn(status, jsonBody, Map.of());
  }

  /**
   * Answers matching requests with {@code status}, a JSON body and extra headers.
   *
   * @param status the HTTP status
   * @param jsonBody the body, sent as {@code application/json}; null for none
   * @param headers extra response headers, e.g. {@code Retry-After}
   * @return this expectation
   */
  public Expectation andReturn(int status, String jsonBody, Map<String, String> headers) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100..599: " + status);
    }
    Map<String, String> copy = Map.copyOf(new LinkedHashMap<>(headers));
    update(a -> new Action(a.delay(), status, jsonBody, copy, false));
    return register();
  }

  /**
   * Answers matching requests with {@code status} and a model serialized as the emulator serializes its
   * own answers, e.g. {@code andReturn(200, new AccessTokenPage().count(0).results(List.of()))}.
   *
   * @param status the HTTP status
   * @param model a generated model of {@code io.github.hubsdk.openapi.model} (or any Jackson-serializable
   *     value); serialized now, so later changes to it do not show
   * @return this expectation
   */
  public Expectation andReturn(int status, Object model) {
    return andReturn(status, model == null ? null : new String(Wire.bytes(model), StandardCharsets.UTF_8), Map.of());
  }

  /**
   * Waits before answering. Alone, the request then falls through to the real handler; combined with
   * {@link #andReturn} or {@link #andDropConnection()}, the wait comes first.
   *
   * @param delay how long to hold the request (real time)
   * @return this expectation
   */
  public Expectation andDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    update(a -> new Action(delay, a.status(), a.body(), a.headers(), a.drop()));
    return register();
  }

  /**
   * Closes the connection without any response, as a crashed proxy would.
   *
   * @return this expectation
   */
  public Expectation andDropConnection() {
    update(a -> new Action(a.delay(), null, null, Map.of(), true));
    return register();
  }

  /**
   * Limits the expectation to {@code count} matching requests in all. Requests it has already handled
   * (possible when the expectation was active before this call in the chain) count towards the limit.
   *
   * @param count how many requests it applies to, at least 1
   * @return this expectation
   */
  public Expectation times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    state.updateAndGet(s -> new State(s.action(), count, s.hits()));
    return register();
  }

  /**
   * Limits the expectation to the next matching request; same as {@code times(1)}.
   *
   * @return this expectation
   */
  public Expectation once() {
    return times(1);
  }

  /**
   * Lets the expectation apply to every matching request (the default).
   *
   * @return this expectation
   */
  public Expectation always() {
    state.updateAndGet(s -> new State(s.action(), UNLIMITED, s.hits()));
    return register();
  }

  /**
   * How many requests this expectation has handled.
   *
   * @return the count so far
   */
  public int hits() {
    return state.get().hits();
  }

  /**
   * Whether it will still apply to a matching request.
   *
   * @return false once its {@link #times(int)} are used up
   */
  public boolean isActive() {
    return state.get().active();
  }

  /**
   * What an expectation matches and does, read as one consistent state.
   *
   * @param method the HTTP method it matches, or null for any (and for an operation's expectation)
   * @param pathGlob the raw path glob, or null for an operation's expectation
   * @param operationId the operation it matches, or null for a path expectation
   * @param status the canned status, or null (fall through after the delay, or drop)
   * @param body the canned body, or null
   * @param headers the canned headers
   * @param delay the wait before answering
   * @param drop whether the connection is closed without an answer
   * @param times how many requests it applies to in all, or null for every one
   * @param hits how many it has handled
   * @param active whether it still applies
   */
  public record Description(String method, String pathGlob, String operationId, Integer status, String body,
      Map<String, String> headers, Duration delay, boolean drop, Integer times, int hits, boolean active) {}

  /**
   * What this expectation matches and does now.
   *
   * @return one consistent snapshot
   */
  public Description describe() {
    State s = state.get();
    Action a = s.action();
    return new Description(method == null ? null : method.toUpperCase(java.util.Locale.ROOT), glob, operationId,
        a.status(), a.body(), a.headers(), a.delay(), a.drop(), s.limit() == UNLIMITED ? null : s.limit(), s.hits(),
        s.active());
  }

  private void update(java.util.function.UnaryOperator<Action> change) {
    state.updateAndGet(s -> new State(change.apply(s.action()), s.limit(), s.hits()));
  }

  private Expectation register() {
    if (!registered) {
      synchronized (this) {
        if (!registered) {
          registered = true;
          registrar.accept(this);
        }
      }
    }
    return this;
  }

  /**
   * Claims one use if the request matches and uses are left.
   *
   * @return the action as it stood when the use was counted, or null when the request is not claimed
   */
  Action tryClaim(String requestMethod, String rawPath) {
    return tryClaim(requestMethod, rawPath, null);
  }

  /**
   * Claims one use if the request matches and uses are left.
   *
   * @param routedOperationId the operation the request was routed to, or null for none
   * @return the action as it stood when the use was counted, or null when the request is not claimed
   */
  Action tryClaim(String requestMethod, String rawPath, String routedOperationId) {
    if (operationId != null) {
      if (!operationId.equals(routedOperationId)) {
        return null;
      }
    } else {
      if (method != null && !method.equalsIgnoreCase(requestMethod)) {
        return null;
      }
      if (!pattern.matcher(rawPath).matches()) {
        return null;
      }
    }
    while (true) {
      State current = state.get();
      if (!current.active()) {
        return null;
      }
      if (state.compareAndSet(current, new State(current.action(), current.limit(), current.hits() + 1))) {
        return current.action();
      }
    }
  }

  @Override
  public String toString() {
    String what = operationId != null ? "operation " + operationId : (method == null ? "*" : method) + " " + glob;
    return "Expectation[" + what + ", hits=" + state.get().hits() + "]";
  }

  /**
   * Starts an expectation by method and path glob, or by operation; returned by
   * {@link DockerHubEmulator#expect()}.
   */
  public static final class Builder {
    private final Consumer<Expectation> registrar;

    Builder(Consumer<Expectation> registrar) {
      this.registrar = registrar;
    }

    /**
     * Matches GET requests.
     *
     * @param pathGlob the raw path glob, e.g. {@code /v2/access-tokens*}
     * @return the expectation to complete with an {@code and...} call
     */
    public Expectation get(String pathGlob) {
      return request("GET", pathGlob);
    }

    /**
     * Matches POST requests.
     *
     * @param pathGlob the raw path glob
     * @return the expectation to complete
     */
    public Expectation post(String pathGlob) {
      return request("POST", pathGlob);
    }

    /**
     * Matches PUT requests.
     *
     * @param pathGlob the raw path glob
     * @return the expectation to complete
     */
    public Expectation put(String pathGlob) {
      return request("PUT", pathGlob);
    }

    /**
     * Matches PATCH requests.
     *
     * @param pathGlob the raw path glob
     * @return the expectation to complete
     */
    public Expectation patch(String pathGlob) {
      return request("PATCH", pathGlob);
    }

    /**
     * Matches DELETE requests.
     *
     * @param pathGlob the raw path glob
     * @return the expectation to complete
     */
    public Expectation delete(String pathGlob) {
      return request("DELETE", pathGlob);
    }

    /**
     * Matches requests of any method.
     *
     * @param pathGlob the raw path glob
     * @return the expectation to complete
     */
    public Expectation any(String pathGlob) {
      return new Expectation(null, pathGlob, registrar);
    }

    /**
     * Matches the requests routed to an operation of the spec, by its operationId.
     *
     * @param operationId e.g. {@code listAccessTokens}
     * @return the expectation to complete
     * @throws IllegalArgumentException when the spec has no such operation
     */
    public Expectation operation(String operationId) {
      Objects.requireNonNull(operationId, "operationId");
      if (HubOperation.byId(operationId) == null) {
        throw new IllegalArgumentException("the spec has no operation " + operationId);
      }
      return new Expectation(operationId, registrar);
    }

    /**
     * Matches requests of the given method.
     *
     * @param method the HTTP method, any case
     * @param pathGlob the raw path glob
     * @return the expectation to complete
     */
    public Expectation request(String method, String pathGlob) {
      return new Expectation(Objects.requireNonNull(method, "method"), pathGlob, registrar);
    }
  }
}
