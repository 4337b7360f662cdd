package io.github.hubsdk.emulator.internal.seed;

import io.github.hubsdk.emulator.InvalidSeedException;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeedDocument;
import io.github.hubsdk.emulator.SeededToken;
import io.github.hubsdk.emulator.Seeder;
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

  private final Seeder seeder;
  private final Instant now;
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final List<SeedDocument.Result.Token> tokens = new ArrayList<>();

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
    return new SeedDocument.Result(Map.copyOf(s.counts), List.copyOf(s.tokens));
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
    section(root, "organizations", this::organization);
    section(root, "repositories", this::repository);
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
  private void seed(SeedNode at, Consumer<Seeder> step) {
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

  private void profile(SeedNode entry, String namespace) {
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

  private void organization(SeedNode o) {
    o.object("name", "plan", "owners", "members", "restrictedImages", "profile");
    String name = o.required("name").text();
    Plan plan = o.required("plan").plan();
    List<SeedNode> owners = o.optional("owners") == null ? List.of() : o.optional("owners").elements();
    List<SeedNode> members = o.optional("members") == null ? List.of() : o.optional("members").elements();
    owners.forEach(SeedNode::text);
    members.forEach(SeedNode::text);
    SeedNode ri = o.optional("restrictedImages");
    boolean[] restricted = null;
    if (ri != null) {
      ri.object("enabled", "allowOfficialImages", "allowVerifiedPublishers");
      restricted = new boolean[] {ri.required("enabled").bool(),
          ri.optional("allowOfficialImages") == null || ri.optional("allowOfficialImages").bool(),
          ri.optional("allowVerifiedPublishers") == null || ri.optional("allowVerifiedPublishers").bool()};
    }
    boolean[] settings = restricted;
    seed(o, s -> {
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
    });
    profile(o, name);
  }

  /** A step inside an entry's step, located at its own value. */
  private static void at(SeedNode node, Runnable step) {
    try {
      step.run();
    } catch (IllegalArgumentException e) {
      if (e instanceof InvalidSeedException ise) {
        throw ise;
      }
      throw node.fail(e.getMessage());
    }
  }

  private void repository(SeedNode r) {
    r.object("namespace", "name", "generatedImages", "images");
    String namespace = r.required("namespace").text();
    String name = r.required("name").text();
    seed(r, s -> s.repository(namespace, name));
    SeedNode images = r.optional("images");
    if (images != null) {
      for (SeedNode i : images.elements()) {
        i.object("digest", "pushed", "pulled", "tags", "childManifest");
        SeedNode digestNode = i.required("digest");
        String digest = digestNode.text();
        if (!ApiRules.DIGEST.matcher(digest).matches()) {
          throw digestNode.fail("must be sha256: and 64 lower-case hex digits");
        }
        Instant pushed = i.required("pushed").time(now, false);
        Instant pulled = i.optional("pulled") == null ? null : i.optional("pulled").time(now, false);
        List<String> tags = i.optional("tags") == null ? List.of() : i.optional("tags").texts();
        boolean child = i.optional("childManifest") != null && i.optional("childManifest").bool();
        if (child && (pulled != null || !tags.isEmpty())) {
          throw i.fail("a childManifest image has no tags and no pull time of its own");
        }
        seed(i, s -> {
          Seeder.RepositorySeeder repo = s.repository(namespace, name);
          if (child) {
            repo.childManifest(digest, pushed);
          } else {
            repo.image(digest, pushed, pulled, tags.toArray(String[]::new));
          }
        });
      }
    }
    // Generated images come after the listed ones, as RepositorySeeder.images appends.
    SeedNode generated = r.optional("generatedImages");
    if (generated != null) {
      int count = generated.integer(0, 100_000);
      seed(generated, s -> s.repository(namespace, name).images(count));
    }
  }

  private void accessToken(SeedNode t) {
    token(t, false);
  }

  private void orgAccessToken(SeedNode t) {
    token(t, true);
  }

  private void token(SeedNode t, boolean organization) {
    String ownerField = organization ? "org" : "owner";
    t.object(ownerField, "label", "scopes", "secret", "active", "created", "lastUsed", "expires");
    String owner = t.required(ownerField).text();
    String label = t.required("label").text();
    if (label.length() > 100) {
      throw t.required("label").fail("must have 1-100 characters");
    }
    List<String> scopes;
    if (organization) {
      scopes = t.optional("scopes") == null ? List.of("repo:read") : t.optional("scopes").texts();
    } else {
      scopes = t.required("scopes").texts();
      if (scopes.isEmpty()) {
        throw t.required("scopes").fail("a personal access token needs at least one scope");
      }
    }
    SeedNode scopeList = t.optional("scopes");
    for (int i = 0; i < scopes.size(); i++) {
      if (!ApiRules.SCOPES.contains(scopes.get(i))) {
        throw scopeList.elements().get(i).fail("unknown scope '" + scopes.get(i) + "'; one of " + ApiRules.SCOPES);
      }
    }
    String secret = t.optional("secret") == null ? null : t.optional("secret").text();
    boolean active = t.optional("active") == null || t.optional("active").bool();
    Instant created = t.optional("created") == null ? null : t.optional("created").time(now, false);
    Instant lastUsed = t.optional("lastUsed") == null ? null : t.optional("lastUsed").time(now, false);
    Instant expires = t.optional("expires") == null ? null : t.optional("expires").time(now, true);
    if (seeder == null && secret != null) {
      // The seeder's own check, without a seeder: a malformed secret is a fault of the text.
      String prefix = organization ? "dckr_oat_" : "dckr_pat_";
      if (!secret.startsWith(prefix) || !secret.substring(prefix.length()).matches("[A-Za-z0-9_-]{8,200}")) {
        throw t.optional("secret").fail("must be " + prefix + " and 8-200 letters, digits, _ or -");
      }
    }
    seed(t, s -> {
      TokenSeeder ts = organization ? s.orgAccessToken(owner, label) : s.accessToken(owner, label);
      ts.scopes(scopes.toArray(String[]::new)).active(active).lastUsed(lastUsed).expiresAt(expires);
      if (secret != null) {
        ts.secret(secret);
      }
      if (created != null) {
        ts.createdAt(created);
      }
      SeededToken token = ts.create();
      tokens.add(new SeedDocument.Result.Token(organization ? "organization" : "personal", label, token));
    });
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
