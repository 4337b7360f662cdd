/**
 * The Docker Hub API's models, generated from the OpenAPI document, the operation catalogue
 * ({@link io.github.hubsdk.openapi.catalog.HubOperation}) and the JSON mapping both sides of the wire use.
 */
module io.github.hubsdk.model {
  requires transitive com.fasterxml.jackson.annotation;
  requires transitive com.fasterxml.jackson.databind;
  requires static jakarta.annotation;

  exports io.github.hubsdk.openapi.model;
  exports io.github.hubsdk.openapi.catalog;
  exports io.github.hubsdk.openapi.json;

  // Jackson reads and writes the models' private fields.
  opens io.github.hubsdk.openapi.model to com.fasterxml.jackson.databind;
}
