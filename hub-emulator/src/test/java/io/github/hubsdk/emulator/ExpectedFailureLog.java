package io.github.hubsdk.emulator;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Silences the emulator's "failed to handle a request" WARNING (with its stack trace) during a test that
 * makes a listener fail on purpose ({@code @ExtendWith(ExpectedFailureLog.class)} on that test): there the
 * failure is the behaviour under test, and the build log should show only real problems.
 */
final class ExpectedFailureLog implements BeforeEachCallback, AfterEachCallback {

  // Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
  private static final Logger FRONT = Logger.getLogger("io.github.hubsdk.emulator.internal.HttpFront");

  private Level before;

  @Override
  public void beforeEach(ExtensionContext context) {
    before = FRONT.getLevel();
    FRONT.setLevel(Level.OFF);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FRONT.setLevel(before);
  }
}
