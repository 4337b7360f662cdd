package io.github.hubsdk.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an {@link EnableDockerHubEmulator @EnableDockerHubEmulator} class that configures
 * the emulator before it starts: it takes one {@link io.github.hubsdk.emulator.DockerHubEmulator.Builder}
 * (with the annotation's attributes already applied) and returns nothing. Static unless an instance exists
 * when the emulator starts. A clock set here is not put back between tests.
 *
 * <pre>{@code
 * @EmulatorConfigurer
 * static void configure(DockerHubEmulator.Builder builder) {
 *   builder.tokenTtl(Duration.ofMinutes(2)).loginLockout(3, Duration.ofMinutes(5));
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EmulatorConfigurer {
}
