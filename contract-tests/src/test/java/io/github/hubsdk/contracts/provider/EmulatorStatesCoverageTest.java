package io.github.hubsdk.contracts.provider;

import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.catalogue.TagClasses;
import io.github.hubsdk.contracts.provider.states.CallerStates;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.pact.ProviderStates;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Each emulator states class handles exactly the states its tag's interactions use (those about the caller
 * are in {@link CallerStates}), so no state goes without a handler, none is handled twice (pact-jvm would
 * run both) and none is orphaned.
 */
class EmulatorStatesCoverageTest {

  @Test
  void eachTagClassHandlesExactlyTheStatesOfItsTag() {
    Map<String, Set<String>> used = ConsumerInteractions.statesByTag(ConsumerInteractions.declared());
    Set<String> caller = TagClasses.handledStates(CallerStates.class);
    Set<String> anyTag = new TreeSet<>();
    used.values().forEach(anyTag::addAll);
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(caller).as("states of CallerStates that no interaction uses").isSubsetOf(anyTag);
    for (String tag : TagClasses.tags()) {
      Set<String> expected = new TreeSet<>(used.getOrDefault(tag, Set.of()));
      expected.removeAll(caller);
      String name = TagClasses.className(CallerStates.class.getPackage(), "", TagClasses.stem(tag));
      Set<String> handled = TagClasses.forTag(CallerStates.class, "", tag).map(TagClasses::handledStates)
          .orElse(Set.of());
      soft.assertThat(handled).as("states handled by %s, for the %s interactions (a state that interactions of"
          + " several tags use belongs in CallerStates)", name, tag).isEqualTo(expected);
    }
    soft.assertThat(TagClasses.strays(CallerStates.class)).as("states classes named after no tag of the spec")
        .isEmpty();
    soft.assertAll();
  }

  /**
   * The in-process bindings and the emulator's implementation (which the HTTP state-change endpoint serves)
   * name the same states, tag by tag: a state bound here but not implemented there would verify in-process
   * and fail for every other verifier, and the reverse would be dead code.
   */
  @Test
  void theBindingsAndTheEmulatorsImplementationNameTheSameStates() {
    try (DockerHubEmulator hub = DockerHubEmulator.builder().start()) {
      ProviderStates states = hub.providerStates();
      SoftAssertions soft = new SoftAssertions();
      soft.assertThat(TagClasses.handledStates(CallerStates.class)).as("caller states, bound vs implemented")
          .isEqualTo(states.namesOf(ProviderStates.CALLER));
      for (String tag : TagClasses.tags()) {
        Set<String> bound = TagClasses.forTag(CallerStates.class, "", tag).map(TagClasses::handledStates)
            .orElse(Set.of());
        soft.assertThat(bound).as("states of %s bound in provider.states vs implemented in %s", tag,
            ProviderStates.className(tag)).isEqualTo(states.namesOf(tag));
      }
      soft.assertAll();
    }
  }
}
