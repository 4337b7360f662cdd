package io.github.hubsdk.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an {@link EnableDockerHubEmulator @EnableDockerHubEmulator} class that seeds the
 * emulator: it takes one {@link io.github.hubsdk.emulator.Seeder} and returns nothing. It runs when the
 * emulator starts and again at every reset, after the default and demo seeds. Static unless an instance
 * exists when the emulator starts.
 *
 * <pre>{@code
 * @EmulatorSeed
 * static void seed(Seeder s) {
 *   s.user("mona", "s3cret").twoFactor("123456");
 *   s.repository("hubsdk", "web").images(250);
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EmulatorSeed {
}
