package io.github.hubsdk.cli;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.PacingStats;
import java.io.PrintStream;

/**
 * One progress line on stderr, rewritten in place, for long runs; silent when stderr is no terminal, so CI logs
 * and pipes get only results and errors.
 */
final class Progress {

  private final PrintStream err;
  private final boolean on;
  private final DockerHubClient hub;
  private boolean shown;

  Progress(PrintStream err, boolean on, DockerHubClient hub) {
    this.err = err;
    this.on = on;
    this.hub = hub;
  }

  void show(String what) {
    if (!on) {
      return;
    }
    PacingStats p = hub.pacing();
    String waits = p.callsDelayed() == 0 ? "" : "; waited " + p.callsDelayed() + "x for the rate limit ("
        + p.timeWaited().toSeconds() + " s)";
    err.print("\r\033[K" + what + waits);
    err.flush();
    shown = true;
  }

  void done() {
    if (shown) {
      err.println();
      shown = false;
    }
  }
}
