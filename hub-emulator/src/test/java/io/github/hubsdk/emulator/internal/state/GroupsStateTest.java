package io.github.hubsdk.emulator.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.internal.state.Groups.Group;
import org.junit.jupiter.api.Test;

/** The invariants other families rely on: members belong to the org, hooks for removed members and repositories. */
class GroupsStateTest {

  private final Store store = new Store(10);
  private final Groups groups = store.groups();

  GroupsStateTest() {
    for (String u : new String[] {"owner", "alice", "bob", "eve"}) {
      store.accounts().addUser(u, "pw", Plan.PRO);
    }
    Accounts.Org acme = store.accounts().addOrg("acme", Plan.TEAM);
    acme.owners.add("owner");
    acme.members.add("alice");
    acme.members.add("bob");
    store.accounts().addOrg("other", Plan.TEAM).members.add("alice");
  }

  @Test
  void forgettingAMemberTakesThemOutOfEveryGroupOfThatOrganizationOnly() {
    Group devs = groups.create("acme", "devs", "");
    Group ops = groups.create("acme", "ops", "");
    Group qa = groups.create("acme", "qa", "");
    Group elsewhere = groups.create("other", "devs", "");
    groups.addMember(devs, "alice");
    groups.addMember(devs, "bob");
    groups.addMember(ops, "alice");
    groups.addMember(qa, "bob");
    groups.addMember(elsewhere, "alice");
    assertThat(groups.forgetMember("acme", "alice")).containsExactly(devs, ops);
    assertThat(devs.members).containsExactly("bob");
    assertThat(ops.members).isEmpty();
    assertThat(elsewhere.members).containsExactly("alice");
    assertThat(groups.forgetMember("acme", "alice")).isEmpty();
  }

  @Test
  void removingAMemberFromTheOrganizationRemovesThemFromEveryGroup() {
    Group devs = groups.create("acme", "devs", "");
    Group ops = groups.create("acme", "ops", "");
    Group elsewhere = groups.create("other", "devs", "");
    groups.addMember(devs, "alice");
    groups.addMember(ops, "alice");
    groups.addMember(devs, "bob");
    groups.addMember(elsewhere, "alice");
    assertThat(store.accounts().groupsOf("acme", "alice")).containsExactly("devs", "ops");
    assertThat(store.accounts().removeMember("acme", "alice")).isTrue();
    assertThat(devs.members).containsExactly("bob");
    assertThat(ops.members).isEmpty();
    assertThat(elsewhere.members).as("another organization's groups keep them").containsExactly("alice");
    assertThat(store.accounts().groupsOf("acme", "alice")).isEmpty();
    store.clear();
    store.accounts().addUser("carol", "pw", Plan.PRO);
    store.accounts().addOrg("acme", Plan.TEAM).members.add("carol");
    Group again = groups.create("acme", "devs", "");
    groups.addMember(again, "carol");
    store.accounts().removeMember("acme", "carol");
    assertThat(again.members).as("the hook survives a reset").isEmpty();
  }

  @Test
  void onlyMembersOfTheOrganizationJoinAndTwiceIsOnce() {
    Group devs = groups.create("acme", "devs", "");
    assertThat(groups.addMember(devs, "owner")).isTrue();
    assertThat(groups.addMember(devs, "owner")).isFalse();
    assertThatThrownBy(() -> groups.addMember(devs, "eve")).isInstanceOf(Groups.Refused.class);
    assertThatThrownBy(() -> groups.addMember(devs, "nobody")).isInstanceOf(Groups.Refused.class);
    assertThat(devs.members).containsExactly("owner");
  }

  @Test
  void deletingAGroupDropsItsPermissionsAndDeletingARepositoryDropsItsGrants() {
    Repositories.Repo web = store.repositories().create("acme", "web", "owner", java.time.Instant.EPOCH);
    Repositories.Repo api = store.repositories().create("acme", "api", "owner", java.time.Instant.EPOCH);
    Group devs = groups.create("acme", "devs", "");
    Group ops = groups.create("acme", "ops", "");
    groups.grant(devs, web, "write");
    groups.grant(ops, web, "read");
    groups.grant(ops, api, "admin");
    assertThat(groups.withAccessTo("acme", "web")).containsExactly(devs, ops);
    groups.delete(devs);
    assertThat(groups.withAccessTo("acme", "web")).containsExactly(ops);
    Group again = groups.create("acme", "devs", "");
    assertThat(again.repositories).as("a new group of the same name starts without permissions").isEmpty();
    assertThat(again.id).isNotEqualTo(devs.id);
    store.repositories().delete(web);
    assertThat(groups.withAccessTo("acme", "web")).as("the deletion hook ran").isEmpty();
    Repositories.Repo newWeb = store.repositories().create("acme", "web", "owner", java.time.Instant.EPOCH);
    assertThat(groups.permission(ops, newWeb)).as("a new repository of the name starts clean").isNull();
    assertThat(groups.permission(ops, api)).isEqualTo("admin");
    assertThat(groups.revoke(ops, api)).isTrue();
    assertThat(groups.revoke(ops, api)).isFalse();
    Repositories.Repo foreign = store.repositories().create("other", "web", "alice", java.time.Instant.EPOCH);
    assertThatThrownBy(() -> groups.grant(ops, foreign, "read")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> groups.grant(ops, newWeb, "owner")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void grantsPerGroupAreBounded() {
    Group devs = groups.create("acme", "devs", "");
    for (int i = 0; i < Groups.MAX_GRANTS_PER_GROUP; i++) {
      groups.grant(devs, store.repositories().create("acme", "r" + i, "owner", java.time.Instant.EPOCH), "read");
    }
    Repositories.Repo r0 = store.repositories().repo("acme", "r0");
    groups.grant(devs, r0, "admin");
    assertThat(groups.permission(devs, r0)).as("changing one at the limit is fine").isEqualTo("admin");
    Repositories.Repo extra = store.repositories().create("acme", "extra", "owner", java.time.Instant.EPOCH);
    assertThatThrownBy(() -> groups.grant(devs, extra, "read")).isInstanceOf(Groups.Refused.class)
        .hasMessageContaining("most repositories");
  }

  @Test
  void namesAreUniqueRenamesKeepOrderAndTheCountIsBounded() {
    Group a = groups.create("acme", "a", "");
    groups.create("acme", "b", "");
    assertThatThrownBy(() -> groups.create("acme", "a", "")).isInstanceOf(Groups.Refused.class);
    assertThatThrownBy(() -> groups.rename(a, "b")).isInstanceOf(Groups.Refused.class);
    groups.rename(a, "z");
    assertThat(groups.of("acme")).extracting(g -> g.name).containsExactly("z", "b");
    assertThat(groups.get("acme", "a")).isNull();
    assertThat(groups.byId("acme", a.id)).isSameAs(a);
    assertThat(groups.byId("other", a.id)).as("ids are looked up within the organization").isNull();
    for (int i = groups.of("acme").size(); i < Groups.MAX_GROUPS_PER_ORG; i++) {
      groups.create("acme", "g" + i, "");
    }
    assertThatThrownBy(() -> groups.create("acme", "full", "")).isInstanceOf(Groups.Refused.class)
        .hasMessageContaining("most groups");
    assertThatThrownBy(() -> groups.create("nowhere", "x", "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clearStartsTheIdsAgain() {
    long first = groups.create("acme", "devs", "").id;
    store.clear();
    store.accounts().addOrg("acme", Plan.TEAM);
    assertThat(groups.of("acme")).isEmpty();
    assertThat(groups.create("acme", "devs", "").id).isEqualTo(first);
  }
}
