package io.github.hubsdk.emulator.pact;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link TagStates} class as the setup of one or more Pact provider states. The method
 * takes nothing or the state's params ({@code Map<String, Object>}) and returns the values the interaction's
 * provider-state expressions need ({@code Map<String, Object>}; {@code bearer} when it sets up a caller).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProviderState {

  /**
   * The state names, exactly as the pacts write them.
   *
   * @return one name or more
   */
  String[] value();
}
