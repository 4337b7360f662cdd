package io.github.hubsdk.emulator.internal.resources;

import static io.github.hubsdk.emulator.internal.auth.Who.PASSWORD;

import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.PageParams.Page;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Require;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.server.Wire;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.emulator.internal.state.Tokens.Token;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenPage;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.CreateAccessTokenRequest;
import io.github.hubsdk.openapi.model.UpdateAccessTokenRequest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code access-tokens} tag: a user's personal access tokens. Managing them needs a password login:
 * a JWT from a PAT or an OAT answers 403 (declared with {@code callers = PASSWORD}). Every change is
 * audited in the user's namespace.
 */
final class AccessTokensResource {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_LABEL = 100;
  // Emulator rule (the live limit is not documented): keeps a client's token churn from growing the heap.
  static final int MAX_TOKENS_PER_USER = 1_000;

  private final HubContext hub;
  private final Store store;

  AccessTokensResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
  }

  @Handles(value = "createAccessToken", callers = PASSWORD)
  Reply create(Call c) {
    CreateAccessTokenRequest body = c.body(CreateAccessTokenRequest.class);
    Require check = new Require();
    String label = check.text("token_label", body.getTokenLabel(), true, MAX_LABEL);
    List<String> scopes = new ArrayList<>();
    if (body.getScopes() == null || body.getScopes().isEmpty()) {
      check.add("scopes", Texts.SCOPES_REQUIRED);
    } else {
      for (AccessTokenScope scope : body.getScopes()) {
        if (scope == null) {
          check.add("scopes", Texts.choice("null", scopeNames()));
          break;
        }
        scopes.add(scope.getValue());
      }
    }
    Instant now = hub.now();
    Instant expiresAt = body.getExpiresAt() == null ? null : body.getExpiresAt().toInstant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      check.add("expires_at", Texts.FUTURE);
    }
    check.check();
    String user = c.caller().username();
    if (store.tokens().personalOf(user).size() >= MAX_TOKENS_PER_USER) {
      throw HubError.invalid("token_label", "a user has at most " + MAX_TOKENS_PER_USER
          + " personal access tokens; delete one first");
    }
    String ua = c.header("User-Agent");
    Token token = store.tokens().add(UUID.randomUUID(), user, false, label, scopes, newSecret("dckr_pat_"), now,
        expiresAt, true, c.remoteIp(), ua == null ? "" : ua, "manual");
    store.audit().record(user, "pat.create", label, user,
        Map.of("uuid", token.uuid.toString(), "scopes", String.join(",", scopes)), now,
        "created the personal access token " + label);
    return Reply.created(toModel(token, true));
  }

  @Handles(value = "listAccessTokens", callers = PASSWORD, readOnly = true)
  Reply list(Call c) {
    List<Token> mine = store.tokens().personalOf(c.caller().username());
    Page<AccessToken> page = c.page(10, 100).linked(mine).map(t -> toModel(t, false));
    int active = (int) mine.stream().filter(t -> t.active).count();
    return Reply.ok(new AccessTokenPage().count(page.total()).next(page.next()).previous(page.previous())
        .activeCount(active).results(page.items()));
  }

  @Handles(value = "getAccessToken", callers = PASSWORD, readOnly = true)
  Reply get(Call c) {
    return Reply.ok(toModel(own(c), false));
  }

  @Handles(value = "updateAccessToken", callers = PASSWORD)
  Reply update(Call c) {
    Token t = own(c);
    UpdateAccessTokenRequest body = c.body(UpdateAccessTokenRequest.class);
    Require check = new Require();
    String label = check.text("token_label", body.getTokenLabel(), false, MAX_LABEL);
    check.check();
    Boolean active = body.getIsActive();
    if (label == null && active == null) {
      throw HubError.invalid("non_field_errors", Texts.LABEL_OR_ACTIVE);
    }
    Map<String, String> data = new LinkedHashMap<>();
    data.put("uuid", t.uuid.toString());
    if (label != null) {
      data.put("token_label", label);
      t.label = label;
    }
    if (active != null) {
      data.put("is_active", active.toString());
      t.active = active;
    }
    String user = c.caller().username();
    store.audit().record(user, "pat.update", t.label, user, data, hub.now(), "updated the personal access token " + t.label);
    return Reply.ok(toModel(t, false));
  }

  @Handles(value = "deleteAccessToken", callers = PASSWORD)
  Reply delete(Call c) {
    Token t = own(c);
    store.tokens().remove(t);
    String user = c.caller().username();
    store.audit().record(user, "pat.delete", t.label, user, Map.of("uuid", t.uuid.toString()), hub.now(),
        "deleted the personal access token " + t.label);
    return Reply.noContent();
  }

  /** The caller's own token of the path's uuid; a foreign or malformed uuid is just not found (404). */
  private Token own(Call c) {
    Token t = store.tokens().personal(c.caller().username(), c.path("uuid"));
    if (t == null) {
      throw HubError.notFound();
    }
    return t;
  }

  /** The API's view of a token; the secret only in the answer to create, else {@code ""}. */
  static AccessToken toModel(Token t, boolean withSecret) {
    return new AccessToken().uuid(t.uuid).clientId("HUB").creatorIp(t.creatorIp).creatorUa(t.creatorUa)
        .createdAt(Wire.time(t.createdAt)).lastUsed(Wire.time(t.lastUsed)).generatedBy(t.generatedBy)
        .isActive(t.active).token(withSecret ? t.secret : "").tokenLabel(t.label)
        .scopes(t.scopes.stream().map(AccessTokenScope::fromValue).toList()).expiresAt(Wire.time(t.expiresAt));
  }

  private static List<String> scopeNames() {
    List<String> out = new ArrayList<>();
    for (AccessTokenScope s : AccessTokenScope.values()) {
      if (s != AccessTokenScope.UNKNOWN_DEFAULT_OPEN_API) {
        out.add(s.getValue());
      }
    }
    return out;
  }

  private static String newSecret(String prefix) {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 27);
  }
}
