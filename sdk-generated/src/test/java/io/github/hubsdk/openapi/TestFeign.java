package io.github.hubsdk.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import feign.codec.Encoder;
import io.github.hubsdk.openapi.json.HubJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The generated interfaces wired the plainest way, to test what they send and decode on their own: the
 * JDK HTTP client, the models' JSON mapping, an optional bearer. The SDK's real transport lives in
 * sdk-extensions and is tested there.
 */
final class TestFeign {

  static final ObjectMapper MAPPER = HubJson.newMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection");

  private TestFeign() {
  }

  static <T> T build(Class<T> type, String baseUrl, String bearer) {
    Feign.Builder b = Feign.builder().client(new JdkClient()).encoder(encoder()).decoder(decoder());
    if (bearer != null) {
      b.requestInterceptor(t -> t.header("Authorization", "Bearer " + bearer));
    }
    return b.target(type, baseUrl);
  }

  private static Encoder encoder() {
    return (object, bodyType, template) -> {
      try {
        template.body(MAPPER.writerFor(MAPPER.constructType(bodyType)).writeValueAsBytes(object),
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static Decoder decoder() {
    return (response, type) -> {
      if (response.body() == null) {
        return null;
      }
      byte[] bytes = Util.toByteArray(response.body().asInputStream());
      if (bytes.length == 0) {
        return null;
      }
      if (type == String.class) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      return MAPPER.readValue(bytes, MAPPER.constructType(type));
    };
  }

  private static final class JdkClient implements Client {
    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
      byte[] body = request.body();
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url())).method(request.httpMethod().name(),
          body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      request.headers().forEach((k, vs) -> {
        if (!RESTRICTED.contains(k.toLowerCase())) {
          vs.forEach(v -> b.header(k, v));
        }
      });
      HttpResponse<byte[]> r;
      try {
        r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      r.headers().map().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
      return Response.builder().status(r.statusCode()).reason("").headers(headers).body(r.body()).request(request)
          .build();
    }
  }
}
