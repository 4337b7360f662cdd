/**
 * JUnit 5 support for the Docker Hub emulator: {@link EnableDockerHubEmulator @EnableDockerHubEmulator}
 * starts an emulator per test class (or per test) and injects it, and a logged-in
 * {@code DockerHubClient}, into fields and parameters. JUnit Jupiter and the SDK are not dependencies of
 * the emulator: the test classpath brings them.
 */
package io.github.hubsdk.emulator.junit;
