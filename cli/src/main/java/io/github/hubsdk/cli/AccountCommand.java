package io.github.hubsdk.cli;

import io.github.hubsdk.openapi.model.CurrentUser;
import io.github.hubsdk.openapi.model.OrganizationProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** Who the credentials log in as, and their organizations. */
@Command(name = "account", mixinStandardHelpOptions = true,
    description = "Show who the credentials log in as and the organizations of that account.",
    footerHeading = "%nExample:%n", footer = "  DOCKERHUB_USERNAME=mona DOCKERHUB_TOKEN=... hubsdk account --output json")
final class AccountCommand extends HubCommand {

  @Override
  int run() throws Exception {
    CurrentUser me = hub().account();
    List<OrganizationProfile> orgs = new ArrayList<>();
    // An organization access token logs in as the organization, which has no organizations of its own.
    if (me.getType() != io.github.hubsdk.openapi.model.AccountType.ORG) {
      hub().organizations().forEach(orgs::add);
    }
    if (globals.json()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("account", me);
      out.put("organizations", orgs);
      printJson(out);
      return Main.OK;
    }
    Table t = new Table("USERNAME", "TYPE", "FULL NAME", "JOINED");
    t.row(me.getUsername(), me.getType(), me.getFullName(), me.getDateJoined());
    t.print(env.out());
    if (!orgs.isEmpty()) {
      env.out().println();
      Table o = new Table("ORGANIZATION", "FULL NAME", "JOINED");
      orgs.forEach(org -> o.row(org.getOrgname(), org.getFullName(), org.getDateJoined()));
      o.print(env.out());
    }
    return Main.OK;
  }
}
