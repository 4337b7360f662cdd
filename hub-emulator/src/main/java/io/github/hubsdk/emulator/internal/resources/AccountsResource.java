package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.auth.Caller;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.PageParams.Page;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.state.Accounts;
import io.github.hubsdk.emulator.internal.state.Profiles.Profile;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.AccountType;
import io.github.hubsdk.openapi.model.CurrentUser;
import io.github.hubsdk.openapi.model.OrganizationPage;
import io.github.hubsdk.openapi.model.OrganizationProfile;
import io.github.hubsdk.openapi.model.UserProfile;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The {@code accounts} tag (not in Docker's reference; docker/hub-tool calls it): who is logged in, a
 * user's or organization's public profile, the logged-in user's organizations. Emulator rule, since the
 * live behaviour is not documented: for a bearer from an organization access token the logged-in account
 * is the organization itself (type {@code Org}), whose only organization is itself.
 */
final class AccountsResource {

  private static final String PROFILE_BASE = "https://hub.docker.com/u/";
  private final HubContext hub;
  private final Store store;

  AccountsResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
  }

  @Handles(value = "getCurrentUser", readOnly = true)
  Reply current(Call c) {
    Caller caller = c.caller();
    String name = caller.username();
    Profile p = profile(name);
    boolean user = caller.isUser();
    return Reply.ok(new CurrentUser().id(p.id).username(name).fullName(p.fullName).location(p.location)
        .company(p.company).gravatarEmail("").gravatarUrl("").isStaff(false).isAdmin(false)
        .profileUrl(PROFILE_BASE + name).dateJoined(p.joined.atOffset(ZoneOffset.UTC))
        .type(user ? AccountType.USER : AccountType.ORG));
  }

  @Handles(value = "getUser", readOnly = true)
  Reply user(Call c) {
    String name = c.path("username");
    if (store.accounts().user(name) == null) {
      throw HubError.notFound();
    }
    Profile p = profile(name);
    return Reply.ok(new UserProfile().id(p.id).username(name).fullName(p.fullName).location(p.location)
        .company(p.company).gravatarEmail("").gravatarUrl("").profileUrl(PROFILE_BASE + name)
        .dateJoined(p.joined.atOffset(ZoneOffset.UTC)).type(AccountType.USER));
  }

  @Handles(value = "listCurrentUserOrgs", readOnly = true)
  Reply orgs(Call c) {
    Caller caller = c.caller();
    List<String> names = caller.isUser()
        ? store.accounts().orgsOf(caller.username()).stream().map(o -> o.name).toList()
        : List.of(caller.username());
    Page<OrganizationProfile> page = c.page(10, 100).linked(names).map(this::orgProfile);
    return Reply.ok(new OrganizationPage().count(page.total()).next(page.next()).previous(page.previous())
        .results(page.items()));
  }

  @Handles(value = "getOrganization", readOnly = true)
  Reply org(Call c) {
    String name = c.path("org");
    Accounts.Org org = store.accounts().org(name);
    if (org == null) {
      throw HubError.notFound();
    }
    OrganizationProfile out = orgProfile(name);
    // The single-organization answer has no gravatar_url (only lists carry it).
    return Reply.ok(out.gravatarUrl(null));
  }

  private OrganizationProfile orgProfile(String name) {
    Profile p = profile(name);
    return new OrganizationProfile().id(p.id).orgname(name).fullName(p.fullName).company(p.company)
        .location(p.location).type("Org").dateJoined(p.joined.atOffset(ZoneOffset.UTC)).gravatarUrl("")
        .profileUrl(PROFILE_BASE + name);
  }

  private Profile profile(String namespace) {
    return store.profiles().of(namespace, hub.now());
  }
}
