package io.github.hubsdk.cli;

import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.retention.PlanRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * {@code java -jar hubsdk-cli.jar}: the entry point. Exit codes: 0 done, 1 failed (an error answer, a refused
 * plan, a deletion that failed), 2 usage (an unknown option, a malformed value, a missing credential), 3
 * {@code retention plan --detailed-exitcode} when the plan deletes something.
 */
public final class Main {

  /** Done. */
  public static final int OK = 0;
  /** Something failed. */
  public static final int FAILED = 1;
  /** The command line or its inputs are wrong. */
  public static final int USAGE = 2;
  /** {@code retention plan --detailed-exitcode}: the plan deletes tags. */
  public static final int CHANGES = 3;

  /** What a secret on the command line looks like, so that an error message never repeats one. */
  private static final Pattern SECRET = Pattern.compile("dckr_(pat|oat)_\\S*|eyJ[A-Za-z0-9_-]{8,}\\S*");

  private Main() {
  }

  /**
   * Runs the tool and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(Env.system(), args));
  }

  /**
   * Runs the tool in this JVM, for tests and embedding.
   *
   * @param env the streams and environment to use
   * @param args the command line
   * @return the exit code
   */
  public static int run(Env env, String... args) {
    boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
    CommandLine cl = new CommandLine(new HubCli(), new Factory(env));
    cl.setOut(new java.io.PrintWriter(env.out(), true));
    cl.setErr(new java.io.PrintWriter(env.err(), true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, a) -> {
      env.err().println("hubsdk: " + redact(ex.getMessage()));
      env.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return USAGE;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      int code = codeFor(ex);
      env.err().println("hubsdk: " + redact(messageFor(ex)));
      if (verbose) {
        ex.printStackTrace(env.err());
      }
      return code;
    });
    return cl.execute(args);
  }

  static int codeFor(Exception ex) {
    if (ex instanceof UsageException || ex instanceof InvalidRequestException
        || ex instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    return FAILED;
  }

  static String messageFor(Exception ex) {
    if (ex instanceof PlanRefusedException p) {
      return "plan refused (" + p.why().name().toLowerCase(java.util.Locale.ROOT) + "): " + p.getMessage();
    }
    if (ex instanceof DockerHubException h) {
      return h.operation() + " failed" + (h.status() == DockerHubException.NO_STATUS ? "" : " (" + h.status() + ")")
          + ": " + h.getMessage();
    }
    if (ex instanceof UncheckedIOException u) {
      return u.getMessage() + ": " + u.getCause().getMessage();
    }
    if (ex instanceof IOException || ex instanceof UsageException || ex instanceof InvalidRequestException) {
      return ex.getMessage();
    }
    return "unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage() + " (run with --verbose for details)";
  }

  static String redact(String message) {
    return message == null ? "" : SECRET.matcher(message).replaceAll("<redacted>");
  }

  /** Hands every command the run's environment. */
  private static final class Factory implements CommandLine.IFactory {
    private final Env env;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    Factory(Env env) {
      this.env = env;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      K made = fallback.create(type);
      if (made instanceof HubCommand c) {
        c.env = env;
      }
      return made;
    }
  }
}
