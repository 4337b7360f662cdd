package io.github.hubsdk.emulator.internal.server;

import io.github.hubsdk.emulator.internal.server.Texts.Problem;
import io.github.hubsdk.emulator.internal.server.Texts.Text;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What went wrong, thrown by a handler (or the dispatcher) and rendered by the {@link ErrorDialect} in the
 * body shape the spec declares for the operation and status. A handler says <em>what</em> (not found,
 * invalid field, forbidden); it never picks a body shape. Unchecked; carries no stack trace (it is an
 * answer, not a bug). Internal API.
 */
public final class HubError extends RuntimeException {

  /** The kinds of failure, with their HTTP status. */
  public enum Kind {
    INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), NOT_ALLOWED(405), TIMEOUT(408),
    CONFLICT(409), TOO_LARGE(413), TOO_MANY(429), INTERNAL(500),
    /** A refusal of the HTTP edge with its own status (431, 501, 503, 505...). */
    EDGE(0);

    final int status;

    Kind(int status) {
      this.status = status;
    }
  }

  /** Where an invalid value was: a query or path parameter, a body field, or nowhere in particular. */
  public enum Where { PARAMETER, FIELD, WHOLE }

  /**
   * One invalid value.
   *
   * @param field the key in a {@code FieldsError} ({@code non_field_errors} for the whole body)
   * @param name how terse messages name it (a body field's dotted path, e.g. {@code manifests[0].digest})
   * @param where what kind of value it is
   * @param problem the texts
   */
  public record FieldError(String field, String name, Where where, Problem problem) {}

  private final Kind kind;
  private final int status;
  private final Text text;
  private final List<FieldError> fields;
  private final Instant retryAt;
  private final Object details;
  private final String login2faToken;
  private final Map<String, String> headers;
  private final String scimType;

  private HubError(Kind kind, Text text, List<FieldError> fields, Instant retryAt, Object details,
      String login2faToken, Map<String, String> headers) {
    this(kind, kind.status, text, fields, retryAt, details, login2faToken, headers);
  }

  private HubError(Kind kind, int status, Text text, List<FieldError> fields, Instant retryAt, Object details,
      String login2faToken, Map<String, String> headers) {
    this(kind, status, text, fields, retryAt, details, login2faToken, headers, null);
  }

  private HubError(Kind kind, int status, Text text, List<FieldError> fields, Instant retryAt, Object details,
      String login2faToken, Map<String, String> headers, String scimType) {
    super(text == null ? kind.name() : text.plain(), null, false, false);
    this.kind = kind;
    this.status = status;
    this.text = text;
    this.fields = List.copyOf(fields);
    this.retryAt = retryAt;
    this.details = details;
    this.login2faToken = login2faToken;
    this.headers = Map.copyOf(headers);
    this.scimType = scimType;
  }

  private static HubError of(Kind kind, Text text) {
    return new HubError(kind, text, List.of(), null, null, null, Map.of());
  }

  // --- invalid input ---------------------------------------------------------------------------------------

  /** A query or path parameter has a bad value. */
  public static HubError invalidParam(String name, Problem problem) {
    return invalid(List.of(new FieldError(name, name, Where.PARAMETER, problem)));
  }

  /** A body field has a bad value. */
  public static HubError invalidField(String name, Problem problem) {
    return invalidField(name, name, problem);
  }

  /** A body field has a bad value; {@code path} names it in terse messages. */
  public static HubError invalidField(String field, String path, Problem problem) {
    return invalid(List.of(new FieldError(field, path, Where.FIELD, problem)));
  }

  /** The body is wrong as a whole, said in one sentence filed under {@code field} in a {@code FieldsError}. */
  public static HubError invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, field, Where.WHOLE, new Problem(message, message))));
  }

  /** Several invalid values at once (a {@code FieldsError} lists them all, terse forms say the first). */
  public static HubError invalid(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("no field errors");
    }
    return new HubError(Kind.INVALID, null, errors, null, null, null, Map.of());
  }

  /** A validation failure with a message and machine-readable details (e.g. delete-images warnings). */
  public static HubError invalid(Text message, Object details) {
    return new HubError(Kind.INVALID, message, List.of(), null, details, null, Map.of());
  }

  /** The request itself is malformed (not any one field). */
  public static HubError badRequest(Text message) {
    return of(Kind.INVALID, message);
  }

  // --- who is calling ----------------------------------------------------------------------------------

  /** No usable credentials; the DRF text depends on whether any were sent. */
  public static HubError unauthenticated(boolean credentialsSent) {
    return of(Kind.UNAUTHENTICATED, credentialsSent ? Texts.BAD_CREDENTIALS : Texts.NO_CREDENTIALS);
  }

  /** A 401 with its own message (failed logins, no read access). */
  public static HubError unauthorized(String message) {
    return of(Kind.UNAUTHENTICATED, Text.of(message));
  }

  public static HubError forbidden() {
    return of(Kind.FORBIDDEN, Texts.FORBIDDEN);
  }

  public static HubError forbidden(String message) {
    return of(Kind.FORBIDDEN, Text.of(message));
  }

  public static HubError forbidden(Text message) {
    return of(Kind.FORBIDDEN, message);
  }

  // --- resources ---------------------------------------------------------------------------------------

  public static HubError notFound() {
    return of(Kind.NOT_FOUND, Texts.NOT_FOUND);
  }

  public static HubError notFound(String message) {
    return of(Kind.NOT_FOUND, Text.of(message));
  }

  /** A page past the last one. */
  public static HubError pageNotFound() {
    return of(Kind.NOT_FOUND, Texts.PAGE_NOT_FOUND);
  }

  public static HubError conflict(String message) {
    return of(Kind.CONFLICT, Text.of(message));
  }

  /** Too many requests; come back at {@code retryAt} (sent as Retry-After). */
  public static HubError tooMany(Instant retryAt, Text message) {
    return new HubError(Kind.TOO_MANY, message, List.of(), retryAt, null, null, Map.of());
  }

  // --- the HTTP edge -------------------------------------------------------------------------------------

  /** A known path with a method it does not serve. */
  public static HubError methodNotAllowed(String method, Set<String> allowed) {
    return new HubError(Kind.NOT_ALLOWED, Texts.methodNotAllowed(method), List.of(), null, null, null,
        Map.of("Allow", String.join(", ", new TreeSet<>(allowed))));
  }

  public static HubError tooLarge(long maxBytes) {
    return of(Kind.TOO_LARGE, Texts.tooLarge(maxBytes));
  }

  public static HubError timeout() {
    return of(Kind.TIMEOUT, Texts.TIMEOUT);
  }

  /** A refusal of the HTTP edge (malformed head, head too large, unsupported coding, too many connections). */
  public static HubError edge(int status, String message) {
    return new HubError(Kind.EDGE, status, Text.of(message), List.of(), null, null, null, Map.of());
  }

  public static HubError internal(Throwable cause) {
    return of(Kind.INTERNAL, Text.of("emulator error: " + cause.getClass().getSimpleName()));
  }

  /** The same failure, with the pending second-factor token a 2FA login hands out. */
  public HubError withLogin2faToken(String token) {
    return new HubError(kind, status, text, fields, retryAt, details, token, headers, scimType);
  }

  /**
   * The same failure with the SCIM error type (RFC 7644 section 3.12) a {@code ScimError} body names, e.g.
   * {@code invalidFilter}; other dialects ignore it.
   */
  public HubError withScimType(String type) {
    return new HubError(kind, status, text, fields, retryAt, details, login2faToken, headers, type);
  }

  // --- accessors (for the dialect) -------------------------------------------------------------------------

  public Kind kind() {
    return kind;
  }

  public int status() {
    return status;
  }

  /** The message, or null when the field errors say it all. */
  public Text text() {
    return text;
  }

  public List<FieldError> fields() {
    return fields;
  }

  public Instant retryAt() {
    return retryAt;
  }

  public Object details() {
    return details;
  }

  public String login2faToken() {
    return login2faToken;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** The SCIM error type, or null. */
  public String scimType() {
    return scimType;
  }
}
