package io.github.hubsdk.emulator.e2e;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.RetryPolicy;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Helpers shared by the end-to-end tests that drive the emulator through {@link DockerHubClient}. */
final class E2eSupport {

  static final String T0 = "2026-11-26T10:00:00Z";

  private E2eSupport() {}

  /** A client for the emulator with the emulator's clock and a sleeper that records waits and moves that clock. */
  static DockerHubClient client(DockerHubEmulator hub, Credentials credentials, Queue<Duration> waits) {
    return DockerHubClient.builder().baseUrl(hub.baseUrl()).credentials(credentials).clock(hub.clock())
        .sleeper(d -> {
          waits.add(d);
          hub.clock().advance(d);
        }).build();
  }

  /** Like {@link #client(DockerHubEmulator, Credentials, Queue)}, but sends into 429s instead of pacing. */
  static DockerHubClient unpaced(DockerHubEmulator hub, Credentials credentials, Queue<Duration> waits) {
    return DockerHubClient.builder().baseUrl(hub.baseUrl()).credentials(credentials).clock(hub.clock())
        .rateLimitPacing(false).sleeper(d -> {
          waits.add(d);
          hub.clock().advance(d);
        }).build();
  }

  static DockerHubClient client(DockerHubEmulator hub, Credentials credentials) {
    return client(hub, credentials, new ConcurrentLinkedQueue<>());
  }

  static DockerHubClient noRetries(DockerHubEmulator hub, Credentials credentials) {
    return DockerHubClient.builder().baseUrl(hub.baseUrl()).credentials(credentials).clock(hub.clock())
        .retryPolicy(RetryPolicy.none()).build();
  }

  static Credentials defaultUser() {
    return Credentials.password(DockerHubEmulator.DEFAULT_USERNAME, DockerHubEmulator.DEFAULT_PASSWORD);
  }

  static List<RecordedRequest> requests(DockerHubEmulator hub, String method, String pathGlobPrefix) {
    return hub.requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathGlobPrefix))
        .toList();
  }
}
