package io.github.hubsdk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.hubsdk.openapi.model.RepositorySummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Repositories. */
@Command(name = "repos", mixinStandardHelpOptions = true, description = "Repositories.",
    subcommands = ReposCommand.Ls.class)
final class ReposCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: ls");
  }

  @Command(name = "ls", mixinStandardHelpOptions = true, description = "List a namespace's repositories.",
      footerHeading = "%nExample:%n", footer = "  hubsdk repos ls acme --output json")
  static final class Ls extends HubCommand {
    @Parameters(index = "0", paramLabel = "NAMESPACE", description = "The user or organization.")
    String namespace;

    @Override
    int run() throws Exception {
      RepoRef ns = RepoRef.parse(namespace, false, false);
      if (ns.repository() != null) {
        throw new UsageException("repos ls takes a namespace, not " + ns);
      }
      if (globals.json()) {
        // Streamed: one repository at a time, however many there are.
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(env.out())) {
          g.setCodec(Json.MAPPER);
          g.useDefaultPrettyPrinter();
          g.writeStartArray();
          for (RepositorySummary r : Listings.repositories(hub(), ns.namespace())) {
            g.writeObject(r);
          }
          g.writeEndArray();
        }
        env.out().println();
        return Main.OK;
      }
      Table t = new Table("NAME", "PRIVATE", "PULLS", "STARS", "LAST UPDATED", "DESCRIPTION");
      for (RepositorySummary r : Listings.repositories(hub(), ns.namespace())) {
        t.row(r.getName(), r.getIsPrivate(), r.getPullCount(), r.getStarCount(), r.getLastUpdated(), r.getDescription());
      }
      t.print(env.out());
      return Main.OK;
    }
  }
}
