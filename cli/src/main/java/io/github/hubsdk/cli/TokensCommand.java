package io.github.hubsdk.cli;

import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Personal access tokens (a password login only: Docker Hub lets no token manage them) and, with {@code --org},
 * an organization's access tokens (an owner of the organization).
 */
@Command(name = "tokens", mixinStandardHelpOptions = true,
    description = "Access tokens: list, create, remove, rotate. Personal access tokens by default (a password "
        + "login only); an organization's access tokens with --org (an owner of the organization).",
    subcommands = {TokensCommand.Ls.class, TokensCommand.Create.class, TokensCommand.Rm.class,
        TokensCommand.Rotate.class})
final class TokensCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: ls, create, rm, rotate");
  }

  /** A token without its secret: what may be shown of a listed token. */
  static Map<String, Object> describe(AccessToken t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", t.getUuid());
    m.put("label", t.getTokenLabel());
    m.put("scopes", t.getScopes() == null ? List.of() : t.getScopes().stream().map(AccessTokenScope::getValue)
        .toList());
    m.put("active", t.getIsActive());
    m.put("created_at", t.getCreatedAt());
    m.put("last_used", t.getLastUsed());
    m.put("expires_at", t.getExpiresAt());
    return m;
  }

  /** The options of every tokens subcommand: which kind of token. */
  abstract static class TokenCommand extends HubCommand {
    @Option(names = "--org", paramLabel = "ORG",
        description = "Organization access tokens of this organization instead of personal access tokens.")
    String org;

    io.github.hubsdk.client.Organization organization() {
      return hub().org(org);
    }
  }

  /** Shows a new token once: to the file if one is named, else on stdout. */
  abstract static class Issuing extends TokenCommand {
    @Option(names = "--secret-file", paramLabel = "FILE",
        description = "Write the new secret to this file (owner-only permissions) instead of printing it.")
    Path secretFile;

    @Option(names = "--overwrite", description = "Replace an existing --secret-file.")
    boolean overwrite;

    void issue(AccessToken made, String what) throws Exception {
      issue(describe(made), made.getToken(), what);
    }

    void issue(io.github.hubsdk.openapi.model.OrgAccessToken made, String what) throws Exception {
      issue(OrgTokens.describe(made), made.getToken(), what);
    }

    private void issue(Map<String, Object> out, String secret, String what) throws Exception {
      if (secretFile != null) {
        SecretFile.write(secretFile, secret, overwrite);
        out.put("secret_file", secretFile.toString());
      } else {
        out.put("token", secret);
      }
      if (globals.json()) {
        printJson(out);
        return;
      }
      boolean personal = out.containsKey("uuid");
      Table t = new Table(personal ? "UUID" : "ID", "LABEL", personal ? "SCOPES" : "RESOURCES", "EXPIRES");
      t.row(out.get(personal ? "uuid" : "id"), out.get("label"), out.get(personal ? "scopes" : "resources"),
          out.get("expires_at"));
      t.print(env.out());
      if (secretFile == null) {
        env.out().println();
        env.out().println(secret);
        env.err().println(what + ": the secret above is shown only this once; store it now.");
      } else {
        env.err().println(what + ": secret written to " + secretFile + " (owner-only).");
      }
    }
  }

  @Command(name = "ls", mixinStandardHelpOptions = true, description = "List the personal access tokens.",
      footerHeading = "%nExample:%n", footer = "  hubsdk tokens ls --output json")
  static final class Ls extends TokenCommand {
    @Override
    int run() throws Exception {
      List<Map<String, Object>> all = new ArrayList<>();
      if (org != null) {
        Table t = new Table("ID", "LABEL", "RESOURCES", "ACTIVE", "LAST USED", "EXPIRES");
        for (io.github.hubsdk.openapi.model.OrgAccessToken token : organization().accessTokens().list()) {
          Map<String, Object> d = OrgTokens.describe(token);
          all.add(d);
          t.row(d.get("id"), d.get("label"), d.get("resources"), d.get("active"), d.get("last_used_at"),
              d.get("expires_at"));
        }
        if (globals.json()) {
          printJson(all);
        } else {
          t.print(env.out());
        }
        return Main.OK;
      }
      Table t = new Table("UUID", "LABEL", "SCOPES", "ACTIVE", "LAST USED", "EXPIRES");
      for (AccessToken token : hub().accessTokens().list()) {
        Map<String, Object> d = describe(token);
        all.add(d);
        t.row(d.get("uuid"), d.get("label"), d.get("scopes"), d.get("active"), d.get("last_used"), d.get("expires_at"));
      }
      if (globals.json()) {
        printJson(all);
      } else {
        t.print(env.out());
      }
      return Main.OK;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a personal access token.",
      footerHeading = "%nExample:%n",
      footer = {"  hubsdk tokens create --label ci-push --scope repo:write --expires-in 90d --secret-file ci.token",
          "  hubsdk tokens create --org acme --label ci --resource repo:acme/web:pull,push --secret-file ci.token"})
  static final class Create extends Issuing {
    @Option(names = "--label", required = true, description = "A name for the token (1 to 100 characters).")
    String label;

    @Option(names = "--scope", paramLabel = "SCOPE",
        description = "A personal token's scope: repo:admin, repo:write, repo:read or repo:public_read; repeatable.")
    List<String> scopes;

    @Option(names = "--resource", paramLabel = "RESOURCE", description = "An organization token's resource "
        + "(with --org): repo:PATH:SCOPES or org:NAME:SCOPES, e.g. repo:acme/*:pull; repeatable.")
    List<String> resources;

    @Option(names = "--description", description = "An organization token's description (with --org).")
    String description;

    @Option(names = "--expires-in", paramLabel = "AGE", converter = Durations.class,
        description = "Expire after this long (30d, 12h); default: never.")
    Duration expiresIn;

    @Override
    int run() throws Exception {
      if (org != null) {
        if (scopes != null) {
          throw new UsageException("--scope is for personal tokens; an organization token takes --resource");
        }
        List<io.github.hubsdk.client.OatResource> parsed = resources == null ? List.of()
            : resources.stream().map(OrgTokens::resource).toList();
        issue(organization().accessTokens().create(label, description, parsed, OrgTokens.expiry(expiresIn)),
            "created");
        return Main.OK;
      }
      if (scopes == null || scopes.isEmpty()) {
        throw new UsageException("name at least one --scope (repo:read, repo:write, ...)");
      }
      if (resources != null || description != null) {
        throw new UsageException("--resource and --description are for organization tokens (--org)");
      }
      List<AccessTokenScope> parsed = scopes.stream().map(Create::scope).toList();
      OffsetDateTime expires = expiresIn == null ? null : OffsetDateTime.now(ZoneOffset.UTC).plus(expiresIn);
      issue(hub().accessTokens().create(label, parsed, expires), "created");
      return Main.OK;
    }

    static AccessTokenScope scope(String s) {
      for (AccessTokenScope v : AccessTokenScope.values()) {
        if (v.getValue().equals(s) && v != AccessTokenScope.UNKNOWN_DEFAULT_OPEN_API) {
          return v;
        }
      }
      throw new UsageException("--scope: '" + s + "' is not one of repo:admin, repo:write, repo:read, repo:public_read");
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete personal access tokens by UUID.",
      footerHeading = "%nExample:%n", footer = "  hubsdk tokens rm b30bbf97-506c-4ecd-aabc-842f3cb484fb")
  static final class Rm extends TokenCommand {
    @Parameters(arity = "1..*", paramLabel = "UUID", description = "The tokens to delete.")
    List<String> uuids;

    @Override
    int run() throws Exception {
      for (String u : uuids) {
        if (org != null) {
          organization().accessTokens().delete(OrgTokens.id(u));
        } else {
          hub().accessTokens().delete(u);
        }
        env.err().println("deleted " + u);
      }
      if (globals.json()) {
        printJson(Map.of("deleted", uuids));
      }
      return Main.OK;
    }
  }

  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = "Replace a token: create one with the same label and scopes (resources for --org), then "
          + "deactivate (or delete) the old one. The old one is touched only after the new one exists.",
      footerHeading = "%nExample:%n",
      footer = "  hubsdk tokens rotate b30bbf97-506c-4ecd-aabc-842f3cb484fb --secret-file ci.token --overwrite")
  static final class Rotate extends Issuing {
    @Parameters(index = "0", paramLabel = "UUID", description = "The token to replace.")
    String uuid;

    @Option(names = "--delete-old", description = "Delete the old token instead of deactivating it.")
    boolean deleteOld;

    @Option(names = "--expires-in", paramLabel = "AGE", converter = Durations.class,
        description = "The new token expires after this long; default: never.")
    Duration expiresIn;

    @Override
    int run() throws Exception {
      if (org != null) {
        java.util.UUID id = OrgTokens.id(uuid);
        issue(OrgTokens.rotate(organization(), id, expiresIn), "rotated");
        if (deleteOld) {
          organization().accessTokens().delete(id);
          env.err().println("deleted the old token " + uuid);
        } else {
          organization().accessTokens().deactivate(id);
          env.err().println("deactivated the old token " + uuid);
        }
        return Main.OK;
      }
      AccessToken old = hub().accessTokens().get(uuid);
      OffsetDateTime expires = expiresIn == null ? null : OffsetDateTime.now(ZoneOffset.UTC).plus(expiresIn);
      AccessToken made = hub().accessTokens().create(old.getTokenLabel(), old.getScopes(), expires);
      issue(made, "rotated");
      if (deleteOld) {
        hub().accessTokens().delete(uuid);
        env.err().println("deleted the old token " + uuid);
      } else {
        hub().accessTokens().deactivate(uuid);
        env.err().println("deactivated the old token " + uuid);
      }
      return Main.OK;
    }
  }
}
