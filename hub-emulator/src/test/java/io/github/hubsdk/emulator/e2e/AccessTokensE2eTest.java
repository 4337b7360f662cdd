package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.InvalidRequestException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.junit.EnableDockerHubEmulator;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.AuditLogEvent;
import io.github.hubsdk.openapi.model.UpdateAccessTokenRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The personal access token lifecycle through DockerHubClient, and 8 threads sharing one client. */
@EnableDockerHubEmulator(clock = E2eSupport.T0)
class AccessTokensE2eTest extends SpecCheckedE2e {

  DockerHubEmulator hub;
  DockerHubClient client;

  @Test
  void createListGetUpdateActivateDeactivateRenameDelete() {
    OffsetDateTime expires = OffsetDateTime.parse("2027-01-01T00:00:00Z");
    AccessToken created = client.accessTokens().create("deploy", List.of(AccessTokenScope.REPO_WRITE), expires);
    assertThat(created.getToken()).startsWith("dckr_pat_");
    assertThat(created.getScopes()).containsExactly(AccessTokenScope.REPO_WRITE);
    assertThat(created.getExpiresAt()).isEqualTo(expires);
    assertThat(created.getIsActive()).isTrue();
    UUID id = created.getUuid();

    List<AccessToken> listed = client.accessTokens().list().toList();
    assertThat(listed).extracting(AccessToken::getUuid).containsExactly(id);
    assertThat(listed.get(0).getToken()).as("secret blank in listings").isEmpty();
    assertThat(client.accessTokens().get(id).getToken()).as("and in get").isEmpty();

    assertThat(client.accessTokens().deactivate(id).getIsActive()).isFalse();
    assertThat(client.accessTokens().get(id).getIsActive()).isFalse();
    assertThat(client.accessTokens().activate(id.toString()).getIsActive()).isTrue();
    assertThat(client.accessTokens().rename(id, "deploy-2").getTokenLabel()).isEqualTo("deploy-2");
    AccessToken both = client.accessTokens().update(id, new UpdateAccessTokenRequest().tokenLabel("deploy-3").isActive(false));
    assertThat(both.getTokenLabel()).isEqualTo("deploy-3");
    assertThat(both.getIsActive()).isFalse();
    assertThat(both.getScopes()).as("scopes never change").containsExactly(AccessTokenScope.REPO_WRITE);

    client.accessTokens().delete(id);
    assertThatThrownBy(() -> client.accessTokens().get(id)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.accessTokens().delete(id)).isInstanceOf(NotFoundException.class);
    assertThat(client.accessTokens().list().toList()).isEmpty();

    List<String> actions = client.auditLogs(DockerHubEmulator.DEFAULT_USERNAME).list().stream()
        .map(AuditLogEvent::getAction).toList();
    assertThat(actions).containsExactly("pat.delete", "pat.update", "pat.update", "pat.update", "pat.update",
        "pat.create");
  }

  @Test
  void listingPagesAndCountsActiveTokens() {
    for (int i = 0; i < 23; i++) {
      AccessToken t = client.accessTokens().create("t" + i, List.of(AccessTokenScope.REPO_READ));
      if (i % 2 == 0) {
        client.accessTokens().deactivate(t.getUuid());
      }
    }
    assertThat(client.accessTokens().list().pageSize(5).toList()).hasSize(23)
        .extracting(AccessToken::getTokenLabel).doesNotHaveDuplicates();
    assertThat(client.accessTokens().list().firstPage().totalCount()).hasValue(23);
    assertThat(E2eSupport.requests(hub, "GET", "/v2/access-tokens")).hasSize(5 + 1);
  }

  @Test
  void aLabelTheApiWouldRefuseIsRefusedBeforeAnyRequest() {
    String tooLong = "x".repeat(101);
    assertThatThrownBy(() -> client.accessTokens().create(tooLong, List.of(AccessTokenScope.REPO_READ)))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(hub.requestCount()).isZero();
  }

  @Test
  void eightThreadsCreatingAndDeletingThroughOneClientLeaveExactlyTheExpectedTokens() throws Exception {
    int threads = 8;
    int perThread = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    Set<UUID> kept = ConcurrentHashMap.newKeySet();
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          go.await();
          List<UUID> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            mine.add(client.accessTokens().create("w" + thread + "-" + i, List.of(AccessTokenScope.REPO_READ)).getUuid());
          }
          for (int i = 0; i < perThread; i++) {
            if (i % 3 == 0) {
              client.accessTokens().delete(mine.get(i)); // 4 of 12 deleted
            } else {
              kept.add(mine.get(i));
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<AccessToken> left = client.accessTokens().list().toList();
    assertThat(left).hasSize(threads * 8);
    assertThat(left.stream().map(AccessToken::getUuid).collect(Collectors.toSet())).isEqualTo(kept);
    assertThat(left).extracting(AccessToken::getTokenLabel).doesNotHaveDuplicates()
        .allMatch(l -> Integer.parseInt(l.substring(l.indexOf('-') + 1)) % 3 != 0);
    assertThat(E2eSupport.requests(hub, "POST", "/v2/auth/token")).as("one login for all threads").hasSize(1);
    assertThat(client.auditLogs(DockerHubEmulator.DEFAULT_USERNAME).list().stream()
        .filter(e -> e.getAction().equals("pat.create")).count()).isEqualTo(threads * perThread);
  }
}
