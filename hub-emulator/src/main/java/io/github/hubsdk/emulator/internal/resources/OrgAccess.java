package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.internal.OatRules;
import io.github.hubsdk.emulator.internal.auth.Caller;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.state.Accounts;
import io.github.hubsdk.emulator.internal.state.Store;

/**
 * Who may administer or read an organization, in one place for the org-access-tokens, orgs and invites
 * resources: owners administer; any member reads the member list; an organization access token reads
 * it only with a {@code TYPE_ORG} resource on its own organization. Internal API.
 */
final class OrgAccess {

  static final String PLAN_WITHOUT_OATS =
      "Organization access tokens are only available to organizations on a Team or Business plan.";
  static final String PLAN_WITHOUT_CUSTOM_ROLES = "Custom roles are only available to organizations on a Business plan.";
  static final String OAT_WITHOUT_ORG =
      "This organization access token has no TYPE_ORG resource for the organization: it may not read it.";

  private final Store store;

  OrgAccess(Store store) {
    this.store = store;
  }

  /** The organization of that name; 404 when there is none. */
  Accounts.Org org(String name) {
    Accounts.Org org = store.accounts().org(name);
    if (org == null) {
      throw HubError.notFound();
    }
    return org;
  }

  /** 403 unless the caller is a user who owns the organization. */
  void requireOwner(Caller caller, Accounts.Org org) {
    if (!caller.isUser() || !org.owners.contains(caller.username())) {
      throw HubError.forbidden();
    }
  }

  /** 403 unless the caller is in the organization, or is its access token with a TYPE_ORG resource. */
  void requireReader(Caller caller, Accounts.Org org) {
    if (caller.isUser()) {
      if (!org.has(caller.username())) {
        throw HubError.forbidden();
      }
      return;
    }
    if (!caller.username().equals(org.name)) {
      throw HubError.forbidden();
    }
    if (!OatRules.allowsOrganization(caller.token().resources, org.name)) {
      throw HubError.forbidden(OAT_WITHOUT_ORG);
    }
  }

  /** 403 (naming the plan) unless the organization's plan has organization access tokens. */
  static void requireOatPlan(Accounts.Org org) {
    if (org.plan != Plan.TEAM && org.plan != Plan.BUSINESS) {
      throw HubError.forbidden(PLAN_WITHOUT_OATS);
    }
  }
}
