package io.github.hubsdk.emulator.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provider states of one tag of the spec (or, for {@link CallerStates}, those about the caller), set up
 * on one emulator. A subclass is named {@code <Tag>States} after its tag ({@code access-tokens} →
 * {@code AccessTokensStates}), lives in this package, has a constructor taking the
 * {@link DockerHubEmulator} and {@link ProviderState} methods; {@link ProviderStates} finds it by the tag.
 */
public abstract class TagStates {

  /** The key of the JWT the interaction's request is sent with ({@code Authorization: Bearer ${bearer}}). */
  public static final String BEARER = "bearer";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** The emulator the states set up. */
  protected final DockerHubEmulator hub;

  /**
   * @param hub the emulator the states set up
   */
  protected TagStates(DockerHubEmulator hub) {
    this.hub = hub;
  }

  /**
   * A JWT of the default user as its password login would issue it.
   *
   * @return the JWT
   */
  protected String password() {
    return hub.accessTokenFor(DockerHubEmulator.DEFAULT_USERNAME);
  }

  /**
   * The pairs in order, e.g. {@code values("uuid", id, "label", label)}.
   *
   * @param keyValues keys (strings) and values, alternating
   * @return a new map
   */
  protected static Map<String, Object> values(Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }

  /**
   * The pairs plus the caller's JWT under {@link #BEARER}.
   *
   * @param bearer the JWT
   * @param keyValues keys and values, alternating
   * @return a new map
   */
  protected static Map<String, Object> withBearer(String bearer, Object... keyValues) {
    Map<String, Object> out = values(keyValues);
    out.put(BEARER, bearer);
    return out;
  }

  /**
   * POSTs JSON to the emulator and returns the status, for set-ups that must go through a login (no
   * in-process way exists).
   *
   * @param path e.g. {@code /v2/auth/token}
   * @param json the body
   * @return the status
   */
  protected int postStatus(String path, String json) {
    return send(path, json).statusCode();
  }

  /**
   * POSTs JSON to the emulator, insists on the status and returns the body.
   *
   * @param path the path
   * @param json the body
   * @param expectedStatus the status the set-up needs
   * @return the parsed answer
   */
  protected JsonNode post(String path, String json, int expectedStatus) {
    HttpResponse<String> r = send(path, json);
    if (r.statusCode() != expectedStatus) {
      throw new IllegalStateException("state setup: POST " + path + " answered " + r.statusCode() + ", expected "
          + expectedStatus);
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> send(String path, String json) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path)).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("state setup: POST " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during state setup", e);
    }
  }
}
