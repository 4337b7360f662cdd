package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Require;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.state.Groups;
import io.github.hubsdk.emulator.internal.state.Groups.Group;
import io.github.hubsdk.emulator.internal.state.Repositories.Repo;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.AssignRepositoryGroupRequest;
import io.github.hubsdk.openapi.model.RepositoryGroup;
import io.github.hubsdk.openapi.model.RepositoryGroupPermission;
import io.github.hubsdk.openapi.model.UpdateRepositoryGroupRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sub-resource of the {@code repositories} tag: a group's (team's) permission on a repository of its
 * organization ({@code POST .../groups} is documented, {@code GET/PATCH/DELETE .../groups/{groupId}} are
 * the undocumented calls of the Terraform provider). Emulator rules where the live behaviour is not
 * documented:
 * <ul>
 *   <li>the repository must be visible to the caller (else 404, as the repository calls answer); granting,
 *       changing and revoking need whoever may change the repository (an owner of the organization or an
 *       organization access token of it; others 403); reading a grant needs a reader of the organization (a member, or its OAT with a {@code TYPE_ORG}
 *       resource, as {@link OrgAccess} says);
 *   <li>a {@code group_id} that is not a group of the repository's organization (also every id for a user's
 *       repository, which has no groups) is a field error (400), as Django REST framework words it; on the
 *       {@code .../groups/{groupId}} calls it is 404, as is a group without a permission on the repository;
 *   <li>assigning again changes the permission (one grant per group and repository).
 * </ul>
 * Every change writes an audit event in the organization's log ({@code repo.team.*}).
 */
final class RepositoryGroupsResource {

  private final HubContext hub;
  private final Store store;
  private final RepositoryAccess access;
  private final OrgAccess orgAccess;

  RepositoryGroupsResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
    this.access = new RepositoryAccess(store);
    this.orgAccess = new OrgAccess(store);
  }

  @Handles("assignRepositoryGroup")
  Reply assign(Call c) {
    Repo repo = access.writable(c);
    AssignRepositoryGroupRequest body = c.body(AssignRepositoryGroupRequest.class);
    Require check = new Require();
    if (body.getGroupId() == null) {
      check.add("group_id", Texts.REQUIRED);
    }
    if (body.getPermission() == null) {
      check.add("permission", Texts.REQUIRED);
    }
    check.check();
    Group g = store.groups().byId(repo.namespace, body.getGroupId());
    if (g == null) {
      throw HubError.invalidField("group_id", new Texts.Problem(
          "Invalid pk \"" + body.getGroupId() + "\" - object does not exist.", "is not a group of " + repo.namespace));
    }
    String before = store.groups().permission(g, repo);
    String permission = body.getPermission().getValue();
    try {
      store.groups().grant(g, repo, permission);
    } catch (Groups.Refused e) {
      throw HubError.invalidField("group_id", new Texts.Problem(e.getMessage(), e.getMessage()));
    }
    if (before == null) {
      audit(c, repo, g, "repo.team.add", permission, "gave the team " + g.name + " " + permission + " access to "
          + repo.fullName());
    } else if (!before.equals(permission)) {
      audit(c, repo, g, "repo.team.update", permission, "changed the access of the team " + g.name + " to "
          + repo.fullName() + " to " + permission);
    }
    return Reply.ok(toModel(g, permission));
  }

  @Handles("getRepositoryGroup")
  Reply get(Call c) {
    Repo repo = access.visible(c);
    if (store.accounts().org(repo.namespace) == null) {
      throw HubError.notFound(); // a user's repository has no groups
    }
    orgAccess.requireReader(c.caller(), store.accounts().org(repo.namespace));
    Group g = granted(c, repo);
    return Reply.ok(toModel(g, store.groups().permission(g, repo)));
  }

  @Handles("updateRepositoryGroup")
  Reply update(Call c) {
    Repo repo = access.writable(c);
    Group g = granted(c, repo);
    RepositoryGroupPermission wanted = c.body(UpdateRepositoryGroupRequest.class).getPermission();
    if (wanted == null) {
      throw HubError.invalidField("permission", Texts.REQUIRED);
    }
    String permission = wanted.getValue();
    if (!permission.equals(store.groups().permission(g, repo))) {
      store.groups().grant(g, repo, permission);
      audit(c, repo, g, "repo.team.update", permission, "changed the access of the team " + g.name + " to "
          + repo.fullName() + " to " + permission);
    }
    return Reply.ok(toModel(g, permission));
  }

  @Handles("deleteRepositoryGroup")
  Reply delete(Call c) {
    Repo repo = access.writable(c);
    Group g = granted(c, repo);
    String permission = store.groups().permission(g, repo);
    store.groups().revoke(g, repo);
    audit(c, repo, g, "repo.team.remove", permission, "removed the access of the team " + g.name + " to "
        + repo.fullName());
    return Reply.noContent();
  }

  /** The path's group, when it is the repository organization's and holds a permission on it; else 404. */
  private Group granted(Call c, Repo repo) {
    long id;
    try {
      id = Long.parseLong(c.path("groupId"));
    } catch (NumberFormatException e) {
      throw HubError.notFound();
    }
    Group g = store.groups().byId(repo.namespace, id);
    if (g == null || store.groups().permission(g, repo) == null) {
      throw HubError.notFound();
    }
    return g;
  }

  private void audit(Call c, Repo repo, Group g, String action, String permission, String description) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("team", g.name);
    data.put("team_id", Long.toString(g.id));
    data.put("permission", permission);
    store.audit().record(repo.namespace, action, repo.fullName(), c.caller().username(), data, hub.now(), description);
  }

  private static RepositoryGroup toModel(Group g, String permission) {
    return new RepositoryGroup().groupId(g.id).groupName(g.name)
        .permission(RepositoryGroupPermission.fromValue(permission));
  }
}
