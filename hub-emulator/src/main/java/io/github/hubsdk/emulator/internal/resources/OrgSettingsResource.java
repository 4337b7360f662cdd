package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.state.Accounts.Org;
import io.github.hubsdk.emulator.internal.state.OrgSettingsState.RestrictedImages;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.OrgSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code org-settings} tag: restricted images. Read and write need the Owner role (a user; an
 * organization access token is never an owner) and a Business plan. No PAT scope is checked: the facts
 * name none (the scopes are {@code repo:*}), so an owner's {@code repo:read} PAT may change them.
 */
final class OrgSettingsResource {

  private final HubContext hub;
  private final Store store;

  OrgSettingsResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
  }

  @Handles(value = "getOrgSettings", readOnly = true)
  Reply get(Call c) {
    return Reply.ok(toModel(store.orgSettings().of(ownedBusinessOrg(c).name)));
  }

  @Handles("updateOrgSettings")
  Reply update(Call c) {
    Org org = ownedBusinessOrg(c);
    io.github.hubsdk.openapi.model.RestrictedImages wanted = c.body(OrgSettings.class).getRestrictedImages();
    List<String> missing = new ArrayList<>();
    if (wanted == null || wanted.getEnabled() == null) {
      missing.add("enabled");
    }
    if (wanted == null || wanted.getAllowOfficialImages() == null) {
      missing.add("allow_official_images");
    }
    if (wanted == null || wanted.getAllowVerifiedPublishers() == null) {
      missing.add("allow_verified_publishers");
    }
    if (!missing.isEmpty()) {
      throw HubError.invalid("restricted_images", Texts.requiredBooleans(missing));
    }
    RestrictedImages settings = store.orgSettings().of(org.name);
    settings.enabled = wanted.getEnabled();
    settings.allowOfficial = wanted.getAllowOfficialImages();
    settings.allowVerified = wanted.getAllowVerifiedPublishers();
    Map<String, String> data = new LinkedHashMap<>();
    data.put("enabled", Boolean.toString(settings.enabled));
    data.put("allow_official_images", Boolean.toString(settings.allowOfficial));
    data.put("allow_verified_publishers", Boolean.toString(settings.allowVerified));
    store.audit().record(org.name, "org.settings.update", org.name, c.caller().username(), data, hub.now(),
        "changed the restricted images settings of the organization " + org.name);
    return Reply.ok(toModel(settings));
  }

  /** The path's organization: 404 when missing, 403 unless the caller owns it and it is on Business. */
  private Org ownedBusinessOrg(Call c) {
    String name = c.path("org");
    Org org = store.accounts().org(name);
    if (org == null) {
      throw HubError.notFound();
    }
    if (!c.caller().isUser() || !store.accounts().isOwner(c.caller().username(), name)) {
      throw HubError.forbidden();
    }
    if (org.plan != Plan.BUSINESS) {
      throw HubError.forbidden(Texts.PLAN_WITHOUT_SETTINGS);
    }
    return org;
  }

  private static OrgSettings toModel(RestrictedImages s) {
    return new OrgSettings().restrictedImages(new io.github.hubsdk.openapi.model.RestrictedImages()
        .enabled(s.enabled).allowOfficialImages(s.allowOfficial).allowVerifiedPublishers(s.allowVerified));
  }
}
