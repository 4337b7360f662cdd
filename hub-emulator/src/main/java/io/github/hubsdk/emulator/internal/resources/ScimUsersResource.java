package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.auth.Who;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.server.Texts.Problem;
import io.github.hubsdk.emulator.internal.state.Accounts;
import io.github.hubsdk.emulator.internal.state.ScimState;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.CreateScimUserRequest;
import io.github.hubsdk.openapi.model.ReplaceScimUserRequest;
import io.github.hubsdk.openapi.model.ScimUser;
import io.github.hubsdk.openapi.model.ScimUserList;
import io.github.hubsdk.openapi.model.ScimUserName;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The SCIM users of the {@code scim} tag: an organization's identity provider provisions, lists, reads,
 * renames, deactivates and reactivates users with the organization's SCIM token. Provisioning ties a user to
 * a seat: it links the Docker account with that e-mail address (or creates one, without a password, as SSO
 * accounts have) and makes it a member of the organization; {@code enabled: false} takes the seat away again
 * (removes the membership, and an owner's role with it) and {@code enabled: true} gives it back as a member.
 * A user's {@code active} is whether it holds a seat. Emulator rules where the live behaviour is not
 * documented: deactivating the organization's last owner answers 409 ({@code mutability}); a full directory
 * ({@value ScimState#MAX_USERS_PER_ORG} users) answers 403.
 */
final class ScimUsersResource {

  static final int DEFAULT_COUNT = 100;
  static final int MAX_COUNT = 200;
  static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  private final HubContext hub;
  private final Store store;

  ScimUsersResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
  }

  @Handles(value = "listScimUsers", callers = Who.SCIM)
  Reply list(Call c) {
    int startIndex = integer("startIndex", c.query("startIndex"), 1, Integer.MAX_VALUE, 1);
    int count = integer("count", c.query("count"), 1, MAX_COUNT, DEFAULT_COUNT);
    Predicate<ScimFilter.Subject> filter = c.query("filter") == null ? s -> true : ScimFilter.parse(c.query("filter"));
    Comparator<ScimFilter.Subject> order = ScimViews.order(c.query("sortBy"), c.query("sortOrder"));
    Set<String> attributes = ScimViews.attributes(c.query("attributes"));
    ScimState.Directory dir = directory(c);
    Accounts.Org org = store.accounts().org(dir.org);
    List<ScimState.User> users = dir.users();
    List<ScimState.User> matching = users.stream().filter(u -> filter.test(ScimViews.subject(org, u))).toList();
    if (order != null) {
      matching = matching.stream().sorted(Comparator.comparing(u -> ScimViews.subject(org, u), order)).toList();
    }
    String base = ScimViews.base(c);
    List<ScimUser> page = matching.stream().skip(startIndex - 1L).limit(count)
        .map(u -> ScimViews.project(ScimViews.user(org, u, base), attributes)).toList();
    return Reply.scim(200, new ScimUserList().schemas(List.of(LIST_SCHEMA)).totalResults(matching.size())
        .startIndex(startIndex).itemsPerPage(page.size()).resources(page));
  }

  @Handles(value = "createScimUser", callers = Who.SCIM)
  Reply create(Call c) {
    CreateScimUserRequest body = c.body(CreateScimUserRequest.class);
    requireUserSchema(body.getSchemas());
    String userName = email(body.getUserName());
    ScimState.Directory dir = directory(c);
    if (dir.byUserName(userName) != null) {
      throw HubError.conflict(Texts.scimUserExists(userName)).withScimType("uniqueness");
    }
    if (dir.full()) {
      throw HubError.forbidden(Texts.SCIM_NO_SEATS);
    }
    ScimUserName name = body.getName();
    ScimState.User user = store.scim().provision(dir, userName, name == null ? null : name.getGivenName(),
        name == null ? null : name.getFamilyName(), hub.now());
    Accounts.Org org = store.accounts().org(dir.org);
    return Reply.scim(201, ScimViews.user(org, user, ScimViews.base(c)));
  }

  @Handles(value = "getScimUser", callers = Who.SCIM)
  Reply get(Call c) {
    ScimState.Directory dir = directory(c);
    ScimState.User user = user(dir, c.path("userId"));
    return Reply.scim(200, ScimViews.user(store.accounts().org(dir.org), user, ScimViews.base(c)));
  }

  @Handles(value = "replaceScimUser", callers = Who.SCIM)
  Reply replace(Call c) {
    ScimState.Directory dir = directory(c);
    ScimState.User user = user(dir, c.path("userId"));
    ReplaceScimUserRequest body = c.body(ReplaceScimUserRequest.class);
    requireUserSchema(body.getSchemas());
    Accounts.Org org = store.accounts().org(dir.org);
    // Docker Hub's quirk: an absent "enabled" is false, so a PUT that only renames deactivates the user.
    boolean enabled = Boolean.TRUE.equals(body.getEnabled());
    if (!enabled && org.owners.size() == 1 && org.owners.contains(user.username)) {
      throw HubError.conflict("cannot deactivate the last owner of " + org.name).withScimType("mutability");
    }
    ScimUserName name = body.getName();
    if (name != null) {
      // A name is changed, never cleared: only the parts sent are replaced.
      if (name.getGivenName() != null) {
        user.givenName = name.getGivenName();
      }
      if (name.getFamilyName() != null) {
        user.familyName = name.getFamilyName();
      }
    }
    store.scim().seat(dir, user, enabled, hub.now());
    user.lastModified = hub.now();
    return Reply.scim(200, ScimViews.user(org, user, ScimViews.base(c)));
  }

  /** The caller's SSO connection; its organization may have lost SCIM since the token was checked. */
  private ScimState.Directory directory(Call c) {
    ScimState.Directory dir = store.scim().of(c.caller().username());
    if (dir == null || store.accounts().org(dir.org) == null) {
      throw HubError.unauthorized(Texts.SCIM_BAD_TOKEN);
    }
    return dir;
  }

  private static ScimState.User user(ScimState.Directory dir, String rawId) {
    UUID id;
    try {
      id = UUID.fromString(rawId);
    } catch (IllegalArgumentException notAnId) {
      throw HubError.notFound(Texts.SCIM_USER_NOT_FOUND);
    }
    ScimState.User user = dir.user(id);
    if (user == null) {
      throw HubError.notFound(Texts.SCIM_USER_NOT_FOUND);
    }
    return user;
  }

  private static void requireUserSchema(List<String> schemas) {
    if (schemas == null || !schemas.contains(Texts.SCIM_USER_SCHEMA)) {
      throw HubError.invalidField("schemas", new Problem("Must list " + Texts.SCIM_USER_SCHEMA + ".",
          "must list " + Texts.SCIM_USER_SCHEMA));
    }
  }

  /** An e-mail address: something before and after one {@code @}, no spaces or control characters. */
  private static String email(String value) {
    if (value == null || value.isBlank()) {
      throw HubError.invalidField("userName", Texts.REQUIRED);
    }
    int at = value.lastIndexOf('@');
    boolean clean = value.codePoints().noneMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch));
    if (at < 1 || at == value.length() - 1 || !clean || value.length() > 254) {
      throw HubError.invalidField("userName", new Problem("Enter a valid email address.",
          "must be an e-mail address"));
    }
    return value;
  }

  /** An integer parameter within bounds, else 400 {@code invalidValue}. */
  private static int integer(String name, String raw, int min, int max, int fallback) {
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    String range = max == Integer.MAX_VALUE ? "an integer of at least " + min : "an integer from " + min + " to " + max;
    throw HubError.invalidParam(name, new Problem("A valid integer is required.", "must be " + range));
  }
}
