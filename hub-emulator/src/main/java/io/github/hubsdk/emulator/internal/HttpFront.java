package io.github.hubsdk.emulator.internal;

import io.github.hubsdk.emulator.Exchange;
import io.github.hubsdk.emulator.ExchangeListener;
import io.github.hubsdk.emulator.RecordedRequest;
import io.github.hubsdk.emulator.internal.http.EdgeHandler;
import io.github.hubsdk.emulator.internal.http.RawRequest;
import io.github.hubsdk.emulator.internal.http.RawResponse;
import io.github.hubsdk.emulator.internal.rate.RateLimiter;
import io.github.hubsdk.emulator.internal.server.Dispatch;
import io.github.hubsdk.emulator.internal.server.ErrorDialect;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Request;
import io.github.hubsdk.emulator.internal.server.Router;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.server.Wire;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's request pipeline, between the HTTP edge and the operations: record the request, route it,
 * let a fault-injection expectation claim it, count it against the rate limit, dispatch it, put the
 * {@code X-RateLimit-*} headers on the answer, show the exchange to the listeners, serialize once. Every
 * answer, the edge's own refusals included, is JSON. Internal API.
 */
public final class HttpFront implements EdgeHandler {

  private static final System.Logger LOG = System.getLogger(HttpFront.class.getName());

  /**
   * What a claimed expectation does.
   *
   * @param delay how long to wait first
   * @param status the canned status, or null to fall through (or drop)
   * @param body the canned JSON body, or null
   * @param headers the canned headers
   * @param drop whether to close the connection without answering
   */
  public record Fault(Duration delay, Integer status, String body, Map<String, String> headers, boolean drop) {}

  /** The fault-injection rules, asked once per request. */
  @FunctionalInterface
  public interface Faults {
    /** @return the first active matching rule's action, claimed; null when none matches */
    Fault claim(String method, String rawPath, String operationId);
  }

  private final Clock clock;
  private final Router router;
  private final Dispatch dispatch;
  private final ErrorDialect dialect;
  private final RateLimiter rate;
  private final Recorder recorder;
  private final Faults faults;
  private final List<ExchangeListener> listeners;
  private final int maxBodyBytes;

