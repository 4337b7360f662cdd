package io.github.hubsdk.emulator.junit;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;

/**
 * The only class of the extension that names SDK types. The extension reaches it only when a field or
 * parameter of type {@code DockerHubClient} asks for a client, which cannot happen without the SDK on the
 * classpath; so tests that inject only the emulator never load it.
 */
final class SdkClients {

  static final String CLIENT_CLASS = "io.github.hubsdk.client.DockerHubClient";

  private SdkClients() {}

  /** A client for the emulator, logging in as the given user on first use; typed Object on purpose. */
  static AutoCloseable create(DockerHubEmulator emulator, String username, String password) {
    return DockerHubClient.builder()
        .baseUrl(emulator.baseUrl())
        .credentials(Credentials.password(username, password))
        .clock(emulator.clock())
        .build();
  }
}
