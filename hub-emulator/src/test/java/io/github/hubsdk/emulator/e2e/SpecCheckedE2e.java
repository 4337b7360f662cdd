package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.SpecChecks;
import io.github.hubsdk.emulator.junit.EmulatorConfigurer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The end-to-end classes whose every exchange is checked against spec/docker-hub-api.yaml: the emulator of
 * each class reports to one validator, and each test fails on the mismatches of its own exchanges. The
 * validator is shared because the emulator's configurer is static and cannot tell which class it starts
 * for; the build runs test classes one after the other, so "since the last test" is "this test's".
 */
abstract class SpecCheckedE2e {

  private static final SpecChecks SPEC = new SpecChecks();
  private static int reported;

  @EmulatorConfigurer
  static void checkEveryExchangeAgainstTheSpec(DockerHubEmulator.Builder builder) {
    builder.exchangeListener(SPEC);
  }

  @AfterEach
  void responsesMatchTheSpec() {
    List<String> all = List.copyOf(SPEC.failures());
    List<String> since = all.subList(Math.min(reported, all.size()), all.size());
    reported = all.size();
    assertThat(since).as("exchanges of this test that do not match the spec").isEmpty();
  }
}
