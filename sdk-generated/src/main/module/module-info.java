/** The Feign interfaces generated from the Docker Hub OpenAPI document, one per tag. */
module io.github.hubsdk.openapi {
  requires transitive io.github.hubsdk.model;
  requires transitive feign.core;
  requires static jakarta.annotation;

  exports io.github.hubsdk.openapi;
  exports io.github.hubsdk.openapi.api;
}
