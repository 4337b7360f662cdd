package io.github.hubsdk.openapi;

/**
 * The root of the generated Feign interfaces. The SDK ({@code hubsdk-sdk-extensions}) builds them with
 * its own transport; there is no generated HTTP client wiring, so this artifact needs only Feign's core.
 */
public final class ApiClient {

  private ApiClient() {
  }

  /** Implemented by every generated operation interface ({@code AccessTokensApi}, ...). */
  public interface Api {
  }
}
