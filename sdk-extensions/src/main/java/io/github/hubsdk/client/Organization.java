package io.github.hubsdk.client;

import io.github.hubsdk.openapi.api.OrgSettingsApi;
import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.openapi.model.OrgSettings;
import io.github.hubsdk.openapi.model.RestrictedImages;

/** An organization's settings: {@code /v2/orgs/{name}/settings} (owner role; Business plan on the live Hub). */
public final class Organization {

  private final Transport transport;
  private final OrgSettingsApi api;
  private final String name;

  private final Accounts accounts;

  Organization(Transport transport, Accounts accounts, String name) {
    this.transport = transport;
    this.accounts = accounts;
    this.api = transport.api(OrgSettingsApi.class);
    this.name = name;
  }

  /**
   * Reads the settings.
   *
   * @return the settings
   */
  public OrgSettings settings() {
    return api.getOrgSettings(name);
  }

  /**
   * Replaces the settings. The API takes all of {@code restricted_images} at once, so all three of its
   * flags must be set.
   *
   * @param settings the complete settings
   * @return the settings as stored
   */
  public OrgSettings updateSettings(OrgSettings settings) {
    Checks.notNull("settings", settings);
    RestrictedImages r = settings.getRestrictedImages();
    if (r == null || r.getEnabled() == null || r.getAllowOfficialImages() == null
        || r.getAllowVerifiedPublishers() == null) {
      throw new InvalidRequestException("restricted_images needs enabled, allow_official_images and"
          + " allow_verified_publishers all set (the API replaces the whole object)");
    }
    return api.updateOrgSettings(name, settings);
  }

  /**
   * Replaces the restricted-images setting.
   *
   * @param restrictedImages all three flags set
   * @return the settings as stored
   */
  public OrgSettings updateSettings(RestrictedImages restrictedImages) {
    return updateSettings(new OrgSettings().restrictedImages(restrictedImages));
  }

  /**
   * The organization's public profile ({@code GET /v2/orgs/{org}}, not in Docker's reference).
   *
   * @return the profile
   * @throws io.github.hubsdk.client.error.NotFoundException when there is no such organization
   */
  public io.github.hubsdk.openapi.model.OrganizationProfile profile() {
    return accounts.organization(name);
  }

  /**
   * The organization's access tokens (OATs): create, list, read, update, delete.
   *
   * @return the operations group
   */
  public OrgAccessTokens accessTokens() {
    return new OrgAccessTokens(transport, name);
  }

  /**
   * The organization's members: list with filters, export, change roles, remove.
   *
   * @return the operations group
   */
  public OrgMembers members() {
    return new OrgMembers(transport, name);
  }

  /**
   * The organization's pending invites: list, bulk invite (dry run by default), resend, cancel.
   *
   * @return the operations group
   */
  public OrgInvites invites() {
    return new OrgInvites(transport, name);
  }

  @Override
  public String toString() {
    return "Organization{" + name + "}";
  }
}
