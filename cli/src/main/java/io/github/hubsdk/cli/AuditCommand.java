package io.github.hubsdk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hubsdk.client.AuditLogFilter;
import io.github.hubsdk.openapi.json.HubJson;
import io.github.hubsdk.openapi.model.AuditLogEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The audit log, exported. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit logs.",
    subcommands = AuditCommand.Export.class)
final class AuditCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: export");
  }

  /** Streams events to a file or stdout, one at a time: memory stays flat however long the log is. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Export an organization's (or user's) audit log, newest first, as JSON lines or CSV.",
      footerHeading = "%nExample:%n",
      footer = "  hubsdk audit export acme --from 2026-11-01 --to 2026-12-01 --format csv --out audit.csv")
  static final class Export extends HubCommand {

    /** Output formats. */
    enum Format { jsonl, csv }

    @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The organization or user.")
    String account;

    @Option(names = "--from", paramLabel = "WHEN", description = "Oldest event: a date (2026-11-01), a date-time "
        + "(2026-11-01T00:00:00Z) or an age (30d).")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = "Newest event, written like --from.")
    String to;

    @Option(names = "--action", paramLabel = "ACTION", description = "Only this action, e.g. repo.tag.delete.")
    String action;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path out;

    @Override
    int run() throws Exception {
      AuditLogFilter.Builder f = AuditLogFilter.builder();
      if (from != null) {
        f.from(when("--from", from));
      }
      if (to != null) {
        f.to(when("--to", to));
      }
      if (action != null) {
        f.action(action);
      }
      AuditLogFilter filter = f.build();
      long n;
      if (out == null) {
        n = export(filter, env.out());
      } else {
        try (OutputStream o = Files.newOutputStream(out)) {
          n = export(filter, o);
        }
        env.err().println(n + " events written to " + out);
      }
      return Main.OK;
    }

    private long export(AuditLogFilter filter, OutputStream target) throws IOException {
      ObjectMapper mapper = HubJson.newMapper();
      Writer w = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
      Progress progress = progress();
      long n = 0;
      if (format == Format.csv) {
        w.write("timestamp,account,action,name,actor,action_description,data\r\n");
      }
      for (AuditLogEvent e : hub().auditLogs(account).list(filter)) {
        if (format == Format.jsonl) {
          w.write(mapper.writeValueAsString(e));
          w.write('\n');
        } else {
          w.write(String.join(",", csv(e.getTimestamp()), csv(e.getAccount()), csv(e.getAction()), csv(e.getName()),
              csv(e.getActor()), csv(e.getActionDescription()),
              csv(e.getData() == null ? null : mapper.writeValueAsString(e.getData()))));
          w.write("\r\n");
        }
        if (++n % 100 == 0) {
          w.flush();
          progress.show(n + " events");
        }
      }
      w.flush();
      progress.done();
      return n;
    }

    /** RFC 4180: quote a cell holding a comma, quote, CR or LF, doubling the quotes. */
    static String csv(Object value) {
      if (value == null) {
        return "";
      }
      String s = value.toString();
      if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
        return s;
      }
      return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static OffsetDateTime when(String option, String text) {
      try {
        if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
          return java.time.LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        if (text.matches("[0-9]+[smhdw]")) {
          return OffsetDateTime.now(ZoneOffset.UTC).minus(Durations.parse(text));
        }
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException | CommandLine.TypeConversionException e) {
        throw new UsageException(option + ": '" + text + "' is not a date (2026-11-01), a date-time "
            + "(2026-11-01T00:00:00Z) or an age (30d)");
      }
    }
  }
}
