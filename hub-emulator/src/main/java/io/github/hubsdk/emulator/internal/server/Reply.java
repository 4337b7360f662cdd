package io.github.hubsdk.emulator.internal.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handler's answer: a status, a body (a generated model, a Jackson tree for an off-spec quirk, or
 * nothing) and extra headers. Serialized once, at the edge. Internal API.
 */
public final class Reply {

  private final int status;
  private final Object body;
  private final String contentType;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Reply(int status, Object body, String contentType) {
    this.status = status;
    this.body = body;
    this.contentType = contentType;
  }

  /** 200 with a JSON body. */
  public static Reply ok(Object model) {
    return new Reply(200, model, "application/json");
  }

  /** 201 with a JSON body. */
  public static Reply created(Object model) {
    return new Reply(201, model, "application/json");
  }

  /** 204 without a body. */
  public static Reply noContent() {
    return new Reply(204, null, null);
  }

  /** Any status with a JSON body (or none, for null). */
  public static Reply of(int status, Object model) {
    return new Reply(status, model, model == null ? null : "application/json");
  }

  /** SCIM 2.0's media type (RFC 7644 section 3.1), of every SCIM answer. */
  public static final String SCIM_JSON = "application/scim+json";

  /** Any status with a SCIM body ({@value #SCIM_JSON}). */
  public static Reply scim(int status, Object model) {
    return new Reply(status, model, SCIM_JSON);
  }

  /** A text body of another media type, e.g. {@code text/csv}. */
  public static Reply text(int status, String contentType, String text) {
    return new Reply(status, text, contentType);
  }

  /** Adds (or replaces) a header. */
  public Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Reply headers(Map<String, String> extra) {
    headers.putAll(extra);
    return this;
  }

  public int status() {
    return status;
  }

  /** The model, tree or text; null for no body. */
  public Object body() {
    return body;
  }

  /** The Content-Type, or null without a body. */
  public String contentType() {
    return contentType;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
