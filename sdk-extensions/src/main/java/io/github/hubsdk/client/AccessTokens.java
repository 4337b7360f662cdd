package io.github.hubsdk.client;

import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.api.AccessTokensApi;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.CreateAccessTokenRequest;
import io.github.hubsdk.openapi.model.UpdateAccessTokenRequest;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The personal access tokens (PATs) of the logged-in user: {@code /v2/access-tokens}. Docker Hub only
 * lets a JWT from a password login manage PATs; with a PAT login these calls throw
 * {@link io.github.hubsdk.client.error.PasswordLoginRequiredException}.
 */
public final class AccessTokens {

  private final Transport transport;
  private final AccessTokensApi api;

  AccessTokens(Transport transport) {
    this.transport = transport;
    this.api = transport.api(AccessTokensApi.class);
  }

  /**
   * Creates a token that never expires. The answer is the only place the secret ({@code token}) appears.
   *
   * @param label 1 to 100 characters
   * @param scopes at least one scope
   * @return the new token, with its secret
   */
  public AccessToken create(String label, Collection<AccessTokenScope> scopes) {
    return create(label, scopes, null);
  }

  /**
   * Creates a token. The answer is the only place the secret ({@code token}) appears.
   *
   * @param label 1 to 100 characters
   * @param scopes at least one scope
   * @param expiresAt when the token stops working, or null for never
   * @return the new token, with its secret
   */
  public AccessToken create(String label, Collection<AccessTokenScope> scopes, OffsetDateTime expiresAt) {
    Checks.label(label);
    if (scopes == null || scopes.isEmpty() || scopes.stream().anyMatch(java.util.Objects::isNull)) {
      throw new InvalidRequestException("scopes must name at least one scope and no null");
    }
    return api.createAccessToken(new CreateAccessTokenRequest().tokenLabel(label)
        .scopes(List.copyOf(scopes)).expiresAt(expiresAt));
  }

  /**
   * Lists the tokens, lazily; the secrets are blank in listings.
   *
   * @return a paginator (page size 100 by default)
   */
  public Paginator<AccessToken> list() {
    return transport.linkedPages(HubOperation.LIST_ACCESS_TOKENS, api::listAccessTokens, api::listAccessTokens);
  }

  /**
   * Reads one token.
   *
   * @param uuid the token's id
   * @return the token (secret blank)
   */
  public AccessToken get(UUID uuid) {
    return api.getAccessToken(Checks.notNull("uuid", uuid));
  }

  /**
   * Reads one token.
   *
   * @param uuid the token's id, in canonical UUID form
   * @return the token (secret blank)
   */
  public AccessToken get(String uuid) {
    return get(Checks.uuid(uuid));
  }

  /**
   * Changes the label and/or active flag; fields left null are not sent and stay as they are.
   *
   * @param uuid the token's id
   * @param patch at least one field set; a label must be 1 to 100 characters
   * @return the updated token
   */
  public AccessToken update(UUID uuid, UpdateAccessTokenRequest patch) {
    Checks.notNull("uuid", uuid);
    Checks.notNull("patch", patch);
    if (patch.getTokenLabel() == null && patch.getIsActive() == null) {
      throw new InvalidRequestException("patch must change the label or the active flag");
    }
    if (patch.getTokenLabel() != null) {
      Checks.label(patch.getTokenLabel());
    }
    return api.updateAccessToken(uuid, patch);
  }

  /**
   * Changes the label and/or active flag.
   *
   * @param uuid the token's id, in canonical UUID form
   * @param patch at least one field set
   * @return the updated token
   */
  public AccessToken update(String uuid, UpdateAccessTokenRequest patch) {
    return update(Checks.uuid(uuid), patch);
  }

  /**
   * Re-enables a token.
   *
   * @param uuid the token's id
   * @return the updated token
   */
  public AccessToken activate(UUID uuid) {
    return update(uuid, new UpdateAccessTokenRequest().isActive(true));
  }

  /**
   * Re-enables a token.
   *
   * @param uuid the token's id, in canonical UUID form
   * @return the updated token
   */
  public AccessToken activate(String uuid) {
    return activate(Checks.uuid(uuid));
  }

  /**
   * Disables a token without deleting it; logins with it fail until it is activated again.
   *
   * @param uuid the token's id
   * @return the updated token
   */
  public AccessToken deactivate(UUID uuid) {
    return update(uuid, new UpdateAccessTokenRequest().isActive(false));
  }

  /**
   * Disables a token without deleting it.
   *
   * @param uuid the token's id, in canonical UUID form
   * @return the updated token
   */
  public AccessToken deactivate(String uuid) {
    return deactivate(Checks.uuid(uuid));
  }

  /**
   * Changes a token's label.
   *
   * @param uuid the token's id
   * @param label 1 to 100 characters
   * @return the updated token
   */
  public AccessToken rename(UUID uuid, String label) {
    return update(uuid, new UpdateAccessTokenRequest().tokenLabel(Checks.label(label)));
  }

  /**
   * Changes a token's label.
   *
   * @param uuid the token's id, in canonical UUID form
   * @param label 1 to 100 characters
   * @return the updated token
   */
  public AccessToken rename(String uuid, String label) {
    return rename(Checks.uuid(uuid), label);
  }

  /**
   * Deletes a token for good.
   *
   * @param uuid the token's id
   */
  public void delete(UUID uuid) {
    api.deleteAccessToken(Checks.notNull("uuid", uuid));
  }

  /**
   * Deletes a token for good.
   *
   * @param uuid the token's id, in canonical UUID form
   */
  public void delete(String uuid) {
    delete(Checks.uuid(uuid));
  }
}
