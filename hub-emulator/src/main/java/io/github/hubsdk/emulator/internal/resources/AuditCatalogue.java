package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.openapi.model.AuditLogAction;
import io.github.hubsdk.openapi.model.AuditLogActionGroup;
import io.github.hubsdk.openapi.model.AuditLogActions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit-log actions catalogue: the seed document's {@code org} and {@code repo} groups, plus the
 * actions the emulator records that the seed's catalogue does not list ({@code repo.manifest.delete},
 * {@code org.settings.update} and the {@code pat} group). Internal API.
 */
public final class AuditCatalogue {

  private AuditCatalogue() {}

  private static final String[][] ORG = {
      {"team.create", "contains team create events", "Team Created"},
      {"team.delete", "contains team delete events", "Team Deleted"},
      {"team.member.add", "contains team member add events", "Team Member Added"},
      {"team.member.remove", "contains team member remove events", "Team Member Removed"},
      {"team.member.invite", "contains team member invite events", "Team Member Invited"},
      {"member.removed", "contains org member remove events", "Organization Member Removed"},
      {"create", "contains organization create events", "Organization Created"},
      {"settings.update", "contains organization settings change events", "Settings Updated"},
      {"member.remove", "contains org member remove events", "Organization Member Removed"},
      {"member.role.change", "contains member role change events", "Member Role Changed"},
      {"member.invite.send", "contains member invite events", "Org Member Invited"},
      {"member.invite.resend", "contains member invite resend events", "Org Member Invite Resent"},
      {"member.invite.cancel", "contains member invite cancel events", "Org Member Invite Cancelled"},
      {"access_token.create", "contains organization access token create events", "Access token created"},
      {"access_token.update", "contains organization access token update events", "Access token updated"},
      {"access_token.delete", "contains organization access token delete events", "Access token deleted"},
  };
  private static final String[][] REPO = {
      {"create", "contains repository create events", "Repository Created"},
      {"delete", "contains repository delete events", "Repository Deleted"},
      {"change_privacy", "contains repository privacy change events", "Privacy Changed"},
      {"tag.push", "contains image tag push events", "Tag Pushed"},
      {"tag.delete", "contains image tag delete events", "Tag Deleted"},
      {"manifest.delete", "contains image manifest delete events", "Manifest Deleted"},
  };
  private static final String[][] PAT = {
      {"create", "contains personal access token create events", "Access Token Created"},
      {"update", "contains personal access token update events", "Access Token Updated"},
      {"delete", "contains personal access token delete events", "Access Token Deleted"},
  };

  /** Every full action name, e.g. {@code repo.tag.push}. */
  public static final List<String> ACTIONS;

  static {
    List<String> all = new ArrayList<>();
    for (Map.Entry<String, String[][]> group : groups().entrySet()) {
      for (String[] a : group.getValue()) {
        all.add(group.getKey() + "." + a[0]);
      }
    }
    ACTIONS = List.copyOf(all);
  }

  private static Map<String, String[][]> groups() {
    Map<String, String[][]> out = new LinkedHashMap<>();
    out.put("org", ORG);
    out.put("repo", REPO);
    out.put("pat", PAT);
    return out;
  }

  /** The {@code /v2/auditlogs/{account}/actions} answer (a new model each time: models are mutable). */
  static AuditLogActions model() {
    Map<String, String> labels = Map.of("org", "Organization", "repo", "Repository", "pat", "Personal Access Token");
    Map<String, AuditLogActionGroup> out = new LinkedHashMap<>();
    for (Map.Entry<String, String[][]> group : groups().entrySet()) {
      List<AuditLogAction> actions = new ArrayList<>();
      for (String[] a : group.getValue()) {
        actions.add(new AuditLogAction().name(a[0]).description(a[1]).label(a[2]));
      }
      out.put(group.getKey(), new AuditLogActionGroup().actions(actions).label(labels.get(group.getKey())));
    }
    return new AuditLogActions().actions(out);
  }
}
