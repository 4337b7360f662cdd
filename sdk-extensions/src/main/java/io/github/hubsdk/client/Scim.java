package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.MalformedResponseException;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.api.ScimApi;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.model.CreateScimUserRequest;
import io.github.hubsdk.openapi.model.ReplaceScimUserRequest;
import io.github.hubsdk.openapi.model.ScimResourceType;
import io.github.hubsdk.openapi.model.ScimResourceTypeList;
import io.github.hubsdk.openapi.model.ScimSchema;
import io.github.hubsdk.openapi.model.ScimSchemaList;
import io.github.hubsdk.openapi.model.ScimServiceProviderConfig;
import io.github.hubsdk.openapi.model.ScimSortOrder;
import io.github.hubsdk.openapi.model.ScimUser;
import io.github.hubsdk.openapi.model.ScimUserList;
import io.github.hubsdk.openapi.model.ScimUserName;
import java.util.List;
import java.util.Optional;

/**
 * SCIM 2.0 provisioning of an organization with single sign-on ({@code /v2/scim/2.0}), authenticated with the
 * SCIM token of its SSO connection: a bearer of its own, sent on these calls only, never mixed with the
 * client's Hub JWT (and a SCIM call never logs in). Bodies are {@code application/scim+json}. Reached through
 * {@link DockerHubClient#scim(String)}; the token is masked wherever the client could show it.
 *
 * <pre>{@code
 * Scim scim = hub.scim(System.getenv("DOCKERHUB_SCIM_TOKEN"));
 * ScimUser jane = scim.create("jane.doe@example.com", "Jane", "Doe");      // she gets a seat
 * for (ScimUser u : scim.users(ScimFilter.familyName().sw("Do"))) { ... }   // SCIM paging, lazily
 * scim.deactivate(jane.getId().toString());                               // the seat is freed
 * }</pre>
 *
 * <p>Errors are the status exceptions in their SCIM variants ({@code ScimConflictException} for a user
 * provisioned already, {@code ScimBadRequestException} for a filter the server refuses, ...), each a
 * {@link io.github.hubsdk.client.error.ScimFailure} with {@code scimType()} and {@code detail()}.
 */
public final class Scim {

  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

  private final Transport transport;
  private final ScimApi api;

  Scim(Transport transport, String token) {
    this.transport = transport;
    this.api = transport.api(ScimApi.class, token);
  }

  /**
   * Which SCIM features Docker Hub supports ({@code GET /ServiceProviderConfig}).
   *
   * @return the configuration
   */
  public ScimServiceProviderConfig serviceProviderConfig() {
    return api.getScimServiceProviderConfig();
  }

  /**
   * The resource types ({@code GET /ResourceTypes}; Docker Hub has {@code User}).
   *
   * @return the types
   */
  public List<ScimResourceType> resourceTypes() {
    ScimResourceTypeList list = api.listScimResourceTypes();
    return resources("listScimResourceTypes", list.getResources(), list.getTotalResults());
  }

  /**
   * One resource type by name.
   *
   * @param name e.g. {@code User}
   * @return the type
   * @throws io.github.hubsdk.client.error.ScimNotFoundException when there is none of that name
   */
  public ScimResourceType resourceType(String name) {
    return api.getScimResourceType(Checks.segment("resource type", name));
  }

  /**
   * The schemas ({@code GET /Schemas}).
   *
   * @return the schemas with their attributes
   */
  public List<ScimSchema> schemas() {
    ScimSchemaList list = api.listScimSchemas();
    return resources("listScimSchemas", list.getResources(), list.getTotalResults());
  }

  /**
   * One schema by URN.
   *
   * @param urn e.g. {@code urn:ietf:params:scim:schemas:core:2.0:User}
   * @return the schema
   * @throws io.github.hubsdk.client.error.ScimNotFoundException when there is none of that URN
   */
  public ScimSchema schema(String urn) {
    return api.getScimSchema(Checks.segment("schema", urn));
  }

  /**
   * Every provisioned user, lazily, through SCIM paging ({@code startIndex}, {@code count} =
   * {@link Paginator#pageSize(int)}, {@code totalResults}); {@code parallelism(n)} works, as the first page
   * tells the total.
   *
   * @return a paginator
   */
  public Paginator<ScimUser> users() {
    return list(null, null, null);
  }

  /**
   * The users that match a filter, lazily.
   *
   * @param filter e.g. {@code ScimFilter.userName().eq("jane.doe@example.com")}
   * @return a paginator
   */
  public Paginator<ScimUser> users(ScimFilter filter) {
    return list(Checks.notNull("filter", filter).expression(), null, null);
  }

