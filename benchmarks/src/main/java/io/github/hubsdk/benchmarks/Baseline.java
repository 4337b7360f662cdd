package io.github.hubsdk.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.ImagePage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The hand-written loop the SDK is measured against: the JDK's {@link HttpClient} (HTTP/1.1, as the SDK's
 * OkHttp uses against a plain-http server) and a Jackson {@link ObjectMapper} configured as a user
 * would (Java time module, unknown properties ignored), parsing into the same generated model classes
 * ({@link AccessToken}, {@link ImagePage}). It sends the same requests with the same
 * {@code Authorization: Bearer} header, checks the status, and does nothing else: no retries, no typed
 * errors, no token renewal, no rate-limit tracking, no wire-log hook.
 */
public final class Baseline {

  private final String baseUrl;
  private final HttpClient http;
  private final ObjectMapper mapper;
  private volatile String authorization;

  /**
   * A client for {@code baseUrl}; call {@link #login} before the authenticated calls.
   *
   * @param baseUrl e.g. {@code http://127.0.0.1:41234}
   */
  public Baseline(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * {@code POST /v2/auth/token}; keeps the JWT for the following calls.
   *
   * @param identifier the username
   * @param secret the password
   */
  public void login(String identifier, String secret) {
    String body = mapper.createObjectNode().put("identifier", identifier).put("secret", secret).toString();
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v2/auth/token"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    JsonNode answer = send(request, JsonNode.class);
    authorization = "Bearer " + answer.get("access_token").asText();
  }

  /**
   * The Authorization header value after {@link #login}.
   *
   * @return {@code Bearer <jwt>}
   */
  public String authorization() {
    return authorization;
  }

  /**
   * {@code GET /v2/access-tokens/{uuid}}.
   *
   * @param uuid the token's id
   * @return the token
   */
  public AccessToken getAccessToken(UUID uuid) {
    return send(get(URI.create(baseUrl + "/v2/access-tokens/" + uuid)), AccessToken.class);
  }

  /**
   * {@code GET /v2/namespaces/{ns}/repositories/{repo}/images?page=..&page_size=..}.
   *
   * @param namespace the namespace
   * @param repository the repository
   * @param page from 1
   * @param pageSize 1 to 100
   * @return the page
   */
  public ImagePage listImages(String namespace, String repository, int page, int pageSize) {
    return send(get(URI.create(baseUrl + "/v2/namespaces/" + namespace + "/repositories/" + repository
        + "/images?page=" + page + "&page_size=" + pageSize)), ImagePage.class);
  }

  /**
   * Follows a {@code next} link as the server sent it.
   *
   * @param next the link
   * @return the page
   */
  public ImagePage listImages(URI next) {
    return send(get(next), ImagePage.class);
  }

  private HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .header("Authorization", authorization)
        .GET()
        .build();
  }

  private <T> T send(HttpRequest request, Class<T> type) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode());
      }
      return mapper.readValue(response.body(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
