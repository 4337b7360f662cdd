package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.MemberFilter;
import io.github.hubsdk.client.MemberRecord;
import io.github.hubsdk.client.OatResource;
import io.github.hubsdk.client.OrgInvites;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.ConflictException;
import io.github.hubsdk.client.error.ForbiddenException;
import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.PlanRequiredException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.Role;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.junit.EmulatorSeed;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.OrgAccessToken;
import io.github.hubsdk.openapi.model.OrgMember;
import io.github.hubsdk.openapi.model.OrgMemberTypeFilter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Organization administration through DockerHubClient: OATs, members (CSV export, roles), bulk invites. */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class OrgAdminE2eTest extends SpecCheckedE2e {

  DockerHubEmulator hub;
  DockerHubClient client;

  @EmulatorSeed
  static void org(Seeder s) {
    s.user("alice", "alice-pw");
    s.user("bob", "bob-pw");
    s.user("octocat", "octo-pw");
    s.org("acme", Plan.BUSINESS).owners(DockerHubEmulator.DEFAULT_USERNAME);
    s.org("acme").member("alice", Role.EDITOR).member("bob", Role.MEMBER).email("alice", "alice@acme.test")
        .joinedDaysAgo("alice", 30);
    s.profile("alice").fullName("Smith, Alice \"Al\"");
    s.profile("bob").fullName("Bob \"the builder\" Jones");
    s.org("smallco", Plan.FREE).owners(DockerHubEmulator.DEFAULT_USERNAME);
  }

  @Test
  void anAccessTokensLifeFromCreateToDeleteWithTheSecretShownOnce() {
    Logger sdk = (Logger) LoggerFactory.getLogger("io.github.hubsdk");
    Level before = sdk.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    sdk.addAppender(appender);
    sdk.setLevel(Level.DEBUG);
    OrgAccessToken created;
    try {
      created = client.org("acme").accessTokens().create("release", "CI releases",
          List.of(OatResource.repository("acme/*", OatResource.PULL)),
          OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    } finally {
      sdk.detachAppender(appender);
      sdk.setLevel(before);
    }
    String secret = created.getToken();
    assertThat(secret).startsWith("dckr_oat_");
    assertThat(created.toString()).doesNotContain(secret);
    assertThat(appender.list).as("the wire log was on").isNotEmpty();
    appender.list.forEach(e -> assertThat(e.getFormattedMessage()).doesNotContain(secret));

    UUID id = created.getId();
    assertThat(client.org("acme").accessTokens().get(id).getToken()).isNull();
    assertThat(client.org("acme").accessTokens().get(id).getResources()).extracting(OatResource::of)
        .containsExactly(OatResource.repository("acme/*", OatResource.PULL));
    try (DockerHubClient ci = DockerHubClient.builder().baseUrl(hub.baseUrl()).clock(hub.clock())
        .credentials(Credentials.organizationAccessToken("acme", secret)).build()) {
      assertThat(ci.account().getUsername()).isEqualTo("acme");
    }
    assertThat(client.org("acme").accessTokens().list().stream().map(OrgAccessToken::getLabel)).containsExactly("release");
    assertThat(client.org("acme").accessTokens().list().firstPage().totalCount()).hasValue(1L);
    assertThat(client.org("acme").accessTokens().deactivate(id).getIsActive()).isFalse();
    try (DockerHubClient ci = DockerHubClient.builder().baseUrl(hub.baseUrl()).clock(hub.clock())
        .credentials(Credentials.organizationAccessToken("acme", secret)).build()) {
      assertThatThrownBy(ci::account).isInstanceOf(io.github.hubsdk.client.error.LoginFailedException.class);
    }
    client.org("acme").accessTokens().delete(id);
    assertThatThrownBy(() -> client.org("acme").accessTokens().get(id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.org("smallco").accessTokens().list().toList())
        .isInstanceOf(PlanRequiredException.class);
    assertThatThrownBy(() -> client.org("acme").accessTokens().create(" ")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> OatResource.repository("web", OatResource.PULL)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.org("acme").accessTokens().create("x",
        OatResource.repository("other/web", OatResource.PULL))).isInstanceOf(BadRequestException.class);
  }

  @Test
  void theCsvExportKeepsCommasAndQuotesInNames() {
    String csv = client.org("acme").members().exportCsv();
    assertThat(csv).startsWith("Name,Username,Email,Type,Permission,Teams,Date Joined\n")
        .contains("\"Smith, Alice \"\"Al\"\"\",alice,alice@acme.test,User,Editor,");
    List<MemberRecord> records = client.org("acme").members().export().toList();
    assertThat(records).extracting(MemberRecord::name)
        .containsExactly("Smith, Alice \"Al\"", "Bob \"the builder\" Jones", "");
    MemberRecord alice = records.get(0);
    assertThat(alice.username()).isEqualTo("alice");
    assertThat(alice.permission()).isEqualTo("Editor");
    assertThat(alice.joinedAt()).hasValue(Instant.parse(E2eSupport.T0).minusSeconds(30L * 86_400));
    assertThat(records.get(2).username()).isEqualTo(DockerHubEmulator.DEFAULT_USERNAME);
    assertThat(records.get(2).permission()).isEqualTo("Owner");
  }

  @Test
  void membersAreFilteredAndRolesChange() {
    assertThat(client.org("acme").members().list().stream().map(OrgMember::getUsername))
        .containsExactly("alice", "bob", DockerHubEmulator.DEFAULT_USERNAME);
    assertThat(client.org("acme").members().list(MemberFilter.all().search("smith")).stream().map(OrgMember::getUsername))
        .containsExactly("alice");
    assertThat(client.org("acme").members().list(MemberFilter.all().role("editor")).stream().map(OrgMember::getUsername))
        .containsExactly("alice");
    assertThat(client.org("acme").members().changeRole("bob", "Editor").getRole()).isEqualTo("Editor");
    assertThat(client.org("acme").members().changeRole("bob", "Release Manager").getRole()).isEqualTo("Release Manager");
    assertThat(client.org("acme").members().list(MemberFilter.all().role("Release Manager")).toList()).hasSize(1);
    assertThatThrownBy(() -> client.org("acme").members().changeRole(DockerHubEmulator.DEFAULT_USERNAME, "Member"))
        .as("the last owner").isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> client.org("acme").members().changeRole("bob", "Invitee"))
        .isInstanceOf(InvalidRequestException.class);
    try (DockerHubClient alice = E2eSupport.client(hub, Credentials.password("alice", "alice-pw"))) {
      assertThatThrownBy(() -> alice.org("acme").members().changeRole("bob", "Owner")).isInstanceOf(ForbiddenException.class);
      assertThat(alice.org("acme").members().list().toList()).hasSize(3);
    }
    client.org("acme").members().remove("bob");
    assertThat(client.org("acme").members().list().stream().map(OrgMember::getUsername)).doesNotContain("bob");
    assertThatThrownBy(() -> client.org("acme").members().remove("bob")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aBulkInviteIsADryRunUntilAskedOtherwise() {
    OrgInvites invites = client.org("acme").invites();
    OrgInvites.BulkInvite invite = invites.invite(List.of("jane@example.com", "octocat", "octocat", "no-such-user-42"))
        .team("web-team");
    OrgInvites.InviteOutcome plan = invite.submit();
    assertThat(plan.dryRun()).isTrue();
    assertThat(plan.results()).hasSize(3);
    assertThat(plan.allInvitable()).isFalse();
    assertThat(plan.refused()).extracting(r -> r.getInvitee()).containsExactly("no-such-user-42");
    assertThat(invites.list()).as("a dry run invites nobody").isEmpty();

    OrgInvites.InviteOutcome real = invites.invite(List.of("jane@example.com", "octocat")).team("web-team")
        .dryRun(false).submit();
    assertThat(real.dryRun()).isFalse();
    assertThat(real.allInvitable()).isTrue();
    assertThat(invites.list()).extracting(i -> i.getInvitee()).containsExactly("jane@example.com", "octocat");
    assertThat(client.org("acme").members().list(MemberFilter.all().type(OrgMemberTypeFilter.INVITEE)).toList())
        .hasSize(2);
    assertThatThrownBy(() -> invites.invite(List.of("octocat")).submit()).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> invites.invite(List.of("alice")).submit()).isInstanceOf(ConflictException.class);
    UUID first = invites.list().get(0).getId();
    invites.resend(first);
    invites.cancel(first);
    assertThat(invites.list()).extracting(i -> i.getInvitee()).containsExactly("octocat");
    assertThatThrownBy(() -> invites.cancel(first)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> invites.invite(List.of())).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> invites.invite(List.of("x")).role("invitee")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void wrongCredentialsFailTheLoginBeforeAnyMemberCall() {
    try (DockerHubClient wrong = E2eSupport.noRetries(hub, Credentials.password("alice", "wrong-password"))) {
      assertThatThrownBy(() -> wrong.org("acme").members().list().toList()).isInstanceOf(
          io.github.hubsdk.client.error.LoginFailedException.class);
    }
  }
}
