package io.github.hubsdk.emulator.internal.seed;

import io.github.hubsdk.emulator.InvalidSeedException;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeedDocument;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.OrgAccessTokenSeeder;
import io.github.hubsdk.emulator.TokenSeeder;
import io.github.hubsdk.emulator.internal.ApiRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sections of a seed document, each read into {@link Seeder} calls. Run once without a seeder to check
 * the document (everything the text decides), then with one to apply it; one reading serves both, so what
 * is checked is what is applied. Internal API.
 */
public final class SeedSections {

  /** The sections in the order they are applied (later ones refer to earlier ones). */
  static final List<String> SECTIONS = List.of("users", "organizations", "repositories", "accessTokens",
      "organizationAccessTokens", "auditEvents");

  final Seeder seeder;
  final Instant now;
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final List<SeedDocument.Result.Token> tokens = new ArrayList<>();
  private final List<Runnable> later = new ArrayList<>();
  private final Map<String, String> scimTokens = new LinkedHashMap<>();

  private SeedSections(Seeder seeder) {
    this.seeder = seeder;
    this.now = seeder == null ? Instant.EPOCH : seeder.now();
  }

  /** Checks what the text alone decides. */
  public static void check(SeedNode root) {
    new SeedSections(null).run(root);
  }

  /** Applies the document through the seeder. */
  public static SeedDocument.Result apply(SeedNode root, Seeder seeder) {
    SeedSections s = new SeedSections(seeder);
    s.run(root);
    return new SeedDocument.Result(Map.copyOf(s.counts), List.copyOf(s.tokens), Map.copyOf(s.scimTokens));
  }

  private void run(SeedNode root) {
    List<String> allowed = new ArrayList<>(SECTIONS);
    allowed.add("version");
    allowed.add("description");
    root.object(allowed.toArray(String[]::new));
    SeedNode version = root.optional("version");
    if (version != null && version.integer(1, 1) != 1) {
      throw version.fail("only version 1 exists");
    }
    SeedNode description = root.optional("description");
    if (description != null) {
      description.text();
    }
    section(root, "users", this::user);
    section(root, "organizations", o -> SeedOrganizations.organization(this, o));
    section(root, "repositories", r -> SeedRepositories.repository(this, r));
    // What needs the repositories (a group's permissions) comes after them.
    later.forEach(Runnable::run);
    section(root, "accessTokens", this::accessToken);
    section(root, "organizationAccessTokens", this::orgAccessToken);
    section(root, "auditEvents", this::auditEvent);
  }

  private void section(SeedNode root, String name, Consumer<SeedNode> entry) {
    SeedNode list = root.optional(name);
    int n = 0;
    if (list != null) {
      for (SeedNode e : list.elements()) {
        entry.accept(e);
        n++;
      }
    }
    counts.put(name, n);
  }

  /** Runs a seeder step (when applying), turning the seeder's refusal into one located at the entry. */
  void seed(SeedNode at, Consumer<Seeder> step) {
    if (seeder == null) {
      return;
    }
    try {
      step.accept(seeder);
    } catch (InvalidSeedException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw at.fail(e.getMessage());
    }
  }

  /** Notes an organization's SCIM token for the result. */
  void scimToken(String org, String token) {
    scimTokens.put(org, token);
  }

  /** A step applied after the repositories section. */
  void later(SeedNode at, Consumer<Seeder> step) {
    later.add(() -> seed(at, step));
  }

  /** A step inside an entry's step, located at its own value. */
  static void at(SeedNode node, Runnable step) {
    try {
      step.run();
    } catch (IllegalArgumentException e) {
      if (e instanceof InvalidSeedException ise) {
        throw ise;
      }
      throw node.fail(e.getMessage());
    }
  }

  private void user(SeedNode u) {
    u.object("name", "password", "plan", "twoFactorCode", "profile");
    String name = u.required("name").text();
    String password = u.required("password").text();
    Plan plan = u.optional("plan") == null ? null : u.optional("plan").plan();
    String code = u.optional("twoFactorCode") == null ? null : u.optional("twoFactorCode").text();
    seed(u, s -> {
      Seeder.UserSeeder user = s.user(name, password);
      if (plan != null) {
        user.plan(plan);
      }
      if (code != null) {
        user.twoFactor(code);
      }
    });
    profile(u, name);
  }

  void profile(SeedNode entry, String namespace) {
    SeedNode p = entry.optional("profile");
    if (p == null) {
      return;
    }
    p.object("fullName", "location", "company", "joined");
    String fullName = p.optional("fullName") == null ? null : p.optional("fullName").text();
    String location = p.optional("location") == null ? null : p.optional("location").text();
    String company = p.optional("company") == null ? null : p.optional("company").text();
    Instant joined = p.optional("joined") == null ? null : p.optional("joined").time(now, false);
    seed(p, s -> {
      var profile = s.profile(namespace);
      if (fullName != null) {
        profile.fullName(fullName);
      }
      if (location != null) {
        profile.location(location);
      }
      if (company != null) {
        profile.company(company);
      }
      if (joined != null) {
        profile.joined(joined);
      }
    });
  }