  public HttpFront(Clock clock, Router router, Dispatch dispatch, ErrorDialect dialect, RateLimiter rate,
      Recorder recorder, Faults faults, List<ExchangeListener> listeners, int maxBodyBytes) {
    this.clock = clock;
    this.router = router;
    this.dispatch = dispatch;
    this.dialect = dialect;
    this.rate = rate;
    this.recorder = recorder;
    this.faults = faults;
    this.listeners = List.copyOf(listeners);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public RawResponse handle(RawRequest raw) throws InterruptedException {
    Request request = new Request(raw.method(), raw.rawPath(), raw.rawQuery(), raw.headers(), raw.body(),
        raw.remoteIp());
    RecordedRequest recorded = new RecordedRequest(raw.method(), raw.rawPath(), raw.rawQuery(), raw.headers(),
        request.bodyText(), clock.instant());
    recorder.record(recorded);
    Router.Match match;
    boolean malformedPath = false;
    try {
      match = router.match(raw.method(), raw.rawPath());
    } catch (IllegalArgumentException malformed) {
      match = new Router.Match(null, false, Map.of(), List.of());
      malformedPath = true;
    }
    HubOperation op = match.op();
    RateLimiter.Decision decision = null;
    try {
      if (raw.bodyTooLarge()) {
        decision = rate.count(raw.remoteIp());
        return send(recorded, tooLarge(op), decision, false);
      }
      Fault fault = faults.claim(raw.method(), raw.rawPath(), op == null ? null : op.operationId());
      if (fault != null) {
        if (!fault.delay().isZero()) {
          Thread.sleep(fault.delay().toMillis());
        }
        if (fault.drop()) {
          return RawResponse.DROP;
        }
        if (fault.status() != null) {
          Reply canned = Reply.text(fault.status(), "application/json", fault.body()).headers(fault.headers());
          decision = rate.count(raw.remoteIp());
          return send(recorded, canned, decision, true);
        }
        // a delay alone falls through to the real answer
      }
      decision = rate.count(raw.remoteIp());
      return send(recorded, answer(request, match, malformedPath, decision), decision, false);
    } catch (RuntimeException | AssertionError e) {
      // A bug in the emulator or a failing exchange listener must not look like a network failure to the
      // client under test, nor pass unnoticed: answer 500.
      LOG.log(System.Logger.Level.WARNING, "emulator failed to handle a request", e);
      Reply failed = dialect.render(null, null, HubError.internal(e));
      return raw(failed, (decision != null ? decision : rate.count(raw.remoteIp())).headers());
    }
  }

  private Reply answer(Request request, Router.Match match, boolean malformedPath, RateLimiter.Decision decision) {
    HubOperation op = match.op();
    String apiCall = dispatch.apiCallName(op);
    if (malformedPath || request.malformedQuery()) {
      return dialect.render(op, apiCall, HubError.badRequest(Texts.MALFORMED_ESCAPE));
    }
    if (decision.limited()) {
      return dialect.render(op, apiCall, HubError.tooMany(decision.windowEnd(), Texts.RATE_LIMITED));
    }
    if (match.found()) {
      return dispatch.call(match, request);
    }
    if (!match.allowed().isEmpty()) {
      return dialect.render(null, null, HubError.methodNotAllowed(request.method(), Set.copyOf(match.allowed())));
    }
    return dialect.render(null, null, HubError.notFound());
  }

  /** A body too large to read: 413 in the operation's shape, without reading it. */
  private Reply tooLarge(HubOperation op) {
    return dialect.render(op, dispatch.apiCallName(op), HubError.tooLarge(maxBodyBytes));
  }

  @Override
  public RawResponse refuse(int status, String message, String remoteIp) {
    Reply reply = dialect.render(null, null, HubError.edge(status, message));
    return raw(reply, rate.count(remoteIp).headers());
  }

  /** Adds the rate headers, shows the exchange to the listeners (they may fail it: 500), serializes. */
  private RawResponse send(RecordedRequest request, Reply reply, RateLimiter.Decision decision, boolean injected) {
    byte[] body = serialize(reply);
    Map<String, String> headers = headers(reply, decision.headers());
    if (!listeners.isEmpty()) {
      Map<String, List<String>> seen = new LinkedHashMap<>();
      headers.forEach((k, v) -> seen.put(k, List.of(v)));
      // A HEAD answer goes out without its body (HttpConnection drops it): listeners see what the client sees.
      boolean head = "HEAD".equalsIgnoreCase(request.method());
      Exchange exchange = new Exchange(request, reply.status(), seen,
          body == null || head ? null : new String(body, StandardCharsets.UTF_8), injected);
      for (ExchangeListener listener : listeners) {
        listener.onExchange(exchange);
      }
    }
    return new RawResponse(reply.status(), headers, body, false);
  }

  private RawResponse raw(Reply reply, Map<String, String> rateHeaders) {
    return new RawResponse(reply.status(), headers(reply, rateHeaders), serialize(reply), false);
  }

  /** Content-Type, the reply's own headers, then the rate headers it did not set itself. */
  private static Map<String, String> headers(Reply reply, Map<String, String> rateHeaders) {
    Map<String, String> out = new LinkedHashMap<>();
    if (reply.body() != null && reply.contentType() != null) {
      out.put("Content-Type", reply.contentType());
    }
    out.putAll(reply.headers());
    for (Map.Entry<String, String> e : rateHeaders.entrySet()) {
      if (out.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(e.getKey()))) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  private static byte[] serialize(Reply reply) {
    Object body = reply.body();
    if (body == null) {
      return null;
    }
    if (body instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return Wire.bytes(body);
  }
}
