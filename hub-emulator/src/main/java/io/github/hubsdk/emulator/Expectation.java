package io.github.hubsdk.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
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
 * }</pre>
 *
 * <p>An expectation is active from its first {@code and...} call and matches any number of times until
 * {@link #times(int)} or {@link #once()} limits it. The path glob matches the raw request path without
 * the query: {@code *} matches any run of characters (slashes included), {@code ?} one character.
 * The first active matching expectation wins. Thread-safe.
 */
public final class Expectation {

  private final String method;
  private final String glob;
  private final Pattern pattern;
  private final Consumer<Expectation> registrar;
  private final AtomicInteger remaining = new AtomicInteger(-1);
  private final AtomicInteger hits = new AtomicInteger();
  private volatile boolean registered;
  private volatile Duration delay = Duration.ZERO;
  private volatile Integer status;
  private volatile String body;
  private volatile Map<String, String> headers = Map.of();
  private volatile boolean drop;

  Expectation(String method, String glob, Consumer<Expectation> registrar) {
    this.method = method;
    this.glob = Objects.requireNonNull(glob, "glob");
    this.pattern = compile(glob);
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
    this.headers = Map.copyOf(new LinkedHashMap<>(headers));
    this.body = jsonBody;
    this.status = status;
    this.drop = false;
    return register();
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
    this.delay = delay;
    return register();
  }

  /**
   * Closes the connection without any response, as a crashed proxy would.
   *
   * @return this expectation
   */
  public Expectation andDropConnection() {
    this.drop = true;
    this.status = null;
    return register();
  }

  /**
   * Limits the expectation to the next {@code count} matching requests.
   *
   * @param count how many requests it applies to, at least 1
   * @return this expectation
   */
  public Expectation times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    remaining.set(count);
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
    remaining.set(-1);
    return register();
  }

  /**
   * How many requests this expectation has handled.
   *
   * @return the count so far
   */
  public int hits() {
    return hits.get();
  }

  /**
   * Whether it will still apply to a matching request.
   *
   * @return false once its {@link #times(int)} are used up
   */
  public boolean isActive() {
    return remaining.get() != 0;
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

  /** Claims one use if the request matches and uses are left. */
  boolean tryClaim(String requestMethod, String rawPath) {
    if (method != null && !method.equalsIgnoreCase(requestMethod)) {
      return false;
    }
    if (!pattern.matcher(rawPath).matches()) {
      return false;
    }
    while (true) {
      int left = remaining.get();
      if (left == 0) {
        return false;
      }
      if (left < 0 || remaining.compareAndSet(left, left - 1)) {
        hits.incrementAndGet();
        return true;
      }
    }
  }

  Duration delay() {
    return delay;
  }

  Integer status() {
    return status;
  }

  String body() {
    return body;
  }

  Map<String, String> headers() {
    return headers;
  }

  boolean drop() {
    return drop;
  }

  @Override
  public String toString() {
    return "Expectation[" + (method == null ? "*" : method) + " " + glob + ", hits=" + hits.get() + "]";
  }

  /**
   * Starts an expectation by method and path glob; returned by {@link DockerHubEmulator#expect()}.
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
