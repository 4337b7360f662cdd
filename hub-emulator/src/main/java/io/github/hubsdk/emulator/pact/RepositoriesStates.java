package io.github.hubsdk.emulator.pact;

import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import io.github.hubsdk.openapi.model.DetailError;
import java.util.Map;

/** The states of the repositories tag. */
public final class RepositoriesStates extends TagStates {

  static final String NAMESPACE = DockerHubEmulator.DEFAULT_USERNAME;
  static final String SCRATCH_NAME = "hubsdk-contract";
  /** A team's permission needs an organization's repository and group. */
  static final String TEAM_ORG = "hubsdk-org";
  static final String TEAM_REPO = "hubsdk-web";
  static final String TEAM = "hubsdk-team";

  RepositoriesStates(DockerHubEmulator hub) {
    super(hub);
  }

  @ProviderState("repository 'hubsdk/example' exists with tags")
  Map<String, Object> repository() {
    hub.seedUntilReset(s -> s.repository(NAMESPACE, DockerHubEmulator.DEFAULT_REPOSITORY).description("The example")
        .tag("1.4", t -> t.pushedDaysAgo(2).pulledDaysAgo(1)));
    return withBearer(password(), "namespace", NAMESPACE, "repository", DockerHubEmulator.DEFAULT_REPOSITORY,
        "tag", "1.4");
  }

  @ProviderState("reading repository 'hubsdk/example' fails on the server")
  Map<String, Object> failing() {
    Map<String, Object> values = repository();
    hub.expect().operation("getRepository").andReturn(500, new DetailError().message("internal server error")).once();
    return values;
  }

  @ProviderState("repository 'hubsdk/hubsdk-contract' was created for this run")
  Map<String, Object> scratch() {
    hub.seedUntilReset(s -> s.repository(NAMESPACE, SCRATCH_NAME));
    return withBearer(password(), "namespace", NAMESPACE, "repository", SCRATCH_NAME);
  }

  @ProviderState("no repository 'hubsdk/hubsdk-contract-new' exists")
  Map<String, Object> newName() {
    return withBearer(password(), "namespace", NAMESPACE, "name", SCRATCH_NAME + "-new");
  }

  @ProviderState("repository 'hubsdk/hubsdk-contract' has tag 'v1.0.0'")
  Map<String, Object> tagged() {
    hub.seedUntilReset(s -> s.repository(NAMESPACE, SCRATCH_NAME).tag("v1.0.0"));
    return withBearer(password(), "namespace", NAMESPACE, "repository", SCRATCH_NAME, "tag", "v1.0.0");
  }

  @ProviderState("repository 'hubsdk/hubsdk-contract' has tag 'v1.0.0' and the caller logged in with a personal access token")
  Map<String, Object> taggedWithPat() {
    SeededToken[] pat = new SeededToken[1];
    hub.seedUntilReset(s -> {
      s.repository(NAMESPACE, SCRATCH_NAME).tag("v1.0.0");
      pat[0] = s.personalAccessToken(NAMESPACE, "contract-admin", "repo:admin");
    });
    return withBearer(hub.accessTokenFor(pat[0]), "namespace", NAMESPACE, "repository", SCRATCH_NAME, "tag",
        "v1.0.0");
  }

  @ProviderState("repository 'hubsdk/hubsdk-contract' has immutable tag 'v1.0.0'")
  Map<String, Object> immutable() {
    hub.seedUntilReset(s -> s.repository(NAMESPACE, SCRATCH_NAME).tag("v1.0.0").immutableTags("v[0-9].*"));
    return withBearer(password(), "namespace", NAMESPACE, "repository", SCRATCH_NAME, "tag", "v1.0.0");
  }

  @ProviderState("organization 'hubsdk-org' has repository 'hubsdk-web' and group 'hubsdk-team' without access to it")
  Map<String, Object> repoAndGroup() {
    return teamOnRepository(null);
  }

  @ProviderState("group 'hubsdk-team' of 'hubsdk-org' has write access to repository 'hubsdk-web'")
  Map<String, Object> groupCanWrite() {
    return teamOnRepository("write");
  }

  private Map<String, Object> teamOnRepository(String permission) {
    long[] id = new long[1];
    hub.seedUntilReset(s -> {
      s.org(TEAM_ORG, Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
      s.repository(TEAM_ORG, TEAM_REPO);
      var group = s.group(TEAM_ORG, TEAM).members(DockerHubEmulator.DEFAULT_USERNAME);
      if (permission != null) {
        group.permission(TEAM_REPO, permission);
      }
      id[0] = group.id();
    });
    return withBearer(password(), "namespace", TEAM_ORG, "repository", TEAM_REPO, "group_id", id[0]);
  }
}
