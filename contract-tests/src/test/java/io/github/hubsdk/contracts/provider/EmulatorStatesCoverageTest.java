package io.github.hubsdk.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junitsupport.State;
import io.github.hubsdk.contracts.Contract;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every provider state the consumer tests use has a handler in {@link EmulatorStates}, and no handler is orphaned. */
class EmulatorStatesCoverageTest {

  @Test
  void everyStateHasAnEmulatorHandler() {
    Set<String> handled = new TreeSet<>();
    for (Method m : EmulatorStates.class.getDeclaredMethods()) {
      State state = m.getAnnotation(State.class);
      if (state != null) {
        handled.addAll(Arrays.asList(state.value()));
      }
    }
    assertThat(handled).as("states handled by EmulatorStates").containsExactlyInAnyOrderElementsOf(Contract.STATES);
  }
}
