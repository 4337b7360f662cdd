package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.server.Texts.Problem;
import io.github.hubsdk.emulator.internal.server.Wire;
import io.github.hubsdk.emulator.internal.state.Accounts;
import io.github.hubsdk.emulator.internal.state.ScimState;
import io.github.hubsdk.openapi.model.ScimEmail;
import io.github.hubsdk.openapi.model.ScimMeta;
import io.github.hubsdk.openapi.model.ScimUser;
import io.github.hubsdk.openapi.model.ScimUserName;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How a provisioned user looks on the wire ({@code ScimUser}), its sort orders ({@code sortBy}) and the
 * {@code attributes} projection of a list. Internal to the SCIM resources.
 */
final class ScimViews {

  static final String USERS_PATH = "/v2/scim/2.0/Users/";

  /** {@code sortBy} values, lower case, to the sort key. */
  private static final Map<String, Function<ScimFilter.Subject, String>> SORT_KEYS = Map.of(
      "id", ScimFilter.Subject::id,
      "username", ScimFilter.Subject::userName,
      "emails.value", ScimFilter.Subject::userName,
      "displayname", ScimFilter.Subject::displayName,
      "name.givenname", ScimFilter.Subject::givenName,
      "name.familyname", ScimFilter.Subject::familyName);

  /** Top-level attributes {@code attributes} may name; {@code id} and {@code schemas} are always returned. */
  private static final Set<String> PROJECTABLE = Set.of("username", "name", "name.givenname", "name.familyname",
      "displayname", "active", "emails", "emails.value", "groups", "meta");

  private ScimViews() {}

  /** Whether the user holds a seat: is a member (or owner) of the organization. */
  static boolean active(Accounts.Org org, ScimState.User u) {
    return org != null && org.has(u.username);
  }

  static ScimFilter.Subject subject(Accounts.Org org, ScimState.User u) {
    return new ScimFilter.Subject(u.id.toString(), u.userName, u.username, u.givenName, u.familyName, active(org, u));
  }

  /** The full SCIM representation; {@code base} is the server's origin as the client called it, or "". */
  static ScimUser user(Accounts.Org org, ScimState.User u, String base) {
    ScimUserName name = u.givenName == null && u.familyName == null ? null
        : new ScimUserName().givenName(u.givenName).familyName(u.familyName);
    return new ScimUser().schemas(List.of(Texts.SCIM_USER_SCHEMA)).id(u.id).userName(u.userName).name(name)
        .displayName(u.username).active(active(org, u))
        .emails(List.of(new ScimEmail().value(u.userName).display(u.userName).primary(true)))
        // Teams are not modelled by this resource: every user is in none.
        .groups(List.of())
        .meta(new ScimMeta().resourceType("User").location(URI.create(base + USERS_PATH + u.id))
            .created(Wire.time(u.created)).lastModified(Wire.time(u.lastModified)));
  }

  /** The origin the client used (scheme and host), so that {@code meta.location} points back at it. */
  static String base(Call c) {
    URI self = c.pageUrl(1);
    return self.getScheme() == null || self.getRawAuthority() == null ? ""
        : self.getScheme() + "://" + self.getRawAuthority();
  }

  /**
   * The order of {@code sortBy}/{@code sortOrder}; absent values sort last. Without {@code sortBy}, null:
   * provisioning order.
   *
   * @throws HubError 400 {@code invalidValue} for an attribute that cannot be sorted by, or a bad order
   */
  static Comparator<ScimFilter.Subject> order(String sortBy, String sortOrder) {
    boolean descending = false;
    if (sortOrder != null) {
      if (!sortOrder.equals("ascending") && !sortOrder.equals("descending")) {
        throw HubError.invalidParam("sortOrder", Texts.choice(sortOrder, List.of("ascending", "descending")));
      }
      descending = sortOrder.equals("descending");
    }
    if (sortBy == null) {
      return null;
    }
    Function<ScimFilter.Subject, String> key = SORT_KEYS.get(sortBy.toLowerCase(Locale.ROOT));
    if (key == null) {
      throw HubError.invalidParam("sortBy", new Problem("Cannot sort by " + sortBy + ".",
          "cannot sort by " + sortBy));
    }
    Comparator<String> values = descending ? String.CASE_INSENSITIVE_ORDER.reversed() : String.CASE_INSENSITIVE_ORDER;
    return Comparator.comparing(key, Comparator.nullsLast(values));
  }

  /**
   * The attributes an {@code attributes} parameter asks for, lower case; null for all.
   *
   * @throws HubError 400 {@code invalidValue} for an attribute the User schema does not have
   */
  static Set<String> attributes(String raw) {
    if (raw == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String part : raw.split(",", -1)) {
      String a = part.trim().toLowerCase(Locale.ROOT);
      if (a.startsWith("urn:ietf:params:scim:schemas:core:2.0:user:")) {
        a = a.substring("urn:ietf:params:scim:schemas:core:2.0:user:".length());
      }
      if (!PROJECTABLE.contains(a) && !a.equals("id")) {
        throw HubError.invalidParam("attributes", new Problem("Unknown attribute " + part.trim() + ".",
            "unknown attribute " + part.trim()));
      }
      out.add(a);
    }
    return out;
  }

  /** The user with only the asked-for attributes (and {@code id}, {@code schemas}, which are always returned). */
  static ScimUser project(ScimUser full, Set<String> wanted) {
    if (wanted == null) {
      return full;
    }
    ScimUser out = new ScimUser().schemas(full.getSchemas()).id(full.getId());
    if (wanted.contains("username")) {
      out.userName(full.getUserName());
    }
    if (full.getName() != null && (wanted.contains("name") || wanted.contains("name.givenname")
        || wanted.contains("name.familyname"))) {
      boolean whole = wanted.contains("name");
      out.name(new ScimUserName().givenName(whole || wanted.contains("name.givenname") ? full.getName().getGivenName()
          : null).familyName(whole || wanted.contains("name.familyname") ? full.getName().getFamilyName() : null));
    }
    if (wanted.contains("displayname")) {
      out.displayName(full.getDisplayName());
    }
    if (wanted.contains("active")) {
      out.active(full.getActive());
    }
    if (wanted.contains("emails") || wanted.contains("emails.value")) {
      out.emails(wanted.contains("emails") ? full.getEmails()
          : full.getEmails().stream().map(e -> new ScimEmail().value(e.getValue())).toList());
    }
    if (wanted.contains("groups")) {
      out.groups(full.getGroups());
    }
    if (wanted.contains("meta")) {
      out.meta(full.getMeta());
    }
    return out;
  }
}
