package io.github.hubsdk.emulator.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.RetryAfterFormat;
import io.github.hubsdk.emulator.internal.auth.Authenticator;
import io.github.hubsdk.emulator.internal.auth.Jwt;
import io.github.hubsdk.emulator.internal.rate.RetryAfter;
import io.github.hubsdk.emulator.internal.resources.Resources;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The locking rule of the {@link Dispatch}: handlers declared {@code readOnly} run side by side, every
 * other handler alone, and the declaration is refused where it cannot be true. Concurrency is shown by
 * two handlers meeting at a barrier (which only both can pass), never by timing.
 */
class ReadWriteLockingTest {

  /**
   * How long a handler waits at the barrier for the other: long where they must meet (a loaded machine may
   * start the second thread late), short where they must not (the test then waits it out twice).
   */
  private static final long MUST_MEET_MILLIS = 30_000;
  private static final long MUST_NOT_MEET_MILLIS = 1_000;

  private final Store store = new Store(100);
  private final Authenticator auth = new Authenticator(store, Clock.systemUTC(), new Jwt(new byte[32]),
      Duration.ofMinutes(10), 5, Duration.ofMinutes(10));
  private final HubContext hub = new HubContext(store, auth);
  private final ErrorDialect dialect = new ErrorDialect(Clock.systemUTC(),
      new RetryAfter(Clock.systemUTC(), RetryAfterFormat.DELTA_SECONDS, false));
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Serves the org-settings tag; both handlers wait at one barrier, so they return only if they meet. */
  abstract static class Meeting {
    final CyclicBarrier barrier = new CyclicBarrier(2);
    final long waitMillis;

    Meeting(long waitMillis) {
      this.waitMillis = waitMillis;
    }

    Reply meet() {
      try {
        barrier.await(waitMillis, TimeUnit.MILLISECONDS);
        return Reply.noContent();
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        throw HubError.edge(503, "did not meet");
      }
    }
  }

  static final class ReadOnlyReads extends Meeting {
    ReadOnlyReads(long waitMillis) {
      super(waitMillis);
    }

    @Handles(value = "getOrgSettings", readOnly = true)
    Reply get(Call c) {
      return meet();
    }

    @Handles("updateOrgSettings")
    Reply update(Call c) {
      return meet();
    }
  }

  static final class UndeclaredReads extends Meeting {
    UndeclaredReads(long waitMillis) {
      super(waitMillis);
    }

    @Handles("getOrgSettings")
    Reply get(Call c) {
      return meet();
    }

    @Handles("updateOrgSettings")
    Reply update(Call c) {
      return meet();
    }
  }

  static final class ReadOnlyWrite {
    @Handles(value = "updateOrgSettings", readOnly = true)
    Reply update(Call c) {
      return Reply.noContent();
    }
  }

  static final class WritingReader {
    private final Store store;

    WritingReader(Store store) {
      this.store = store;
    }

    @Handles(value = "getOrgSettings", readOnly = true)
    Reply get(Call c) {
      store.write(() -> store.accounts().addUser("sneaky", "pw", Plan.FREE));
      return Reply.noContent();
    }

    @Handles("updateOrgSettings")
    Reply update(Call c) {
      return Reply.noContent();
    }
  }

  /** The real resources, with the org-settings one replaced by {@code settings}. */
  private Dispatch dispatchWith(Object settings) {
    List<Object> resources = new ArrayList<>();
    for (Object r : Resources.all(hub)) {
      if (!r.getClass().getSimpleName().equals("OrgSettingsResource")) {
        resources.add(r);
      }
    }
    resources.add(settings);
    return new Dispatch(resources, store, auth, dialect);
  }

  private int[] twoAtOnce(Dispatch dispatch, HubOperation first, HubOperation second) throws Exception {
    store.write(() -> store.accounts().addUser("mona", "pw", Plan.PRO));
    String bearer = "Bearer " + store.write(() -> auth.issuePassword("mona"));
    Future<Reply> a = pool.submit(() -> dispatch.call(match(first), request(first, bearer)));
    Future<Reply> b = pool.submit(() -> dispatch.call(match(second), request(second, bearer)));
    return new int[] {a.get(60, TimeUnit.SECONDS).status(), b.get(60, TimeUnit.SECONDS).status()};
  }

