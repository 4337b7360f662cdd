package io.github.hubsdk.emulator.internal.server;

import io.github.hubsdk.emulator.internal.auth.Caller;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as a handler sees it: the operation, path parameters, query, the body bound to a generated
 * request model, the caller the dispatcher checked, and paging. Never HTTP. Internal API.
 */
public final class Call {

  private final HubOperation op;
  private final boolean legacy;
  private final Map<String, String> pathParams;
  private final Request request;
  private final Caller caller;

  Call(HubOperation op, boolean legacy, Map<String, String> pathParams, Request request, Caller caller) {
    this.op = op;
    this.legacy = legacy;
    this.pathParams = pathParams;
    this.request = request;
    this.caller = caller;
  }

  public HubOperation op() {
    return op;
  }

  /** Whether the request came in on one of the operation's legacy paths. */
  public boolean legacy() {
    return legacy;
  }

  /** A decoded path parameter of the operation's template, e.g. {@code path("uuid")}. */
  public String path(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException(op.operationId() + " has no path parameter " + name);
    }
    return value;
  }

  /** Decoded query parameters, first value of each. */
  public Map<String, String> query() {
    return request.query();
  }

  /** @return a decoded query parameter, or null */
  public String query(String name) {
    return request.query().get(name);
  }

  /** @return the first value of a request header, or null */
  public String header(String name) {
    return request.header(name);
  }

  public String remoteIp() {
    return request.remoteIp();
  }

  /** The checked caller; null only for operations that allow anonymous callers. */
  public Caller caller() {
    return caller;
  }

  /**
   * The body bound to a generated request model.
   *
   * @throws HubError invalid when the body is not a JSON object or a field has the wrong type or value
   */
  public <T> T body(Class<T> type) {
    return BodyBinder.bind(request.body(), type);
  }

  /**
   * Page and page_size.
   *
   * @throws HubError invalidParam when either is not an integer of at least 1
   */
  public PageParams page(int defaultSize, int maxSize) {
    return PageParams.parse(query("page"), query("page_size"), defaultSize, maxSize, this::pageUrl);
  }

  /**
   * This request's absolute URL with {@code page} replaced (removed for page 1) and the parameters sorted,
   * as Django REST framework builds {@code next}/{@code previous}; the host comes from the Host header.
   */
  public URI pageUrl(int page) {
    Map<String, String> params = new TreeMap<>();
    for (String[] pair : Request.rawPairs(request.rawQuery())) {
      params.putIfAbsent(pair[0], pair[1]);
    }
    params.remove("page");
    if (page != 1) {
      params.put("page", Integer.toString(page));
    }
    String proto = request.header("X-Forwarded-Proto");
    String host = request.header("Host");
    StringBuilder url = new StringBuilder(proto == null ? "http" : proto).append("://")
        .append(host == null ? "localhost" : host).append(request.rawPath());
    String sep = "?";
    for (Map.Entry<String, String> e : params.entrySet()) {
      url.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = "&";
    }
    try {
      return URI.create(url.toString());
    } catch (IllegalArgumentException e) {
      // A Host header no URI can hold: link relative to the server instead.
      return URI.create(url.substring(url.indexOf(request.rawPath())));
    }
  }
}
