package io.github.hubsdk.client;

import feign.Request;
import feign.Response;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.DockerHubTransportException;
import io.github.hubsdk.client.error.RedirectRefusedException;
import io.github.hubsdk.client.error.ResponseTooLargeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP exchange over the JDK's {@link HttpClient}, with the limits a hostile or broken server must not
 * get around: no redirect is followed (a 3xx is a {@link RedirectRefusedException}); a success body longer
 * than the limit stops the read and drops the connection ({@link ResponseTooLargeException}); an error body
 * is kept to its first {@value #MAX_ERROR_BODY} bytes; the whole exchange, body included, ends by the call
 * deadline, and a silence longer than the read timeout ends it earlier. Nothing asks for compression, so
 * nothing is inflated. Every failure is a typed {@link DockerHubException}.
 */
final class HttpEdge {

  /** Error answers are parsed for a message; the Hub's are a few hundred bytes. */
  static final int MAX_ERROR_BODY = 64 * 1024;
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final String[] RESTRICTED = {"connection", "content-length", "expect", "host", "upgrade"};

  private final HttpClient http;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final long maxBody;
  private final RedactingLogger log;
  private final Secrets secrets;

  HttpEdge(HttpClient http, Duration readTimeout, Duration callTimeout, long maxBody, RedactingLogger log,
      Secrets secrets) {
    this.http = http;
    this.readTimeout = readTimeout;
    this.callTimeout = callTimeout;
    this.maxBody = maxBody;
    this.log = log;
    this.secrets = secrets;
  }

  Response exchange(Request request, String operation) {
    HttpRequest outgoing = toJdk(request, operation);
    log.request(operation, request.httpMethod().name(), request.url(), request.headers(), request.body());
    long start = System.nanoTime();
    BodyCapture.Handler handler = new BodyCapture.Handler(maxBody, MAX_ERROR_BODY);
    // The JDK bounds the wait for the headers (the request's timeout); the watchdog bounds the body.
    Watchdog.Watch watch = Watchdog.watch(handler, start, callTimeout, readTimeout);
    HttpResponse<BodyCapture.Body> answer;
    try {
      // send(), not sendAsync().get(): the calling thread then completes a small answer itself, which
      // measured at half the time per call of waiting for the client's executor to hand it over.
      answer = http.send(outgoing, handler);
    } catch (IOException e) {
      DockerHubTransportException failure = failure(operation, handler, e);
      log.failure(operation, failure, elapsed(start));
      throw failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DockerHubTransportException(operation + " interrupted", operation, e);
    } finally {
      watch.stop();
    }
    int status = answer.statusCode();
    BodyCapture.Body body = answer.body();
    log.response(operation, status, elapsed(start), answer.headers().map(), body.bytes(), body.length());
    if (status >= 300 && status < 400) {
      throw new RedirectRefusedException(status, operation,
          answer.headers().firstValue("Location").map(l -> origin(outgoing.uri(), l)).orElse(null));
    }
    if (body.tooLarge()) {
      throw new ResponseTooLargeException(status, operation, maxBody);
    }
    return Response.builder()
        .status(status)
        .reason("")
        .headers(headers(answer.headers().map()))
        .body(new BytesBody(body.bytes()))
        .request(request)
        .build();
  }

  private DockerHubTransportException failure(String operation, BodyCapture.Handler handler, IOException e) {
    String abort = handler.abortReason();
    if (abort != null) {
      return new DockerHubTransportException(operation + " failed: " + abort + " exceeded", operation,
          new HttpTimeoutException(abort));
    }
    if (e instanceof HttpTimeoutException && !(e instanceof java.net.http.HttpConnectTimeoutException)) {
      String which = "read timeout of " + readTimeout + " (no answer)";
      return new DockerHubTransportException(operation + " failed: " + which + " exceeded", operation, e);
    }
    return new DockerHubTransportException(operation + " failed: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + secrets.redact(e.getMessage())), operation, e);
  }

  private HttpRequest toJdk(Request request, String operation) {
    URI uri;
    try {
      uri = URI.create(request.url());
    } catch (IllegalArgumentException e) {
      throw new DockerHubTransportException(operation + " failed: the request URL is not valid", operation, e);
    }
    byte[] body = request.body();
    HttpRequest.BodyPublisher publisher = body == null || body.length == 0
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
    Duration headersWithin = readTimeout.compareTo(callTimeout) < 0 ? readTimeout : callTimeout;
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(request.httpMethod().name(), publisher)
        .timeout(headersWithin);
    for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
      if (restricted(h.getKey())) {
        continue;
      }
      for (String v : h.getValue()) {
        b.header(h.getKey(), v);
      }
    }
    return b.build();
  }

  /** Feign copies the map case-insensitively itself; only an HTTP/2 pseudo-header would need dropping. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Collection<String>> headers(Map<String, List<String>> jdk) {
    for (String k : jdk.keySet()) {
      if (k.startsWith(":")) {
        Map<String, Collection<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        jdk.forEach((name, v) -> {
          if (!name.startsWith(":")) {
            out.put(name, new ArrayList<>(v));
          }
        });
        return out;
      }
    }
    return (Map) jdk;
  }

  /** As {@code RESTRICTED.contains(name.toLowerCase(Locale.ROOT))}, without a copy of every header's name. */
  private static boolean restricted(String name) {
    for (String r : RESTRICTED) {
      if (r.length() == name.length() && asciiLowerEquals(r, name)) {
        return true;
      }
    }
    return false;
  }

  /** Only ASCII letters fold: no other character lower-cases to a letter of the restricted names. */
  private static boolean asciiLowerEquals(String lower, String name) {
    for (int i = 0; i < lower.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Scheme, host and port of a Location header, resolved against the request: never its path or query. */
  static String origin(URI request, String location) {
    try {
      URI target = request.resolve(location.trim());
      if (target.getHost() == null) {
        return null;
      }
      return target.getScheme() + "://" + target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort());
    } catch (IllegalArgumentException unparsable) {
      return null;
    }
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** For the caller's decision whether a failed request provably never reached the server. */
  static boolean neverSent(Throwable cause) {
    return cause instanceof java.net.ConnectException || cause instanceof java.net.http.HttpConnectTimeoutException
        || cause instanceof java.nio.channels.UnresolvedAddressException
        || cause instanceof java.net.UnknownHostException;
  }

  static boolean isTimeout(Throwable cause) {
    return cause instanceof HttpTimeoutException || cause instanceof java.io.InterruptedIOException
        || cause instanceof InterruptedException;
  }

  static boolean isIo(Throwable cause) {
    return cause instanceof IOException;
  }
}
