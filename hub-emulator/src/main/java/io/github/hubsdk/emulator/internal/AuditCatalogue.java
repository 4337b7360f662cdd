package io.github.hubsdk.emulator.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

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
  /** The {@code /v2/auditlogs/{account}/actions} answer. */
  public static final String JSON;

  static {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ObjectNode groups = root.putObject("actions");
    List<String> all = new ArrayList<>();
    add(groups, "org", "Organization", ORG, all);
    add(groups, "repo", "Repository", REPO, all);
    add(groups, "pat", "Personal Access Token", PAT, all);
    ACTIONS = List.copyOf(all);
    JSON = root.toString();
  }

  private static void add(ObjectNode groups, String key, String label, String[][] actions, List<String> all) {
    ObjectNode group = groups.putObject(key);
    ArrayNode list = group.putArray("actions");
    for (String[] a : actions) {
      list.addObject().put("name", a[0]).put("description", a[1]).put("label", a[2]);
      all.add(key + "." + a[0]);
    }
    group.put("label", label);
  }
}
