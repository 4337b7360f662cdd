package io.github.hubsdk.emulator.internal.resources;

import static io.github.hubsdk.emulator.internal.auth.Who.PASSWORD;
import static io.github.hubsdk.emulator.internal.auth.Who.PAT;

import io.github.hubsdk.emulator.internal.OatRules;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.PageParams.Page;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Require;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.server.Wire;
import io.github.hubsdk.emulator.internal.state.Accounts;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.emulator.internal.state.Tokens;
import io.github.hubsdk.emulator.internal.state.Tokens.Token;
import io.github.hubsdk.openapi.model.CreateOrgAccessTokenRequest;
import io.github.hubsdk.openapi.model.OrgAccessToken;
import io.github.hubsdk.openapi.model.OrgAccessTokenPage;
import io.github.hubsdk.openapi.model.OrgAccessTokenResource;
import io.github.hubsdk.openapi.model.OrgAccessTokenResourceType;
import io.github.hubsdk.openapi.model.UpdateOrgAccessTokenRequest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code org-access-tokens} tag. Emulator rules where the facts leave a choice: an owner of the
 * organization manages its tokens with a password or a personal-access-token login (no particular PAT
 * scope); an organization access token cannot manage tokens (403); the organization needs a Team or
 * Business plan (403 naming the plan). At most {@value OatRules#MAX_TOKENS_PER_ORG} tokens per
 * organization and {@value OatRules#MAX_RESOURCES} resources per token (400 beyond). Every change is
 * audited in the organization's log ({@code org.access_token.create|update|delete}).
 */
final class OrgAccessTokensResource {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_LABEL = 100;
  private static final int MAX_DESCRIPTION = 255;

  private final HubContext hub;
  private final Store store;
  private final OrgAccess access;

  OrgAccessTokensResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
    this.access = new OrgAccess(store);
  }

  @Handles(value = "createOrgAccessToken", callers = {PASSWORD, PAT})
  Reply create(Call c) {
    Accounts.Org org = managed(c);
    CreateOrgAccessTokenRequest body = c.body(CreateOrgAccessTokenRequest.class);
    Require check = new Require();
    String label = check.text("label", body.getLabel(), true, MAX_LABEL);
    String description = body.getDescription() == null ? "" : body.getDescription();
    if (description.length() > MAX_DESCRIPTION) {
      check.add("description", Texts.maxLength(MAX_DESCRIPTION));
    }
    Instant now = hub.now();
    Instant expiresAt = body.getExpiresAt() == null ? null : body.getExpiresAt().toInstant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      check.add("expires_at", Texts.FUTURE);
    }
    List<Tokens.Resource> resources = resources(org.name, body.getResources(), check);
    check.check();
    if (store.tokens().organizationOf(org.name).size() >= OatRules.MAX_TOKENS_PER_ORG) {
      throw HubError.invalid("non_field_errors",
          "An organization can have at most " + OatRules.MAX_TOKENS_PER_ORG + " access tokens.");
    }
    String user = c.caller().username();
    String ua = c.header("User-Agent");
    Token t = store.tokens().add(UUID.randomUUID(), org.name, true, label, List.of(), newSecret(), now, expiresAt,
        true, c.remoteIp(), ua == null ? "" : ua, "manual");
    t.description = description;
    t.createdBy = user;
    t.resources = resources;
    store.audit().record(org.name, "org.access_token.create", label, user,
        Map.of("id", t.uuid.toString(), "resources", describe(resources)), now,
        "created the organization access token " + label);
    return Reply.created(toModel(t, true, true));
  }

  @Handles(value = "listOrgAccessTokens", callers = {PASSWORD, PAT})
  Reply list(Call c) {
    Accounts.Org org = managed(c);
    Page<OrgAccessToken> page = c.page(10, 100).linked(store.tokens().organizationOf(org.name))
        .map(t -> toModel(t, false, false));
    return Reply.ok(new OrgAccessTokenPage().total(page.total()).next(page.next()).previous(page.previous())
        .results(page.items()));
  }

  @Handles(value = "getOrgAccessToken", callers = {PASSWORD, PAT})
  Reply get(Call c) {
    return Reply.ok(toModel(own(c, managed(c)), false, true));
  }

  @Handles(value = "updateOrgAccessToken", callers = {PASSWORD, PAT})
  Reply update(Call c) {
    Accounts.Org org = managed(c);
    Token t = own(c, org);
    UpdateOrgAccessTokenRequest body = c.body(UpdateOrgAccessTokenRequest.class);
    Require check = new Require();
    String label = check.text("label", body.getLabel(), false, MAX_LABEL);
    if (body.getDescription() != null && body.getDescription().length() > MAX_DESCRIPTION) {
      check.add("description", Texts.maxLength(MAX_DESCRIPTION));
    }
    List<Tokens.Resource> resources = body.getResources() == null ? null
        : resources(org.name, body.getResources(), check);
    check.check();
    if (label == null && body.getDescription() == null && body.getIsActive() == null && resources == null) {
      throw HubError.invalid("non_field_errors", "Send label, description, is_active and/or resources.");
    }
    Map<String, String> data = new LinkedHashMap<>();
    data.put("id", t.uuid.toString());
    if (label != null) {
      t.label = label;
      data.put("label", label);
    }
    if (body.getDescription() != null) {
      t.description = body.getDescription();
      data.put("description", t.description);
    }
    if (body.getIsActive() != null) {
      t.active = body.getIsActive();
      data.put("is_active", Boolean.toString(t.active));
    }
    if (resources != null) {
      t.resources = resources;
      data.put("resources", describe(resources));
    }
    store.audit().record(org.name, "org.access_token.update", t.label, c.caller().username(), data, hub.now(),
        "updated the organization access token " + t.label);
    return Reply.ok(toModel(t, false, true));
  }

  @Handles(value = "deleteOrgAccessToken", callers = {PASSWORD, PAT})
  Reply delete(Call c) {
    Accounts.Org org = managed(c);
    Token t = own(c, org);
    store.tokens().remove(t);
    store.audit().record(org.name, "org.access_token.delete", t.label, c.caller().username(),
        Map.of("id", t.uuid.toString()), hub.now(), "deleted the organization access token " + t.label);
    return Reply.noContent();
  }

  /** The path's organization when it exists (404), the caller owns it (403) and its plan has OATs (403). */
  private Accounts.Org managed(Call c) {
    Accounts.Org org = access.org(c.path("org"));
    access.requireOwner(c.caller(), org);
    OrgAccess.requireOatPlan(org);
    return org;
  }

  private Token own(Call c, Accounts.Org org) {
    Token t = store.tokens().ofOrganization(org.name, c.path("accessTokenId"));
    if (t == null) {
      throw HubError.notFound();
    }
    return t;
  }

  private static List<Tokens.Resource> resources(String org, List<OrgAccessTokenResource> in, Require check) {
    List<Tokens.Resource> out = new ArrayList<>();
    if (in == null) {
      return out;
    }
    if (in.size() > OatRules.MAX_RESOURCES) {
      check.add("resources", new Texts.Problem("Ensure this field has no more than " + OatRules.MAX_RESOURCES
          + " elements.", "must have at most " + OatRules.MAX_RESOURCES + " elements"));
      return out;
    }
    for (OrgAccessTokenResource r : in) {
      String type = r == null || r.getType() == null || r.getType() == OrgAccessTokenResourceType.UNKNOWN_DEFAULT_OPEN_API
          ? null : r.getType().getValue();
      String problem = r == null ? "each resource needs a type, a path and scopes"
          : OatRules.problem(org, type, r.getPath(), r.getScopes());
      if (problem != null) {
        check.add("resources", new Texts.Problem(problem, problem));
        return out;
      }
      out.add(new Tokens.Resource(type, r.getPath(), r.getScopes()));
    }
    return List.copyOf(out);
  }

  private static String describe(List<Tokens.Resource> resources) {
    List<String> parts = new ArrayList<>();
    for (Tokens.Resource r : resources) {
      parts.add(r.type() + ":" + r.path() + ":" + String.join("+", r.scopes()));
    }
    return String.join(",", parts);
  }

  /** The API's view; the secret only in the create answer; lists carry no resources. */
  static OrgAccessToken toModel(Token t, boolean withSecret, boolean withResources) {
    OrgAccessToken out = new OrgAccessToken().id(t.uuid).label(t.label).description(t.description)
        .createdBy(t.createdBy).isActive(t.active).createdAt(Wire.time(t.createdAt))
        .expiresAt(Wire.time(t.expiresAt)).lastUsedAt(Wire.time(t.lastUsed));
    if (withSecret) {
      out.token(t.secret);
    }
    if (withResources) {
      out.resources(t.resources.stream().map(r -> new OrgAccessTokenResource()
          .type(OrgAccessTokenResourceType.fromValue(r.type())).path(r.path()).scopes(new ArrayList<>(r.scopes())))
          .toList());
    }
    return out;
  }

  private static String newSecret() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return "dckr_oat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 27);
  }
}
