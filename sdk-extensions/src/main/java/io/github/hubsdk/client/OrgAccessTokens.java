package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.api.OrgAccessTokensApi;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.model.CreateOrgAccessTokenRequest;
import io.github.hubsdk.openapi.model.OrgAccessToken;
import io.github.hubsdk.openapi.model.OrgAccessTokenPage;
import io.github.hubsdk.openapi.model.UpdateOrgAccessTokenRequest;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * An organization's access tokens (OATs): {@code /v2/orgs/{org}/access-tokens}. Reached through
 * {@code hub.org("acme").accessTokens()}. Managing them needs an owner of the organization (and, on the
 * live Hub, a Team or Business plan: else {@link io.github.hubsdk.client.error.PlanRequiredException}).
 * The secret ({@code dckr_oat_...}) is in the answer to {@link #create} only; the model's
 * {@code toString()} masks it, and the client's wire log masks it too. Log in with it through
 * {@link Credentials#organizationAccessToken(String, String)}.
 */
public final class OrgAccessTokens {

  private static final int MAX_DESCRIPTION = 255;

  private final Transport transport;
  private final OrgAccessTokensApi api;
  private final String org;

  OrgAccessTokens(Transport transport, String org) {
    this.transport = transport;
    this.api = transport.api(OrgAccessTokensApi.class);
    this.org = org;
  }

  /**
   * Creates a token. Keep its {@code getToken()} at once: no later answer carries it.
   *
   * @param label 1 to 100 characters
   * @param description what it is for, or null
   * @param resources what it may reach (may be empty: such a token logs in but reaches nothing)
   * @param expiresAt when it stops working, or null for never
   * @return the token, with its secret
   * @throws InvalidRequestException before any request for a bad label, description or resource list
   */
  public OrgAccessToken create(String label, String description, Collection<OatResource> resources,
      OffsetDateTime expiresAt) {
    Checks.label(label);
    checkDescription(description);
    return api.createOrgAccessToken(org, new CreateOrgAccessTokenRequest().label(label).description(description)
        .resources(models(resources)).expiresAt(expiresAt));
  }

  /**
   * Creates a token without description or expiry.
   *
   * @param label 1 to 100 characters
   * @param resources what it may reach
   * @return the token, with its secret
   */
  public OrgAccessToken create(String label, OatResource... resources) {
    return create(label, null, List.of(resources), null);
  }

  /**
   * Lists the tokens lazily, newest first; no secrets, no resources (read one with {@link #get}).
   *
   * @return a paginator
   */
  public Paginator<OrgAccessToken> list() {
    return transport.linkedPages(HubOperation.LIST_ORG_ACCESS_TOKENS,
        (Integer page, Integer size) -> api.listOrgAccessTokens(org, page, size), api::listOrgAccessTokens,
        OrgAccessTokenPage::getResults, OrgAccessTokenPage::getTotal, OrgAccessTokenPage::getNext);
  }

  /**
   * Reads one token with its resources (no secret).
   *
   * @param id the token's id
   * @return the token
   */
  public OrgAccessToken get(UUID id) {
    return api.getOrgAccessToken(org, Checks.notNull("id", id));
  }

  /**
   * Reads one token.
   *
   * @param id the token's id in canonical form
   * @return the token
   */
  public OrgAccessToken get(String id) {
    return get(Checks.uuid(id));
  }

  /**
   * Changes the label, description, active flag and/or resources; null fields are not sent and stay as they
   * are; resources, when set, replace the whole list.
   *
   * @param id the token's id
   * @param patch at least one field set
   * @return the updated token
   */
  public OrgAccessToken update(UUID id, UpdateOrgAccessTokenRequest patch) {
    Checks.notNull("id", id);
    Checks.notNull("patch", patch);
    if (patch.getLabel() == null && patch.getDescription() == null && patch.getIsActive() == null
        && patch.getResources() == null) {
      throw new InvalidRequestException("patch must change the label, description, active flag or resources");
    }
    if (patch.getLabel() != null) {
      Checks.label(patch.getLabel());
    }
    checkDescription(patch.getDescription());
    if (patch.getResources() != null) {
      patch.getResources().forEach(r -> OatResource.of(Checks.notNull("resource", r)));
    }
    return api.updateOrgAccessToken(org, id, patch);
  }

  /**
   * Replaces what the token may reach.
   *
   * @param id the token's id
   * @param resources the new resources
   * @return the updated token
   */
  public OrgAccessToken updateResources(UUID id, Collection<OatResource> resources) {
    return update(id, new UpdateOrgAccessTokenRequest().resources(models(resources)));
  }

  /**
   * Disables the token: its logins and the JWTs issued from it stop working until it is activated again.
   *
   * @param id the token's id
   * @return the updated token
   */
  public OrgAccessToken deactivate(UUID id) {
    return update(id, new UpdateOrgAccessTokenRequest().isActive(false));
  }

  /**
   * Re-enables the token.
   *
   * @param id the token's id
   * @return the updated token
   */
  public OrgAccessToken activate(UUID id) {
    return update(id, new UpdateOrgAccessTokenRequest().isActive(true));
  }

  /**
   * Deletes the token for good.
   *
   * @param id the token's id
   */
  public void delete(UUID id) {
    api.deleteOrgAccessToken(org, Checks.notNull("id", id));
  }

  private static List<io.github.hubsdk.openapi.model.OrgAccessTokenResource> models(Collection<OatResource> resources) {
    if (resources == null) {
      return null;
    }
    return resources.stream().map(r -> Checks.notNull("resource", r).toModel()).toList();
  }

  private static void checkDescription(String description) {
    if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
      throw new InvalidRequestException("description must be at most " + MAX_DESCRIPTION + " characters");
    }
  }

  @Override
  public String toString() {
    return "OrgAccessTokens{" + org + "}";
  }
}
