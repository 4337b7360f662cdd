package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.server.HubContext;
import java.util.List;

/**
 * Every resource, one per tag of the spec, as handed to the {@code Dispatch}. Adding a tag adds one line
 * here; adding an operation adds one {@code @Handles} method to its tag's resource. Internal API.
 */
public final class Resources {

  private Resources() {}

  /** New resource objects over {@code hub}. */
  public static List<Object> all(HubContext hub) {
    return List.of(
        new AuthenticationResource(hub),
        new AccessTokensResource(hub),
        new ImagesResource(hub),
        new AuditLogsResource(hub),
        new OrgSettingsResource(hub),
        new AccountsResource(hub),
        new OrgAccessTokensResource(hub),
        new OrgMembersResource(hub),
        new InvitesResource(hub),
        new RepositoriesResource(hub),
        new RepositoryTagsResource(hub),
        new ImmutableTagsResource(hub),
        new ScimDiscoveryResource(hub),
        new ScimUsersResource(hub));
  }
}