  private void accessToken(SeedNode t) {
    t.object("owner", "label", "scopes", "secret", "active", "created", "lastUsed", "expires");
    String owner = t.required("owner").text();
    String label = label(t);
    SeedNode scopeList = t.required("scopes");
    List<String> scopes = scopeList.texts();
    if (scopes.isEmpty()) {
      throw scopeList.fail("a personal access token needs at least one scope");
    }
    for (int i = 0; i < scopes.size(); i++) {
      if (!ApiRules.SCOPES.contains(scopes.get(i))) {
        throw scopeList.elements().get(i).fail("unknown scope '" + scopes.get(i) + "'; one of " + ApiRules.SCOPES);
      }
    }
    String secret = secret(t, "dckr_pat_");
    boolean active = t.optional("active") == null || t.optional("active").bool();
    Instant created = t.optional("created") == null ? null : t.optional("created").time(now, false);
    Instant lastUsed = t.optional("lastUsed") == null ? null : t.optional("lastUsed").time(now, false);
    Instant expires = t.optional("expires") == null ? null : t.optional("expires").time(now, true);
    seed(t, s -> {
      TokenSeeder ts = s.personalAccessToken(owner, label).scopes(scopes.toArray(String[]::new)).active(active);
      if (secret != null) {
        ts.secret(secret);
      }
      if (created != null) {
        ts.createdAt(created);
      }
      if (lastUsed != null) {
        ts.lastUsedAt(lastUsed);
      }
      if (expires != null) {
        ts.expiresAt(expires);
      }
      tokens.add(new SeedDocument.Result.Token("personal", label, ts.create()));
    });
  }

  private void orgAccessToken(SeedNode t) {
    t.object("org", "label", "description", "createdBy", "resources", "secret", "active", "created", "lastUsed",
        "expires");
    String org = t.required("org").text();
    String label = label(t);
    String description = t.optional("description") == null ? null : t.optional("description").text();
    String createdBy = t.optional("createdBy") == null ? null : t.optional("createdBy").text();
    List<SeedNode> resources = t.optional("resources") == null ? List.of() : t.optional("resources").elements();
    for (SeedNode r : resources) {
      r.object("type", "path", "scopes");
      String type = r.required("type").text();
      if (!type.equals("repository") && !type.equals("organization")) {
        throw r.required("type").fail("must be repository or organization");
      }
      if (type.equals("repository")) {
        r.required("path").text();
      }
      r.required("scopes").texts();
    }
    String secret = secret(t, "dckr_oat_");
    boolean active = t.optional("active") == null || t.optional("active").bool();
    Instant created = t.optional("created") == null ? null : t.optional("created").time(now, false);
    Instant lastUsed = t.optional("lastUsed") == null ? null : t.optional("lastUsed").time(now, false);
    Instant expires = t.optional("expires") == null ? null : t.optional("expires").time(now, true);
    seed(t, s -> {
      OrgAccessTokenSeeder ts = s.org(org).accessToken(label).active(active).lastUsedAt(lastUsed).expiresAt(expires);
      for (SeedNode r : resources) {
        String[] scopes = r.required("scopes").texts().toArray(String[]::new);
        at(r, () -> {
          if (r.required("type").text().equals("repository")) {
            ts.repository(r.required("path").text(), scopes);
          } else {
            ts.organization(scopes);
          }
        });
      }
      if (description != null) {
        ts.description(description);
      }
      if (createdBy != null) {
        at(t.required("createdBy"), () -> ts.createdBy(createdBy));
      }
      if (secret != null) {
        ts.secret(secret);
      }
      if (created != null) {
        ts.createdAt(created);
      }
      try {
        tokens.add(new SeedDocument.Result.Token("organization", label, ts.seed()));
      } catch (IllegalStateException full) {
        throw t.fail(full.getMessage());
      }
    });
  }

  private static String label(SeedNode t) {
    String label = t.required("label").text();
    if (label.length() > 100) {
      throw t.required("label").fail("must have 1-100 characters");
    }
    return label;
  }

  /** A given secret, checked as the seeders check it; a malformed one is a fault of the text. */
  private static String secret(SeedNode t, String prefix) {
    SeedNode node = t.optional("secret");
    if (node == null) {
      return null;
    }
    String secret = node.text();
    if (!ApiRules.knownSecret(prefix, secret)) {
      throw node.fail("must be " + ApiRules.knownSecretRule(prefix));
    }
    return secret;
  }

  private void auditEvent(SeedNode e) {
    e.object("account", "action", "name", "actor", "at", "data", "description");
    String account = e.required("account").text();
    String action = e.required("action").text();
    String name = e.required("name").text();
    String actor = e.required("actor").text();
    Instant at = e.required("at").time(now, false);
    Map<String, String> data = e.optional("data") == null ? Map.of() : e.optional("data").stringMap();
    String description = e.optional("description") == null ? null : e.optional("description").text();
    seed(e, s -> {
      if (description == null) {
        s.auditEvent(account, action, name, actor, at, data);
      } else {
        s.auditEvent(account, action, name, actor, at, data, description);
      }
    });
  }
}
