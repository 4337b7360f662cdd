package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.auth.Who;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.openapi.model.ScimAuthenticationScheme;
import io.github.hubsdk.openapi.model.ScimBulkSupport;
import io.github.hubsdk.openapi.model.ScimFilterSupport;
import io.github.hubsdk.openapi.model.ScimResourceType;
import io.github.hubsdk.openapi.model.ScimResourceTypeList;
import io.github.hubsdk.openapi.model.ScimSchema;
import io.github.hubsdk.openapi.model.ScimSchemaAttribute;
import io.github.hubsdk.openapi.model.ScimSchemaAttribute.TypeEnum;
import io.github.hubsdk.openapi.model.ScimSchemaList;
import io.github.hubsdk.openapi.model.ScimServiceProviderConfig;
import io.github.hubsdk.openapi.model.ScimSupported;
import java.util.List;

/**
 * SCIM discovery (RFC 7644 section 4): what this service provider supports (filtering and sorting; no PATCH,
 * bulk, password change or ETags), its one resource type ({@code User}) and the User schema with the
 * attributes the users resource serves. Fixed answers, built per request (the models are mutable); every
 * call still needs a valid SCIM token, as on the live Hub.
 */
final class ScimDiscoveryResource {

  static final String CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

  ScimDiscoveryResource(HubContext hub) {
    // stateless: the answers depend on nothing the store holds
  }

  @Handles(value = "getScimServiceProviderConfig", callers = Who.SCIM)
  Reply config(Call c) {
    return Reply.scim(200, new ScimServiceProviderConfig().schemas(List.of(CONFIG_SCHEMA))
        .documentationUri("https://docs.docker.com/security/for-admins/provisioning/scim/")
        .patch(new ScimSupported().supported(false))
        .bulk(new ScimBulkSupport().supported(false).maxOperations(0).maxPayloadSize(0))
        .filter(new ScimFilterSupport().supported(true).maxResults(ScimUsersResource.MAX_COUNT))
        .changePassword(new ScimSupported().supported(false))
        .sort(new ScimSupported().supported(true))
        .etag(new ScimSupported().supported(false))
        .authenticationSchemes(new ScimAuthenticationScheme().name("OAuth 2.0 Bearer Token")
            .description("Authentication with the organization's SCIM bearer token")
            .specUri("https://www.rfc-editor.org/rfc/rfc6750").type("oauthbearertoken")));
  }

  @Handles(value = "listScimResourceTypes", callers = Who.SCIM)
  Reply resourceTypes(Call c) {
    return Reply.scim(200, new ScimResourceTypeList().schemas(List.of(ScimUsersResource.LIST_SCHEMA)).totalResults(1)
        .resources(List.of(userType())));
  }

  @Handles(value = "getScimResourceType", callers = Who.SCIM)
  Reply resourceType(Call c) {
    if (!c.path("resourceType").equals("User")) {
      throw HubError.notFound("resource type not found");
    }
    return Reply.scim(200, userType());
  }

  @Handles(value = "listScimSchemas", callers = Who.SCIM)
  Reply schemas(Call c) {
    return Reply.scim(200, new ScimSchemaList().schemas(List.of(ScimUsersResource.LIST_SCHEMA)).totalResults(1)
        .resources(List.of(userSchema())));
  }

  @Handles(value = "getScimSchema", callers = Who.SCIM)
  Reply schema(Call c) {
    if (!c.path("schemaId").equals(Texts.SCIM_USER_SCHEMA)) {
      throw HubError.notFound("schema not found");
    }
    return Reply.scim(200, userSchema());
  }

  private static ScimResourceType userType() {
    return new ScimResourceType().schemas(List.of(RESOURCE_TYPE_SCHEMA)).id("User").name("User").description("User")
        .endpoint("/Users").schema(Texts.SCIM_USER_SCHEMA);
  }

  private static ScimSchema userSchema() {
    return new ScimSchema().schemas(List.of(SCHEMA_SCHEMA)).id(Texts.SCIM_USER_SCHEMA).name("User")
        .description("User Account").attributes(List.of(
            text("userName", "The user's e-mail address; unique across Docker Hub.", true, "readWrite", "server"),
            complex("name", "The user's name.", List.of(
                text("givenName", "Given name.", false, "readWrite", "none"),
                text("familyName", "Family name.", false, "readWrite", "none"))),
            text("displayName", "The user's Docker ID.", false, "readOnly", "none"),
            new ScimSchemaAttribute().name("active").type(TypeEnum.BOOLEAN).multiValued(false)
                .description("Whether the user holds a seat in the organization.").required(false)
                .mutability("readWrite").returned("default"),
            complex("emails", "The user's e-mail addresses.", List.of(
                text("value", "An e-mail address.", false, "readOnly", "none"),
                text("display", "How it is shown.", false, "readOnly", "none"),
                new ScimSchemaAttribute().name("primary").type(TypeEnum.BOOLEAN).multiValued(false).required(false)
                    .mutability("readOnly").returned("default"))).multiValued(true),
            complex("groups", "The teams the user is in.", List.of(
                text("value", "The team's name.", false, "readOnly", "none"),
                text("display", "How it is shown.", false, "readOnly", "none"))).multiValued(true)
                .mutability("readOnly")));
  }

  private static ScimSchemaAttribute text(String name, String description, boolean required, String mutability,
      String uniqueness) {
    return new ScimSchemaAttribute().name(name).type(TypeEnum.STRING).multiValued(false).description(description)
        .required(required).caseExact(false).mutability(mutability).returned("default").uniqueness(uniqueness);
  }

  private static ScimSchemaAttribute complex(String name, String description, List<ScimSchemaAttribute> sub) {
    return new ScimSchemaAttribute().name(name).type(TypeEnum.COMPLEX).multiValued(false).description(description)
        .required(false).mutability("readWrite").returned("default").subAttributes(sub);
  }
}
