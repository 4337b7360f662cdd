package io.github.hubsdk.contracts.provider.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What the emulator state classes share: the emulator of the interaction being verified (a fresh one each
 * time, so a class is made per interaction) and the few things only HTTP can set up.
 */
abstract class EmulatorStatesSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  protected final DockerHubEmulator hub;

  protected EmulatorStatesSupport(DockerHubEmulator hub) {
    this.hub = hub;
  }

  /** A JWT of the default user as its password login would issue it. */
  protected String password() {
    return hub.accessTokenFor(DockerHubEmulator.DEFAULT_USERNAME);
  }

  /** POSTs JSON and returns the status, for set-ups that must go through a login (no in-process way exists). */
  protected int postStatus(String path, String json) throws IOException, InterruptedException {
    return send(path, json).statusCode();
  }

  /** POSTs JSON, insists on the status and returns the body. */
  protected JsonNode post(String path, String json, int expectedStatus) throws IOException, InterruptedException {
    HttpResponse<String> r = send(path, json);
    if (r.statusCode() != expectedStatus) {
      throw new IllegalStateException("state setup: POST " + path + " answered " + r.statusCode() + ", expected "
          + expectedStatus);
    }
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> send(String path, String json) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
