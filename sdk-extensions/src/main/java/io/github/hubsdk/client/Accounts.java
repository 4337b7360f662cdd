package io.github.hubsdk.client;

import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.api.AccountsApi;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.model.CurrentUser;
import io.github.hubsdk.openapi.model.OrganizationProfile;
import io.github.hubsdk.openapi.model.UserProfile;

/**
 * The account operations ({@code /v2/user}, {@code /v2/users/{username}}, {@code /v2/user/orgs},
 * {@code /v2/orgs/{org}}): not in Docker's reference, called by docker/hub-tool, so they may change without
 * notice. Reached through {@link DockerHubClient#account()}, {@link DockerHubClient#user(String)},
 * {@link DockerHubClient#organizations()} and {@link Organization#profile()}.
 */
final class Accounts {

  private final Transport transport;
  private final AccountsApi api;

  Accounts(Transport transport) {
    this.transport = transport;
    this.api = transport.api(AccountsApi.class);
  }

  CurrentUser current() {
    return api.getCurrentUser();
  }

  UserProfile user(String username) {
    return api.getUser(Checks.segment("username", username));
  }

  Paginator<OrganizationProfile> organizations() {
    return transport.linkedPages(HubOperation.LIST_CURRENT_USER_ORGS, api::listCurrentUserOrgs,
        api::listCurrentUserOrgs);
  }

  OrganizationProfile organization(String name) {
    return api.getOrganization(name);
  }
}
