package io.github.hubsdk.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.RetryAfterFormat;
import io.github.hubsdk.emulator.internal.Http.Request;
import io.github.hubsdk.emulator.internal.Http.Response;
import io.github.hubsdk.emulator.internal.Store.AuditEvent;
import io.github.hubsdk.emulator.internal.Store.Failures;
import io.github.hubsdk.emulator.internal.Store.Image;
import io.github.hubsdk.emulator.internal.Store.Org;
import io.github.hubsdk.emulator.internal.Store.PendingTwoFactor;
import io.github.hubsdk.emulator.internal.Store.Repo;
import io.github.hubsdk.emulator.internal.Store.Tag;
import io.github.hubsdk.emulator.internal.Store.Token;
import io.github.hubsdk.emulator.internal.Store.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The 16 operations over the {@link Store}, plus login lock-out and rate limiting. Each call of
 * {@link #handle} runs under the store's monitor. Internal API: the status codes and bodies follow
 * hub-api-facts and spec/docker-hub-api.yaml.
 *
 * <p>Audit logs and org settings need the Owner role, which only a user holds: an organization access
 * token is never an owner of its org (403), and org settings check no PAT scope, since the facts name none
 * (see the module README's list of choices).
 */
public final class Hub {

  /** Settings fixed when the emulator is built. */
  public record Config(Duration tokenTtl, int maxLoginFailures, Duration lockout, int rateLimit,
      Duration rateWindow, RetryAfterFormat retryAfterFormat, boolean xRetryAfter) {}

  /** Who a valid bearer JWT belongs to. */
  record Caller(String username, String method, Token pat) {
    boolean hasScope(String scope) {
      if (pat == null) {
        return true;
      }
      int needed = SCOPES.indexOf(scope);
      for (String s : pat.scopes) {
        int have = SCOPES.indexOf(s);
        if (have >= 0 && have <= needed) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Whether {@code caller} has the Owner role on {@code namespace}. An organization access token is never
   * an owner (its caller name is the org itself); checked here as well as in {@link Store#isOwner} so that
   * the rule does not hang on user and org names being distinct.
   */
  private boolean owns(Caller caller, String namespace) {
    return !caller.method().equals("oat") && store.isOwner(caller.username(), namespace);
  }

  private static final List<String> SCOPES = ApiRules.SCOPES;
  private static final Pattern DIGEST = ApiRules.DIGEST;
  private static final List<String> ORDERINGS = List.of("last_activity", "-last_activity", "digest", "-digest");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration TWO_FACTOR_TTL = Duration.ofMinutes(5);

  private final Store store;
  private final Clock clock;
  private final Jwt jwt;
  private final Config config;
  private final Map<String, long[]> rateWindows = new HashMap<>();

  public Hub(Store store, Clock clock, Jwt jwt, Config config) {
    this.store = store;
    this.clock = clock;
    this.jwt = jwt;
    this.config = config;
  }

  /** The store's time, to the millisecond (as the live Hub's timestamps). */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Issues a password-login JWT for a user, bypassing HTTP (for tests and the JUnit extension). */
  public String issuePasswordJwt(String username) {
    synchronized (store) {
      if (!store.users.containsKey(username)) {
        throw new IllegalArgumentException("no such user: " + username);
      }
      return jwt.issue(username, "password", null, now(), config.tokenTtl().toSeconds());
    }
  }

  /** Forgets rate-limit windows (on reset). */
  public void resetRateLimits() {
    synchronized (rateWindows) {
      rateWindows.clear();
    }
  }

  // --- rate limiting ---------------------------------------------------------------------------------

  /**
   * Counts the request against its client's window. Returns the X-RateLimit headers to add to the response
   * and, when the limit is exceeded, the 429 to send instead (headers included).
   */
  public RateDecision rate(Request request) {
    if (config.rateLimit() <= 0) {
      return new RateDecision(Map.of(), null);
    }
    Instant now = clock.instant();
    long windowMillis = config.rateWindow().toMillis();
    long count;
    long windowEnd;
    synchronized (rateWindows) {
      long[] window = rateWindows.computeIfAbsent(request.remoteIp(), k -> new long[] {now.toEpochMilli(), 0});
      if (now.toEpochMilli() >= window[0] + windowMillis || now.toEpochMilli() < window[0]) {
        window[0] = now.toEpochMilli();
        window[1] = 0;
      }
      window[1]++;
      count = window[1];
      windowEnd = window[0] + windowMillis;
    }
    long resetEpoch = (windowEnd + 999) / 1000;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Limit", Integer.toString(config.rateLimit()));
    headers.put("X-RateLimit-Remaining", Long.toString(Math.max(0, config.rateLimit() - count)));
    headers.put("X-RateLimit-Reset", Long.toString(resetEpoch));
    if (count <= config.rateLimit()) {
      return new RateDecision(headers, null);
    }
    Response tooMany = retryAfter(Response.json(429, tooManyBody("Rate limit exceeded")), Instant.ofEpochMilli(windowEnd));
    for (Map.Entry<String, String> e : headers.entrySet()) {
      tooMany = tooMany.withHeader(e.getKey(), e.getValue());
    }
    return new RateDecision(headers, tooMany);
  }

  /**
   * Outcome of {@link #rate}.
   *
   * @param headers X-RateLimit-* headers for the response (empty when rate limiting is off)
   * @param rejection the 429 to send instead, or null
   */
  public record RateDecision(Map<String, String> headers, Response rejection) {}

  private Response retryAfter(Response response, Instant at) {
    Instant now = clock.instant();
    long unix = (at.toEpochMilli() + 999) / 1000;
    long delta = Math.max(1, (Duration.between(now, at).toMillis() + 999) / 1000);
    Response out = response.withHeader("Retry-After",
        Long.toString(config.retryAfterFormat() == RetryAfterFormat.UNIX_TIMESTAMP ? unix : delta));
    if (config.xRetryAfter()) {
      out = out.withHeader("X-Retry-After", Long.toString(unix));
    }
    return out;
  }

  private static String tooManyBody(String detail) {
    ObjectNode body = JSON.createObjectNode();
    body.put("detail", detail);
    body.put("error", false);
    return body.toString();
  }

  // --- dispatch ----------------------------------------------------------------------------------------

  /** Routes one request; never throws for bad input. */
  public Response handle(Request r) {
    List<String> s = r.segments();
    String m = r.method();
    synchronized (store) {
      if (s.size() < 2 || !s.get(0).equals("v2")) {
        return notFound();
      }
      switch (s.get(1)) {
        case "auth":
          if (s.size() == 3 && s.get(2).equals("token")) {
            return m.equals("POST") ? authToken(r) : notAllowed(m);
          }
          break;
        case "users":
          if (s.size() == 3 && s.get(2).equals("login")) {
            return m.equals("POST") ? login(r) : notAllowed(m);
          }
          if (s.size() == 3 && s.get(2).equals("2fa-login")) {
            return m.equals("POST") ? login2fa(r) : notAllowed(m);
          }
          break;
        case "access-tokens":
          if (s.size() == 2) {
            return switch (m) {
              case "POST" -> createToken(r);
              case "GET" -> listTokens(r);
              default -> notAllowed(m);
            };
          }
          if (s.size() == 3) {
            return switch (m) {
              case "GET" -> getToken(r, s.get(2));
              case "PATCH" -> updateToken(r, s.get(2));
              case "DELETE" -> deleteToken(r, s.get(2));
              default -> notAllowed(m);
            };
          }
          break;
        case "namespaces":
          if (s.size() == 6 && s.get(3).equals("repositories") && s.get(5).equals("images")) {
            return m.equals("GET") ? listImages(r, s.get(2), s.get(4)) : notAllowed(m);
          }
          if (s.size() == 8 && s.get(3).equals("repositories") && s.get(5).equals("images") && s.get(7).equals("tags")) {
            return m.equals("GET") ? listTags(r, s.get(2), s.get(4), s.get(6)) : notAllowed(m);
          }
          if (s.size() == 6 && s.get(3).equals("repositories") && s.get(5).equals("images-summary")) {
            return m.equals("GET") ? summary(r, s.get(2), s.get(4)) : notAllowed(m);
          }
          if (s.size() == 4 && s.get(3).equals("delete-images")) {
            return m.equals("POST") ? deleteImages(r, s.get(2)) : notAllowed(m);
          }
          break;
        case "auditlogs":
          if (s.size() == 3) {
            return m.equals("GET") ? auditLogs(r, s.get(2)) : notAllowed(m);
          }
          if (s.size() == 4 && s.get(3).equals("actions")) {
            return m.equals("GET") ? auditActions(r, s.get(2)) : notAllowed(m);
          }
          break;
        case "orgs":
          if (s.size() == 4 && s.get(3).equals("settings")) {
            return switch (m) {
              case "GET" -> orgSettings(r, s.get(2), false);
              case "PUT" -> orgSettings(r, s.get(2), true);
              default -> notAllowed(m);
            };
          }
          break;
        default:
          break;
      }
      return notFound();
    }
  }

  // --- authentication -----------------------------------------------------------------------------------

  private Response authToken(Request r) {
    ObjectNode body = object(r.body());
    String identifier = text(body, "identifier");
    String secret = text(body, "secret");
    if (identifier == null || secret == null) {
      return fields(required(body == null, identifier == null ? "identifier" : "secret"));
    }
    Response locked = locked(identifier);
    if (locked != null) {
      return locked;
    }
    Instant now = now();
    User user = store.users.get(identifier);
    if (user != null && secret.equals(user.password)) {
      if (user.twoFactorCode != null) {
        // The live Hub does not take a bare password for a 2FA account here; PATs are the way in.
        return detail(401, "Two-factor authentication is enabled for this account: use a personal access token");
      }
      return loggedIn(identifier, jwt.issue(identifier, "password", null, now, ttl()), "access_token");
    }
    Token token = accessTokenLogin(identifier, secret, now, true);
    if (token != null) {
      String method = token.organization ? "oat" : "pat";
      return loggedIn(identifier, jwt.issue(identifier, method, token.uuid.toString(), now, ttl()), "access_token");
    }
    failed(identifier);
    return detail(401, "Incorrect authentication credentials");
  }

  private Response login(Request r) {
    ObjectNode body = object(r.body());
    String username = text(body, "username");
    String password = text(body, "password");
    if (username == null || password == null) {
      return fields(required(body == null, username == null ? "username" : "password"));
    }
    Response locked = locked(username);
    if (locked != null) {
      return locked;
    }
    Instant now = now();
    User user = store.users.get(username);
    if (user != null && password.equals(user.password)) {
      if (user.twoFactorCode != null) {
        String pending = "2fa-" + UUID.randomUUID();
        store.pendingTwoFactor.put(pending, new PendingTwoFactor(username, now.plus(TWO_FACTOR_TTL)));
        ObjectNode out = JSON.createObjectNode();
        out.put("detail", "Login requires a second factor: send the code to /v2/users/2fa-login");
        out.put("login_2fa_token", pending);
        return Response.json(401, out.toString());
      }
      return loggedIn(username, jwt.issue(username, "password", null, now, ttl()), "token");
    }
    Token token = accessTokenLogin(username, password, now, false);
    if (token != null) {
      return loggedIn(username, jwt.issue(username, "pat", token.uuid.toString(), now, ttl()), "token");
    }
    failed(username);
    ObjectNode out = JSON.createObjectNode();
    out.put("detail", "Incorrect authentication credentials");
    out.putNull("login_2fa_token");
    return Response.json(401, out.toString());
  }

  private Response login2fa(Request r) {
    ObjectNode body = object(r.body());
    String pendingToken = text(body, "login_2fa_token");
    String code = text(body, "code");
    if (pendingToken == null || code == null) {
      return fields(required(body == null, pendingToken == null ? "login_2fa_token" : "code"));
    }
    Instant now = now();
    PendingTwoFactor pending = store.pendingTwoFactor.get(pendingToken);
    if (pending == null || !now.isBefore(pending.expiresAt()) || !store.users.containsKey(pending.username())) {
      store.pendingTwoFactor.remove(pendingToken);
      return detail(401, "Invalid or expired two-factor login token");
    }
    Response locked = locked(pending.username());
    if (locked != null) {
      return locked;
    }
    if (!code.equals(store.users.get(pending.username()).twoFactorCode)) {
      failed(pending.username());
      return detail(401, "Incorrect two-factor authentication code");
    }
    store.pendingTwoFactor.remove(pendingToken);
    return loggedIn(pending.username(), jwt.issue(pending.username(), "password", null, now, ttl()), "token");
  }

  /**
   * The access token a login presents as its secret, if it is usable and belongs to the identifier; marks it
   * used, as the live Hub updates {@code last_used} on every login with it. Organization tokens only log in
   * through {@code /v2/auth/token}.
   */
  private Token accessTokenLogin(String identifier, String secret, Instant now, boolean organizationAllowed) {
    Token token = store.tokensBySecret.get(secret);
    if (token == null || !token.owner.equals(identifier) || !token.usableAt(now)
        || (token.organization && !organizationAllowed)) {
      return null;
    }
    token.lastUsed = now;
    return token;
  }

  private long ttl() {
    return config.tokenTtl().toSeconds();
  }

  private Response loggedIn(String identifier, String token, String field) {
    store.failures.remove(identifier);
    ObjectNode out = JSON.createObjectNode();
    out.put(field, token);
    return Response.json(200, out.toString());
  }

  private Response locked(String identifier) {
    Failures f = store.failures.get(identifier);
    if (f == null || f.lockedUntil == null) {
      return null;
    }
    if (!clock.instant().isBefore(f.lockedUntil)) {
      store.failures.remove(identifier);
      return null;
    }
    return retryAfter(Response.json(429, tooManyBody("Too many failed login attempts for this account; try again later")),
        f.lockedUntil);
  }

  private void failed(String identifier) {
    if (config.maxLoginFailures() <= 0) {
      return;
    }
    Failures f = store.failures.computeIfAbsent(identifier, k -> new Failures());
    f.count++;
    if (f.count >= config.maxLoginFailures()) {
      f.lockedUntil = clock.instant().plus(config.lockout());
    }
  }

  /** The caller of a request with a valid bearer JWT whose principal still exists; null otherwise. */
  private Caller caller(Request r) {
    String auth = r.header("Authorization");
    if (auth == null) {
      return null;
    }
    int space = auth.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String scheme = auth.substring(0, space);
    if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("JWT")) {
      return null;
    }
    Jwt.Claims claims = jwt.verify(auth.substring(space + 1).trim(), clock.instant());
    if (claims == null) {
      return null;
    }
    Token pat = null;
    if (claims.patUuid() != null) {
      try {
        pat = store.tokens.get(UUID.fromString(claims.patUuid()));
      } catch (IllegalArgumentException e) {
        return null;
      }
      // Deleting or deactivating a token revokes the JWTs issued from it.
      if (pat == null || !pat.usableAt(clock.instant())) {
        return null;
      }
    }
    boolean exists = claims.authMethod().equals("oat") ? store.orgs.containsKey(claims.username())
        : store.users.containsKey(claims.username());
    return exists ? new Caller(claims.username(), claims.authMethod(), pat) : null;
  }

  // --- personal access tokens ----------------------------------------------------------------------------

  /** Either the password-login caller or the error to answer. */
  private record Auth(Caller caller, Response error) {}

  private Auth tokenCaller(Request r) {
    Caller caller = caller(r);
    if (caller == null) {
      return new Auth(null, unauthorized(r));
    }
    if (!caller.method().equals("password")) {
      ObjectNode out = JSON.createObjectNode();
      out.put("message", "token issued from personal access token is not allowed");
      out.putObject("errinfo");
      return new Auth(null, Response.json(403, out.toString()));
    }
    return new Auth(caller, null);
  }

  private Response unauthorized(Request r) {
    return detail(401, r.header("Authorization") == null ? "Authentication credentials were not provided."
        : "Given token not valid for any token type");
  }

  private Response createToken(Request r) {
    Auth auth = tokenCaller(r);
    if (auth.error() != null) {
      return auth.error();
    }
    ObjectNode body = object(r.body());
    if (body == null) {
      return fields(Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary.")));
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    String label = labelError(body, errors, true);
    List<String> scopes = new ArrayList<>();
    JsonNode rawScopes = body.get("scopes");
    if (rawScopes == null || !rawScopes.isArray() || rawScopes.isEmpty()) {
      errors.put("scopes", List.of("This field is required and must list at least one scope."));
    } else {
      for (JsonNode scope : rawScopes) {
        if (!scope.isTextual() || !SCOPES.contains(scope.asText())) {
          errors.put("scopes", List.of("\"" + scope.asText() + "\" is not a valid choice."));
          break;
        }
        scopes.add(scope.asText());
      }
    }
    Instant expiresAt = null;
    JsonNode rawExpiry = body.get("expires_at");
    if (rawExpiry != null && !rawExpiry.isNull()) {
      expiresAt = rawExpiry.isTextual() ? parseTime(rawExpiry.asText()) : null;
      if (expiresAt == null) {
        errors.put("expires_at", List.of("Datetime has wrong format. Use RFC 3339."));
      } else if (!expiresAt.isAfter(now())) {
        errors.put("expires_at", List.of("Expiry must be in the future."));
      }
    }
    if (!errors.isEmpty()) {
      return fields(errors);
    }
    Instant now = now();
    String user = auth.caller().username();
    String ua = r.header("User-Agent");
    Token token = store.addToken(UUID.randomUUID(), user, false, label, scopes, newSecret("dckr_pat_"), now, expiresAt,
        true, r.remoteIp(), ua == null ? "" : ua, "manual");
    store.record(user, "pat.create", label, user, Map.of("uuid", token.uuid.toString(), "scopes", String.join(",", scopes)),
        now, "created the personal access token " + label);
    return Response.json(201, tokenJson(token, true).toString());
  }

  private static String labelError(ObjectNode body, Map<String, List<String>> errors, boolean required) {
    JsonNode raw = body.get("token_label");
    if (raw == null) {
      if (required) {
        errors.put("token_label", List.of("This field is required."));
      }
      return null;
    }
    if (!raw.isTextual() || raw.asText().isEmpty()) {
      errors.put("token_label", List.of("This field may not be blank."));
      return null;
    }
    if (raw.asText().length() > 100) {
      errors.put("token_label", List.of("Ensure this field has no more than 100 characters."));
      return null;
    }
    return raw.asText();
  }

  private static String newSecret(String prefix) {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 27);
  }

  private Response listTokens(Request r) {
    Auth auth = tokenCaller(r);
    if (auth.error() != null) {
      return auth.error();
    }
    Paging paging = paging(r, 10, 100);
    if (paging.error() != null) {
      return fields(Map.of(paging.error(), List.of("A valid integer of at least 1 is required.")));
    }
    String user = auth.caller().username();
    List<Token> mine = new ArrayList<>();
    int active = 0;
    for (Token t : store.tokens.values()) {
      if (!t.organization && t.owner.equals(user)) {
        mine.add(t);
        if (t.active) {
          active++;
        }
      }
    }
    mine.sort(Comparator.comparing((Token t) -> t.createdAt).thenComparingLong(t -> t.seq).reversed());
    if (paging.pastEnd(mine.size())) {
      return detail(404, "Invalid page.");
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("count", mine.size());
    links(out, r, paging, mine.size());
    out.put("active_count", active);
    ArrayNode results = out.putArray("results");
    for (Token t : paging.slice(mine)) {
      results.add(tokenJson(t, false));
    }
    return Response.json(200, out.toString());
  }

  private Token ownToken(Caller caller, String rawUuid) {
    try {
      Token t = store.tokens.get(UUID.fromString(rawUuid));
      return t != null && !t.organization && t.owner.equals(caller.username()) ? t : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Response getToken(Request r, String uuid) {
    Auth auth = tokenCaller(r);
    if (auth.error() != null) {
      return auth.error();
    }
    Token t = ownToken(auth.caller(), uuid);
    return t == null ? detail(404, "Not found.") : Response.json(200, tokenJson(t, false).toString());
  }

  private Response updateToken(Request r, String uuid) {
    Auth auth = tokenCaller(r);
    if (auth.error() != null) {
      return auth.error();
    }
    Token t = ownToken(auth.caller(), uuid);
    if (t == null) {
      return detail(404, "Not found.");
    }
    ObjectNode body = object(r.body());
    if (body == null) {
      return fields(Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary.")));
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    String label = labelError(body, errors, false);
    JsonNode active = body.get("is_active");
    if (active != null && !active.isBoolean()) {
      errors.put("is_active", List.of("Must be a valid boolean."));
    }
    if (errors.isEmpty() && label == null && active == null) {
      errors.put("non_field_errors", List.of("Send token_label and/or is_active."));
    }
    if (!errors.isEmpty()) {
      return fields(errors);
    }
    Map<String, String> data = new LinkedHashMap<>();
    data.put("uuid", t.uuid.toString());
    if (label != null) {
      data.put("token_label", label);
      t.label = label;
    }
    if (active != null) {
      data.put("is_active", Boolean.toString(active.asBoolean()));
      t.active = active.asBoolean();
    }
    String user = auth.caller().username();
    store.record(user, "pat.update", t.label, user, data, now(), "updated the personal access token " + t.label);
    return Response.json(200, tokenJson(t, false).toString());
  }

  private Response deleteToken(Request r, String uuid) {
    Auth auth = tokenCaller(r);
    if (auth.error() != null) {
      return auth.error();
    }
    Token t = ownToken(auth.caller(), uuid);
    if (t == null) {
      return detail(404, "Not found.");
    }
    store.removeToken(t);
    String user = auth.caller().username();
    store.record(user, "pat.delete", t.label, user, Map.of("uuid", t.uuid.toString()), now(),
        "deleted the personal access token " + t.label);
    return new Response(204, Map.of(), null);
  }

  private static ObjectNode tokenJson(Token t, boolean withSecret) {
    ObjectNode out = JSON.createObjectNode();
    out.put("uuid", t.uuid.toString());
    out.put("client_id", "HUB");
    out.put("creator_ip", t.creatorIp);
    out.put("creator_ua", t.creatorUa);
    out.put("created_at", t.createdAt.toString());
    putTime(out, "last_used", t.lastUsed);
    out.put("generated_by", t.generatedBy);
    out.put("is_active", t.active);
    out.put("token", withSecret ? t.secret : "");
    out.put("token_label", t.label);
    ArrayNode scopes = out.putArray("scopes");
    t.scopes.forEach(scopes::add);
    putTime(out, "expires_at", t.expiresAt);
    return out;
  }

  // --- images ---------------------------------------------------------------------------------------------

  /**
   * The 401 of the images endpoints; answered before any parameter is checked, as the handlers look at
   * authentication first.
   */
  private Response unauthenticated(String apiCall) {
    return txn(401, "authentication required", apiCall, null, null);
  }

  /** Checks access and plan of an authenticated caller for the images endpoints; null when it may go on. */
  private Response imageGate(String apiCall, String namespace, Caller caller) {
    if (!store.canRead(caller.username(), namespace)) {
      return txn(401, "user does not have read access to the namespace", apiCall, null, null);
    }
    Plan plan = store.planOf(namespace);
    if (plan == null || !plan.hasImageManagement()) {
      return txn(403, "this API is only available to users on Pro or Team plans", apiCall, null, null);
    }
    return null;
  }

  private Response listImages(Request r, String ns, String repoName) {
    String api = "GetNamespaceRepositoryImages";
    Caller caller = caller(r);
    if (caller == null) {
      return unauthenticated(api);
    }
    Map<String, String> q = r.query();
    String status = q.get("status");
    if (status != null && !status.equals("active") && !status.equals("inactive")) {
      return invalidParam(api, "status", "must be one of active, inactive");
    }
    String tagged = q.get("currently_tagged");
    if (tagged != null && !tagged.equals("true") && !tagged.equals("false")) {
      return invalidParam(api, "currently_tagged", "must be true or false");
    }
    String ordering = q.getOrDefault("ordering", "-last_activity");
    if (!ORDERINGS.contains(ordering)) {
      return invalidParam(api, "ordering", "must be one of " + String.join(", ", ORDERINGS));
    }
    Instant activeFrom = activeFrom(q);
    if (activeFrom == null) {
      return invalidParam(api, "active_from", "must be an RFC 3339 date-time");
    }
    Paging paging = paging(r, 10, 100);
    if (paging.error() != null) {
      return invalidParam(api, paging.error(), "must be an integer of at least 1");
    }
    Response gate = imageGate(api, ns, caller);
    if (gate != null) {
      return gate;
    }
    Repo repo = store.repo(ns, repoName, false);
    if (repo == null) {
      return txn(404, "repository not found", api, null, null);
    }
    List<Image> images = new ArrayList<>();
    for (Image image : repo.images.values()) {
      boolean active = !image.lastActivity().isBefore(activeFrom);
      if (status != null && active != status.equals("active")) {
        continue;
      }
      if (tagged != null && image.currentTags().isEmpty() == tagged.equals("true")) {
        continue;
      }
      images.add(image);
    }
    Comparator<Image> order = ordering.endsWith("digest") ? Comparator.comparing((Image i) -> i.digest)
        : Comparator.comparing(Image::lastActivity).thenComparing(i -> i.digest);
    images.sort(ordering.startsWith("-") ? order.reversed() : order);
    if (paging.pastEnd(images.size())) {
      return txn(404, "page not found", api, null, null);
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("count", images.size());
    links(out, r, paging, images.size());
    ArrayNode results = out.putArray("results");
    for (Image image : paging.slice(images)) {
      ObjectNode item = results.addObject();
      item.put("namespace", ns);
      item.put("repository", repoName);
      item.put("digest", image.digest);
      ArrayNode tags = item.putArray("tags");
      for (Tag tag : image.tags) {
        tags.addObject().put("tag", tag.name()).put("is_current", tag.current());
      }
      putTime(item, "last_pushed", image.lastPushed);
      putTime(item, "last_pulled", image.lastPulled);
      item.put("status", image.lastActivity().isBefore(activeFrom) ? "inactive" : "active");
    }
    return Response.json(200, out.toString());
  }

  private Response listTags(Request r, String ns, String repoName, String digest) {
    String api = "GetNamespaceRepositoryImagesTags";
    Caller caller = caller(r);
    if (caller == null) {
      return unauthenticated(api);
    }
    if (!DIGEST.matcher(digest).matches()) {
      return invalidParam(api, "digest", "must be sha256: and 64 lower-case hex digits");
    }
    Paging paging = paging(r, 10, 100);
    if (paging.error() != null) {
      return invalidParam(api, paging.error(), "must be an integer of at least 1");
    }
    Response gate = imageGate(api, ns, caller);
    if (gate != null) {
      return gate;
    }
    Repo repo = store.repo(ns, repoName, false);
    if (repo == null) {
      return txn(404, "repository not found", api, null, null);
    }
    Image image = repo.images.get(digest);
    if (image == null) {
      return txn(404, "image not found", api, null, null);
    }
    if (paging.pastEnd(image.tags.size())) {
      return txn(404, "page not found", api, null, null);
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("count", image.tags.size());
    links(out, r, paging, image.tags.size());
    ArrayNode results = out.putArray("results");
    for (Tag tag : paging.slice(image.tags)) {
      results.addObject().put("tag", tag.name()).put("is_current", tag.current());
    }
    return Response.json(200, out.toString());
  }

  private Response summary(Request r, String ns, String repoName) {
    String api = "GetNamespaceRepositoryImagesSummary";
    Caller caller = caller(r);
    if (caller == null) {
      return unauthenticated(api);
    }
    Instant activeFrom = activeFrom(r.query());
    if (activeFrom == null) {
      return invalidParam(api, "active_from", "must be an RFC 3339 date-time");
    }
    Response gate = imageGate(api, ns, caller);
    if (gate != null) {
      return gate;
    }
    Repo repo = store.repo(ns, repoName, false);
    if (repo == null) {
      return txn(404, "repository not found", api, null, null);
    }
    int active = 0;
    for (Image image : repo.images.values()) {
      if (!image.lastActivity().isBefore(activeFrom)) {
        active++;
      }
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("active_from", activeFrom.toString());
    out.putObject("statistics").put("total", repo.images.size()).put("active", active)
        .put("inactive", repo.images.size() - active);
    return Response.json(200, out.toString());
  }

  private record WarningKey(String repository, String digest, String warning) {}

  private Response deleteImages(Request r, String ns) {
    String api = "DeleteImages";
    Caller caller = caller(r);
    if (caller == null) {
      return unauthenticated(api);
    }
    ObjectNode body = object(r.body());
    String invalid = body == null ? "body must be a JSON object" : null;
    List<String[]> manifests = new ArrayList<>();
    Set<WarningKey> ignored = new LinkedHashSet<>();
    boolean dryRun = false;
    Instant activeFrom = defaultActiveFrom();
    if (invalid == null) {
      JsonNode raw = body.get("manifests");
      if (raw == null || !raw.isArray() || raw.isEmpty()) {
        invalid = "manifests must list at least one manifest";
      } else {
        for (JsonNode m : raw) {
          String repo = text(m, "repository");
          String digest = text(m, "digest");
          if (repo == null || digest == null || !DIGEST.matcher(digest).matches()) {
            invalid = "each manifest needs a repository and a sha256 digest";
            break;
          }
          if (manifests.stream().noneMatch(x -> x[0].equals(repo) && x[1].equals(digest))) {
            manifests.add(new String[] {repo, digest});
          }
        }
      }
      JsonNode dry = body.get("dry_run");
      if (dry != null && !dry.isNull()) {
        if (!dry.isBoolean()) {
          invalid = "dry_run must be a boolean";
        } else {
          dryRun = dry.asBoolean();
        }
      }
      JsonNode from = body.get("active_from");
      if (from != null && !from.isNull()) {
        activeFrom = from.isTextual() ? parseTime(from.asText()) : null;
        if (activeFrom == null) {
          invalid = "active_from must be an RFC 3339 date-time";
        }
      }
      JsonNode ignore = body.get("ignore_warnings");
      if (ignore != null && !ignore.isNull()) {
        if (!ignore.isArray()) {
          invalid = "ignore_warnings must be an array";
        } else {
          for (JsonNode w : ignore) {
            String warning = text(w, "warning");
            if (text(w, "repository") == null || text(w, "digest") == null
                || !("is_active".equals(warning) || "current_tag".equals(warning))) {
              invalid = "each ignored warning needs a repository, a digest and a warning (is_active or current_tag)";
              break;
            }
            ignored.add(new WarningKey(text(w, "repository"), text(w, "digest"), warning));
          }
        }
      }
    }
    if (invalid != null) {
      return txn(400, invalid, api, "validation", null);
    }
    Response gate = imageGate(api, ns, caller);
    if (gate != null) {
      return gate;
    }
    if (!caller.hasScope("repo:admin")) {
      return txn(403, "deleting images needs a token with the repo:admin scope", api, null, null);
    }
    boolean owner = owns(caller, ns);
    ArrayNode errors = JSON.createArrayNode();
    ArrayNode warnings = JSON.createArrayNode();
    List<Image> doomed = new ArrayList<>();
    List<Repo> doomedRepos = new ArrayList<>();
    for (String[] m : manifests) {
      Repo repo = store.repo(ns, m[0], false);
      Image image = repo == null ? null : repo.images.get(m[1]);
      String error = image == null ? "not_found" : !owner ? "unauthorized" : image.child ? "child_manifest" : null;
      if (error != null) {
        errors.addObject().put("repository", m[0]).put("digest", m[1]).put("error", error);
        continue;
      }
      List<String> current = image.currentTags();
      if (!current.isEmpty() && !ignored.contains(new WarningKey(m[0], m[1], "current_tag"))) {
        ObjectNode w = warnings.addObject().put("repository", m[0]).put("digest", m[1]).put("warning", "current_tag");
        ArrayNode tags = w.putArray("tags");
        current.forEach(tags::add);
      }
      if (!image.lastActivity().isBefore(activeFrom) && !ignored.contains(new WarningKey(m[0], m[1], "is_active"))) {
        warnings.addObject().put("repository", m[0]).put("digest", m[1]).put("warning", "is_active");
      }
      doomed.add(image);
      doomedRepos.add(repo);
    }
    if (!errors.isEmpty() || !warnings.isEmpty()) {
      ObjectNode details = JSON.createObjectNode();
      details.set("errors", errors);
      details.set("warnings", warnings);
      return txn(400, "deletion not possible", api, "validation", details);
    }
    int tagDeletes = 0;
    Instant now = now();
    for (int i = 0; i < doomed.size(); i++) {
      Image image = doomed.get(i);
      Repo repo = doomedRepos.get(i);
      List<String> current = image.currentTags();
      tagDeletes += current.size();
      if (dryRun) {
        continue;
      }
      repo.images.remove(image.digest);
      String name = ns + "/" + repo.name;
      for (String tag : current) {
        store.record(ns, "repo.tag.delete", name, caller.username(), Map.of("digest", image.digest, "tag", tag), now,
            "deleted the tag " + tag + " from the repository " + name);
      }
      store.record(ns, "repo.manifest.delete", name, caller.username(), Map.of("digest", image.digest), now,
          "deleted the manifest " + image.digest.substring(0, 19) + " from the repository " + name);
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("dry_run", dryRun);
    out.putObject("metrics").put("manifest_deletes", doomed.size()).put("manifest_errors", 0)
        .put("tag_deletes", tagDeletes).put("tag_errors", 0);
    return Response.json(200, out.toString());
  }

  private Instant activeFrom(Map<String, String> q) {
    String raw = q.get("active_from");
    return raw == null ? defaultActiveFrom() : parseTime(raw);
  }

  /** One calendar month before now, as the live API documents. */
  private Instant defaultActiveFrom() {
    return now().atOffset(ZoneOffset.UTC).minusMonths(1).toInstant();
  }

  private Response invalidParam(String api, String param, String why) {
    return txn(400, "invalid query parameter " + param + ": " + why, api, "validation", null);
  }

  private Response txn(int status, String message, String apiCall, String type, ObjectNode details) {
    String txnid = UUID.randomUUID().toString();
    ObjectNode out = JSON.createObjectNode();
    out.put("txnid", txnid);
    out.put("message", message);
    ObjectNode info = out.putObject("errinfo");
    info.put("api_call_docker_id", "");
    info.put("api_call_name", apiCall);
    info.put("api_call_start", now().toString());
    info.put("api_call_txnid", txnid);
    if (type != null) {
      info.put("type", type);
    }
    if (details != null) {
      info.set("details", details);
    }
    return Response.json(status, out.toString());
  }

  // --- audit logs --------------------------------------------------------------------------------------

  private Response auditGate(Request r, String account) {
    Caller caller = caller(r);
    if (caller == null) {
      return rpc(401, 16, "authentication required");
    }
    if (!owns(caller, account)) {
      return rpc(403, 7, "permission denied");
    }
    return null;
  }

  private Response auditLogs(Request r, String account) {
    Response gate = auditGate(r, account);
    if (gate != null) {
      return gate;
    }
    Map<String, String> q = r.query();
    Instant from = null;
    Instant to = null;
    if (q.containsKey("from") && (from = parseTime(q.get("from"))) == null) {
      return rpc(400, 3, "invalid value for from: must be an RFC 3339 date-time");
    }
    if (q.containsKey("to") && (to = parseTime(q.get("to"))) == null) {
      return rpc(400, 3, "invalid value for to: must be an RFC 3339 date-time");
    }
    Paging paging = paging(r, 25, 100);
    if (paging.error() != null) {
      return rpc(400, 3, "invalid value for " + paging.error() + ": must be an integer of at least 1");
    }
    List<AuditEvent> events = new ArrayList<>();
    for (AuditEvent e : store.audit) {
      if (!e.account().equals(account)
          || (q.containsKey("action") && !e.action().equals(q.get("action")))
          || (q.containsKey("name") && !e.name().equals(q.get("name")))
          || (q.containsKey("actor") && !e.actor().equals(q.get("actor")))
          || (from != null && e.timestamp().isBefore(from))
          || (to != null && e.timestamp().isAfter(to))) {
        continue;
      }
      events.add(e);
    }
    events.sort(Comparator.comparing(AuditEvent::timestamp).thenComparingLong(AuditEvent::seq).reversed());
    ObjectNode out = JSON.createObjectNode();
    ArrayNode logs = out.putArray("logs");
    for (AuditEvent e : paging.slice(events)) {
      ObjectNode item = logs.addObject();
      item.put("account", e.account());
      item.put("action", e.action());
      item.put("name", e.name());
      item.put("actor", e.actor());
      ObjectNode data = item.putObject("data");
      e.data().forEach(data::put); // already sorted by key (Store.record)
      item.put("timestamp", e.timestamp().toString());
      item.put("action_description", e.description());
    }
    return Response.json(200, out.toString());
  }

  private Response auditActions(Request r, String account) {
    Response gate = auditGate(r, account);
    return gate != null ? gate : Response.json(200, AuditCatalogue.JSON);
  }

  private static Response rpc(int status, int code, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.put("code", code);
    out.put("message", message);
    out.putArray("details");
    return Response.json(status, out.toString());
  }

  // --- org settings --------------------------------------------------------------------------------------

  private Response orgSettings(Request r, String name, boolean update) {
    Caller caller = caller(r);
    if (caller == null) {
      return unauthorized(r);
    }
    Org org = store.orgs.get(name);
    if (org == null) {
      return detail(404, "Not found.");
    }
    if (!owns(caller, name)) {
      return detail(403, "You do not have permission to perform this action.");
    }
    if (org.plan != Plan.BUSINESS) {
      return detail(403, "Restricted images are only available to organizations on a Business plan.");
    }
    if (update) {
      ObjectNode body = object(r.body());
      JsonNode ri = body == null ? null : body.get("restricted_images");
      List<String> missing = new ArrayList<>();
      for (String field : List.of("enabled", "allow_official_images", "allow_verified_publishers")) {
        if (ri == null || !ri.path(field).isBoolean()) {
          missing.add(field);
        }
      }
      if (!missing.isEmpty()) {
        return fields(Map.of("restricted_images", List.of("Required boolean fields: " + String.join(", ", missing))));
      }
      org.restrictedEnabled = ri.get("enabled").asBoolean();
      org.allowOfficial = ri.get("allow_official_images").asBoolean();
      org.allowVerified = ri.get("allow_verified_publishers").asBoolean();
      Map<String, String> data = new LinkedHashMap<>();
      data.put("enabled", Boolean.toString(org.restrictedEnabled));
      data.put("allow_official_images", Boolean.toString(org.allowOfficial));
      data.put("allow_verified_publishers", Boolean.toString(org.allowVerified));
      store.record(name, "org.settings.update", name, caller.username(), data, now(),
          "changed the restricted images settings of the organization " + name);
    }
    ObjectNode out = JSON.createObjectNode();
    out.putObject("restricted_images").put("enabled", org.restrictedEnabled)
        .put("allow_official_images", org.allowOfficial).put("allow_verified_publishers", org.allowVerified);
    return Response.json(200, out.toString());
  }

  // --- shared helpers --------------------------------------------------------------------------------------

  /** Page and page_size of a list request. */
  record Paging(int page, int size, String error) {
    boolean pastEnd(int total) {
      return page > 1 && (long) (page - 1) * size >= total;
    }

    <T> List<T> slice(List<T> all) {
      long start = (long) (page - 1) * size;
      if (start >= all.size()) {
        return List.of();
      }
      return all.subList((int) start, (int) Math.min(all.size(), start + size));
    }
  }

  private static Paging paging(Request r, int defaultSize, int maxSize) {
    Map<String, String> q = r.query();
    Integer page = positive(q.get("page"), 1);
    if (page == null) {
      return new Paging(1, defaultSize, "page");
    }
    Integer size = positive(q.get("page_size"), defaultSize);
    if (size == null) {
      return new Paging(page, defaultSize, "page_size");
    }
    // The live Hub caps page_size silently instead of rejecting it.
    return new Paging(page, Math.min(size, maxSize), null);
  }

  private static Integer positive(String raw, int fallback) {
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      return value >= 1 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void links(ObjectNode out, Request r, Paging paging, int total) {
    boolean hasNext = (long) paging.page() * paging.size() < total;
    if (hasNext) {
      out.put("next", r.pageUrl(paging.page() + 1));
    } else {
      out.putNull("next");
    }
    if (paging.page() > 1) {
      out.put("previous", r.pageUrl(paging.page() - 1));
    } else {
      out.putNull("previous");
    }
  }

  private static ObjectNode object(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node instanceof ObjectNode o ? o : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }

  private static Map<String, List<String>> required(boolean notAnObject, String field) {
    return notAnObject ? Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary."))
        : Map.of(field, List.of("This field is required."));
  }

  static Instant parseTime(String raw) {
    try {
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      return null;
    }
  }

  private static void putTime(ObjectNode out, String field, Instant value) {
    if (value == null) {
      out.putNull(field);
    } else {
      out.put(field, value.toString());
    }
  }

  private static Response detail(int status, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.put("detail", message);
    out.put("message", message);
    return Response.json(status, out.toString());
  }

  private static Response fields(Map<String, List<String>> errors) {
    ObjectNode out = JSON.createObjectNode();
    ObjectNode f = out.putObject("fields");
    errors.forEach((k, v) -> {
      ArrayNode list = f.putArray(k);
      v.forEach(list::add);
    });
    out.put("text", "invalid request");
    return Response.json(400, out.toString());
  }

  private static Response notFound() {
    return detail(404, "Not found.");
  }

  private static Response notAllowed(String method) {
    return detail(405, "Method \"" + method + "\" not allowed.");
  }
}