  private static Router.Match match(HubOperation op) {
    return new Router.Match(op, false, Map.of("org", "acme"), List.of());
  }

  private static Request request(HubOperation op, String bearer) {
    return new Request(op.method(), "/v2/orgs/acme/settings", null, Map.of("Authorization", List.of(bearer)),
        new byte[0], "127.0.0.1");
  }

  @Test
  void twoReadOnlyHandlersRunAtTheSameTime() throws Exception {
    int[] statuses = twoAtOnce(dispatchWith(new ReadOnlyReads(MUST_MEET_MILLIS)), HubOperation.byId("getOrgSettings"),
        HubOperation.byId("getOrgSettings"));
    assertThat(statuses).containsExactly(204, 204);
  }

  @Test
  void aReadNeverRunsBesideAWrite() throws Exception {
    int[] statuses = twoAtOnce(dispatchWith(new ReadOnlyReads(MUST_NOT_MEET_MILLIS)), HubOperation.byId("getOrgSettings"),
        HubOperation.byId("updateOrgSettings"));
    // One ran alone: it waited at the barrier for the other, gave up, and only then the other ran (and gave up too).
    assertThat(statuses).containsExactly(503, 503);
  }

  @Test
  void aHandlerThatDoesNotSayItOnlyReadsRunsAlone() throws Exception {
    int[] statuses = twoAtOnce(dispatchWith(new UndeclaredReads(MUST_NOT_MEET_MILLIS)), HubOperation.byId("getOrgSettings"),
        HubOperation.byId("getOrgSettings"));
    assertThat(statuses).containsExactly(503, 503);
  }

  @Test
  void readOnlyOnAnOperationThatIsNotAGetIsAStartError() {
    assertThatThrownBy(() -> Dispatch.scan(List.of(new ReadOnlyWrite())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("updateOrgSettings is a PUT, so it is not read-only");
  }

  @Test
  void aWriteFromInsideAReadOnlyHandlerFailsInsteadOfDeadlocking() {
    Dispatch dispatch = dispatchWith(new WritingReader(store));
    store.write(() -> store.accounts().addUser("mona", "pw", Plan.PRO));
    String bearer = "Bearer " + store.write(() -> auth.issuePassword("mona"));
    HubOperation get = HubOperation.byId("getOrgSettings");
    assertThatThrownBy(() -> dispatch.call(match(get), request(get, bearer)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("drop readOnly = true");
    assertThat(store.read(() -> store.accounts().user("sneaky"))).isNull();
  }

  @Test
  void theExistingReadOnlyHandlersAreTheGetsThatChangeNothing() {
    List<String> readOnly = new ArrayList<>();
    Dispatch.scan(Resources.all(hub)).forEach((op, h) -> {
      if (h.readOnly()) {
        readOnly.add(op.operationId());
      }
    });
    // The GETs that are not here change state (none today); each one added must be checked by hand.
    assertThat(readOnly).containsExactlyInAnyOrder("listAccessTokens", "getAccessToken", "getCurrentUser", "getUser",
        "listCurrentUserOrgs", "getOrganization", "listAuditLogs", "listAuditLogActions", "listRepositoryImages",
        "listImageTags", "getImagesSummary", "getOrgSettings", "listRepositoryTags", "getRepositoryTag");
  }

  /**
   * {@code synchronized (store)} no longer keeps readers out: the state is guarded by the store's
   * read-write lock. Code merged from before the change that still uses the monitor must move to
   * {@code store.write(..)} (or {@code store.read(..)}).
   */
  @Test
  void nothingGuardsTheStateWithTheStoresMonitorAnyMore() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      // Store itself names the old rule in its Javadoc.
      for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("Store.java")).toList()) {
        String text = Files.readString(f).replaceAll("\\s+", "");
        if (text.matches("(?s).*synchronized\\((this\\.)?(hub\\.)?store(\\(\\))?\\).*")) {
          offenders.add(main.relativize(f).toString());
        }
      }
    }
    assertThat(offenders).as("use store.write(..) / store.read(..) instead of synchronized (store)").isEmpty();
  }
}