  /**
   * The users that match a filter (null for all), sorted by an attribute, lazily.
   *
   * @param filter the filter, or null for every user
   * @param sortBy the attribute, e.g. {@code userName} or {@code name.familyName}
   * @param order ascending or descending
   * @return a paginator
   */
  public Paginator<ScimUser> users(ScimFilter filter, String sortBy, ScimSortOrder order) {
    Checks.notBlank("sortBy", sortBy);
    Checks.notNull("order", order);
    if (order == ScimSortOrder.UNKNOWN_DEFAULT_OPEN_API) {
      throw new InvalidRequestException("order must be ASCENDING or DESCENDING");
    }
    return list(filter == null ? null : filter.expression(), sortBy, order);
  }

  private Paginator<ScimUser> list(String filter, String sortBy, ScimSortOrder order) {
    return transport.scimPages(HubOperation.LIST_SCIM_USERS,
        (start, count) -> api.listScimUsers(start, count, filter, null, order, sortBy),
        ScimUserList::getResources, ScimUserList::getTotalResults, ScimUserList::getStartIndex);
  }

  /**
   * The user provisioned with this e-mail address, if any ({@code userName eq "..."}, one request).
   *
   * @param userName the e-mail address
   * @return the user, or empty
   */
  public Optional<ScimUser> findByUserName(String userName) {
    Checks.notBlank("userName", userName);
    return users(ScimFilter.userName().eq(userName)).pageSize(1).limit(1).stream().findFirst();
  }

  /**
   * Provisions a user without a name: the Docker account with that e-mail address, or a new one, gets a seat in
   * the organization.
   *
   * @param userName the user's e-mail address
   * @return the user
   * @throws io.github.hubsdk.client.error.ScimConflictException when the address is provisioned already
   */
  public ScimUser create(String userName) {
    return create(userName, null, null);
  }

  /**
   * Provisions a user.
   *
   * @param userName the user's e-mail address
   * @param givenName the given name, or null
   * @param familyName the family name, or null
   * @return the user
   * @throws io.github.hubsdk.client.error.ScimConflictException when the address is provisioned already
   * @throws InvalidRequestException when the address is not one, or a name part is blank
   */
  public ScimUser create(String userName, String givenName, String familyName) {
    CreateScimUserRequest body = new CreateScimUserRequest().schemas(List.of(USER_SCHEMA)).userName(email(userName));
    ScimUserName name = name(givenName, familyName);
    if (name != null) {
      body.name(name);
    }
    return api.createScimUser(body);
  }

  /**
   * One user by id.
   *
   * @param id the SCIM id (a UUID)
   * @return the user
   * @throws io.github.hubsdk.client.error.ScimNotFoundException when there is no such user
   */
  public ScimUser get(String id) {
    return api.getScimUser(Checks.uuid(id));
  }

  /**
   * Replaces what may change of a user: always whether it is active (see {@link ScimUserChange}), and the name
   * parts the change sets.
   *
   * @param id the SCIM id (a UUID)
   * @param change the change
   * @return the user as it is now
   */
  public ScimUser replace(String id, ScimUserChange change) {
    Checks.notNull("change", change);
    ReplaceScimUserRequest body = new ReplaceScimUserRequest().schemas(List.of(USER_SCHEMA)).enabled(change.active());
    ScimUserName name = name(change.givenName(), change.familyName());
    if (name != null) {
      body.name(name);
    }
    return api.replaceScimUser(Checks.uuid(id), body);
  }

  /**
   * Takes the user's seat away (it stays provisioned, inactive); the name is kept.
   *
   * @param id the SCIM id
   * @return the user, inactive
   */
  public ScimUser deactivate(String id) {
    return replace(id, ScimUserChange.enabled(false));
  }

  /**
   * Gives a deactivated user its seat back.
   *
   * @param id the SCIM id
   * @return the user, active
   */
  public ScimUser activate(String id) {
    return replace(id, ScimUserChange.enabled(true));
  }

  private static ScimUserName name(String givenName, String familyName) {
    if (givenName == null && familyName == null) {
      return null;
    }
    ScimUserName name = new ScimUserName();
    if (givenName != null) {
      name.givenName(Checks.notBlank("givenName", givenName));
    }
    if (familyName != null) {
      name.familyName(Checks.notBlank("familyName", familyName));
    }
    return name;
  }

  /** An e-mail address, checked as far as a client can: text on both sides of an {@code @}, no spaces. */
  private static String email(String userName) {
    Checks.notBlank("userName", userName);
    int at = userName.lastIndexOf('@');
    boolean clean = userName.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    if (at < 1 || at == userName.length() - 1 || !clean) {
      throw new InvalidRequestException("userName must be an e-mail address");
    }
    return userName;
  }

  private static <T> List<T> resources(String op, List<T> items, Integer total) {
    if (items == null) {
      if (total != null && total == 0) {
        return List.of();
      }
      throw new MalformedResponseException(200, op, "a SCIM list without Resources", null);
    }
    return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
  }

  @Override
  public String toString() {
    return "Scim{token ****}";
  }
}
