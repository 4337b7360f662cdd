package io.github.hubsdk.emulator.internal.seed;

import static io.github.hubsdk.emulator.internal.seed.SeedSections.at;

import io.github.hubsdk.emulator.GroupSeeder;
import io.github.hubsdk.emulator.OrganizationSeeder;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.Role;
import io.github.hubsdk.emulator.Seeder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code organizations} section: plan, owners, members and their roles, e-mail addresses and join
 * dates, restricted images, pending invites, groups with members and repository permissions, profile; read
 * into {@link Seeder#org(String, Plan)}, {@link Seeder#org(String)} and {@link Seeder#group(String, String)}.
 * Internal API.
 */
final class SeedOrganizations {

  private SeedOrganizations() {}

  static void organization(SeedSections ctx, SeedNode o) {
    o.object("name", "plan", "owners", "members", "roles", "emails", "joined", "restrictedImages", "invites",
        "groups", "scim", "profile");
    String name = o.required("name").text();
    Plan plan = o.required("plan").plan();
    List<SeedNode> owners = list(o, "owners");
    List<SeedNode> members = list(o, "members");
    owners.forEach(SeedNode::text);
    members.forEach(SeedNode::text);
    Map<String, String> roles = o.optional("roles") == null ? Map.of() : o.optional("roles").stringMap();
    Map<String, String> emails = o.optional("emails") == null ? Map.of() : o.optional("emails").stringMap();
    SeedNode joinedNode = o.optional("joined");
    Map<String, String> joinedText = joinedNode == null ? Map.of() : joinedNode.stringMap();
    List<String[]> joined = new ArrayList<>();
    for (String user : joinedText.keySet()) {
      SeedNode at = joinedNode.required(user);
      joined.add(new String[] {user, at.time(ctx.now, false).toString()});
    }
    SeedNode ri = o.optional("restrictedImages");
    boolean[] restricted = null;
    if (ri != null) {
      ri.object("enabled", "allowOfficialImages", "allowVerifiedPublishers");
      restricted = new boolean[] {ri.required("enabled").bool(),
          ri.optional("allowOfficialImages") == null || ri.optional("allowOfficialImages").bool(),
          ri.optional("allowVerifiedPublishers") == null || ri.optional("allowVerifiedPublishers").bool()};
    }
    List<SeedNode> invites = list(o, "invites");
    for (SeedNode i : invites) {
      i.object("invitee", "inviter", "team", "role");
      i.required("invitee").text();
      i.required("inviter").text();
    }
    List<SeedNode> groups = list(o, "groups");
    for (SeedNode g : groups) {
      g.object("name", "description", "members", "permissions");
      g.required("name").text();
      if (g.optional("members") != null) {
        g.optional("members").texts();
      }
      if (g.optional("permissions") != null) {
        g.optional("permissions").stringMap();
      }
    }
    boolean[] settings = restricted;
    ctx.seed(o, s -> {
      Seeder.OrgSeeder org = s.org(name, plan);
      for (SeedNode u : owners) {
        at(u, () -> org.owners(u.text()));
      }
      for (SeedNode u : members) {
        at(u, () -> org.members(u.text()));
      }
      if (settings != null) {
        org.restrictedImages(settings[0], settings[1], settings[2]);
      }
      OrganizationSeeder admin = s.org(name);
      roles.forEach((user, role) -> at(o.required("roles").required(user), () -> admin.member(user, role(role))));
      emails.forEach((user, email) -> at(o.required("emails").required(user), () -> admin.email(user, email)));
      for (String[] j : joined) {
        at(joinedNode.required(j[0]), () -> admin.joinedAt(j[0], Instant.parse(j[1])));
      }
      for (SeedNode i : invites) {
        String team = i.optional("team") == null ? null : i.optional("team").text();
        Role role = i.optional("role") == null ? Role.MEMBER : role(i.optional("role").text());
        at(i, () -> admin.invite(i.required("invitee").text(), i.required("inviter").text(), team, role));
      }
    });
    // A group's permissions name repositories of this organization, which the repositories section (read
    // after this one) seeds: they are granted after it.
    for (SeedNode g : groups) {
      ctx.seed(g, s -> {
        GroupSeeder group = s.group(name, g.required("name").text());
        if (g.optional("description") != null) {
          group.description(g.optional("description").text());
        }
        if (g.optional("members") != null) {
          for (SeedNode m : g.optional("members").elements()) {
            at(m, () -> group.members(m.text()));
          }
        }
      });
      if (g.optional("permissions") != null) {
        ctx.later(g.optional("permissions"), s -> {
          GroupSeeder group = s.group(name, g.required("name").text());
          g.optional("permissions").stringMap().forEach((repo, permission) ->
              at(g.optional("permissions").required(repo), () -> group.permission(repo, permission)));
        });
      }
    }
    SeedNode scim = o.optional("scim");
    if (scim != null) {
      scim(ctx, name, scim);
    }
    ctx.profile(o, name);
  }

  /** SSO with SCIM provisioning (Business plan): the SCIM token, account e-mails, provisioned users. */
  private static void scim(SeedSections ctx, String org, SeedNode scim) {
    scim.object("token", "accountEmails", "users", "generatedUsers");
    SeedNode tokenNode = scim.optional("token");
    String token = tokenNode == null ? null : tokenNode.text();
    if (token != null && token.length() < 16) {
      throw tokenNode.fail("must have at least 16 characters");
    }
    SeedNode emailsNode = scim.optional("accountEmails");
    Map<String, String> accountEmails = emailsNode == null ? Map.of() : emailsNode.stringMap();
    List<SeedNode> users = list(scim, "users");
    for (SeedNode u : users) {
      u.object("email", "givenName", "familyName", "active");
      u.required("email").text();
    }
    SeedNode generatedNode = scim.optional("generatedUsers");
    int generated = generatedNode == null ? 0 : generatedNode.integer(0, 10_000);
    ctx.seed(scim, s -> {
      var sso = s.scim(org);
      if (token != null) {
        at(tokenNode, () -> sso.token(token));
      }
      accountEmails.forEach((user, email) -> at(emailsNode.required(user), () -> sso.accountEmail(user, email)));
      for (SeedNode u : users) {
        String email = u.required("email").text();
        boolean active = u.optional("active") == null || u.optional("active").bool();
        String given = u.optional("givenName") == null ? null : u.optional("givenName").text();
        String family = u.optional("familyName") == null ? null : u.optional("familyName").text();
        at(u, () -> {
          if (active) {
            sso.user(email, given, family);
          } else {
            sso.deactivatedUser(email);
          }
        });
      }
      if (generated > 0) {
        sso.users(generated);
      }
      ctx.scimToken(org, sso.token());
    });
  }

  private static List<SeedNode> list(SeedNode o, String field) {
    return o.optional(field) == null ? List.of() : o.optional(field).elements();
  }

  /** {@code owner}, {@code editor}, {@code member} (any case) or a custom role's name. */
  private static Role role(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "owner" -> Role.OWNER;
      case "editor" -> Role.EDITOR;
      case "member" -> Role.MEMBER;
      default -> Role.custom(text);
    };
  }
}
