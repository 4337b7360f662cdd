package io.github.hubsdk.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * What a command run sees of the world: its streams, its environment variables and whether stderr is a terminal
 * (progress lines are shown only then). Tests pass their own.
 *
 * @param out standard output: results only
 * @param err standard error: errors, warnings, progress
 * @param in standard input: read only for {@code --password-stdin}
 * @param environment the environment variables
 * @param interactive whether stderr is a terminal
 */
public record Env(PrintStream out, PrintStream err, InputStream in, Map<String, String> environment,
    boolean interactive) {

  /**
   * Checks the fields.
   *
   * @param out not null
   * @param err not null
   * @param in not null
   * @param environment not null
   * @param interactive the flag
   */
  public Env {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(in, "in");
    environment = Map.copyOf(environment);
  }

  /**
   * The process's own streams and environment. Java cannot ask whether stderr alone is a terminal; a console
   * (stdin and stdout both terminals) is taken as the sign, and {@code HUBSDK_PROGRESS=0|1} overrides it.
   *
   * @return the environment of this process
   */
  public static Env system() {
    String forced = System.getenv("HUBSDK_PROGRESS");
    boolean tty = forced != null ? forced.equals("1") : System.console() != null;
    return new Env(System.out, System.err, System.in, System.getenv(), tty);
  }
}
