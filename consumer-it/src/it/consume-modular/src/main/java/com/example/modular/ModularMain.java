package com.example.modular;

import com.sun.net.httpserver.HttpServer;
import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.DetailError;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A modular application using the SDK on the module path against a canned local server: a login, a linked
 * list (Feign proxies, Jackson on the models) and a 404 decoded into its typed error body.
 */
public final class ModularMain {
  public static void main(String[] args) throws Exception {
    if (ModularMain.class.getModule().getName() == null || DockerHubClient.class.getModule().getName() == null) {
      throw new IllegalStateException("not running on the module path");
    }
    String jwt = jwt();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      int status;
      String body;
      if (path.equals("/v2/auth/token")) {
        status = 200;
        body = "{\"access_token\":\"" + jwt + "\"}";
      } else if (path.equals("/v2/access-tokens")) {
        status = 200;
        body = "{\"count\":1,\"next\":null,\"previous\":null,\"active_count\":1,\"results\":[{\"uuid\":"
            + "\"b30bbf97-506c-4ecd-aabc-842f3cb484fb\",\"client_id\":\"HUB\",\"creator_ip\":\"127.0.0.1\","
            + "\"creator_ua\":\"modular\",\"created_at\":\"2026-11-26T09:14:02.118Z\",\"last_used\":null,"
            + "\"generated_by\":\"manual\",\"is_active\":true,\"token\":\"\",\"token_label\":\"modular\","
            + "\"scopes\":[\"repo:read\"]}]}";
      } else {
        status = 404;
        body = "{\"detail\":\"Not found.\",\"message\":\"Not found.\"}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    try (DockerHubClient hub = DockerHubClient.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .credentials(Credentials.password("mona", "modular-password")).build()) {
      for (AccessToken token : hub.accessTokens().list()) {
        System.out.println("MODULAR token: " + token.getTokenLabel() + " created " + token.getCreatedAt());
      }
      try {
        hub.accessTokens().get("5c1d2e9a-3f47-4b6e-8a21-9d0f7c3b4e55");
        throw new IllegalStateException("a 404 was not thrown");
      } catch (NotFoundException e) {
        String detail = e.errorBody(DetailError.class).map(DetailError::getDetail).orElseThrow();
        System.out.println("MODULAR typed 404: " + detail);
      }
    } finally {
      server.stop(0);
    }
    System.out.println("MODULAR OK on module " + DockerHubClient.class.getModule().getName());
  }

  private static String jwt() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    long exp = System.currentTimeMillis() / 1000 + 3600;
    String claims = b64.encodeToString(("{\"sub\":\"mona\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + ".c2ln";
  }
}
