package io.github.hubsdk.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.SpecChecks;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.AuditLogEvent;
import io.github.hubsdk.openapi.model.Image;
import io.github.hubsdk.openapi.model.ImagesSummary;
import io.github.hubsdk.openapi.model.UpdateAccessTokenRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Many threads mixing reads (which run side by side under the store's read lock) and writes (alone,
 * under its write lock) through one {@link DockerHubClient}: every answer is whole and consistent, no
 * request fails, and the state at the end is exactly what the writers did. Nothing here depends on time.
 */
class ConcurrentReadsAndWritesE2eTest {

  private static final int WRITERS = 4;
  private static final int TOKEN_READERS = 4;
  private static final int IMAGE_READERS = 3;
  private static final int ROUNDS = 15;
  private static final int BIG_REPO_IMAGES = 150;
  private static final Pattern LABEL = Pattern.compile("w\\d-\\d+(-renamed)?");

  @Test
  void readersAndWritersTogetherSeeConsistentAnswersAndLeaveExactlyWhatWasWritten() throws Exception {
    SpecChecks spec = new SpecChecks();
    AtomicInteger serverErrors = new AtomicInteger();
    Queue<String> problems = new ConcurrentLinkedQueue<>();
    try (DockerHubEmulator hub = DockerHubEmulator.builder()
        .seed(s -> s.repository(DockerHubEmulator.DEFAULT_USERNAME, "big").images(BIG_REPO_IMAGES))
        .exchangeListener(spec)
        .exchangeListener(e -> {
          if (e.status() >= 500) {
            serverErrors.incrementAndGet();
          }
        })
        .start();
        DockerHubClient client = E2eSupport.client(hub, E2eSupport.defaultUser())) {
      client.login();
      // uuid -> label the writer last gave it; absent once deleted
      Map<UUID, String> live = new ConcurrentHashMap<>();
      AtomicLong creates = new AtomicLong();
      AtomicLong deletes = new AtomicLong();
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong reads = new AtomicLong();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS + TOKEN_READERS + IMAGE_READERS);
      List<Future<?>> writers = new ArrayList<>();
      List<Future<?>> readers = new ArrayList<>();
      try {
        for (int w = 0; w < WRITERS; w++) {
          int id = w;
          writers.add(pool.submit(() -> {
            start.await();
            List<UUID> mine = new ArrayList<>();
            for (int k = 0; k < ROUNDS; k++) {
              AccessToken t = client.accessTokens().create("w" + id + "-" + k, List.of(AccessTokenScope.REPO_READ));
              creates.incrementAndGet();
              live.put(t.getUuid(), t.getTokenLabel());
              mine.add(t.getUuid());
              ThreadLocalRandom random = ThreadLocalRandom.current();
              UUID some = mine.get(random.nextInt(mine.size()));
              switch (random.nextInt(3)) {
                case 0 -> {
                  String label = "w" + id + "-" + k + "-renamed";
                  client.accessTokens().update(some, new UpdateAccessTokenRequest().tokenLabel(label));
                  live.put(some, label);
                }
                case 1 -> client.accessTokens().update(some, new UpdateAccessTokenRequest().isActive(random.nextBoolean()));
                default -> {
                  client.accessTokens().delete(some);
                  live.remove(some);
                  mine.remove(some);
                  deletes.incrementAndGet();
                }
              }
            }
            return null;
          }));
        }
        for (int r = 0; r < TOKEN_READERS; r++) {
          readers.add(pool.submit(() -> {
            start.await();
            while (writing.get()) {
              Page<AccessToken> page = client.accessTokens().list().pageSize(100).firstPage();
              reads.incrementAndGet();
              List<AccessToken> items = page.items();
              Set<UUID> seen = new HashSet<>();
              for (AccessToken t : items) {
                if (!seen.add(t.getUuid())) {
                  problems.add("token listed twice in one page: " + t.getUuid());
                }
                if (!LABEL.matcher(t.getTokenLabel()).matches()) {
                  problems.add("a label no writer wrote: " + t.getTokenLabel());
                }
              }
              long count = page.totalCount().orElse(-1);
              if (count <= 100 && count != items.size()) {
                problems.add("count " + count + " but " + items.size() + " results in a single page");
              }
              UUID any = items.isEmpty() ? null : items.get(ThreadLocalRandom.current().nextInt(items.size())).getUuid();
              if (any != null) {
                try {
                  AccessToken one = client.accessTokens().get(any);
                  if (!one.getUuid().equals(any)) {
                    problems.add("asked for " + any + ", got " + one.getUuid());
                  }
                } catch (NotFoundException deletedMeanwhile) {
                  // a writer deleted it between the two reads: fine
                }
              }
              client.account();
              reads.incrementAndGet();
            }
            return null;
          }));
        }
        for (int r = 0; r < IMAGE_READERS; r++) {
          readers.add(pool.submit(() -> {
            start.await();
            while (writing.get()) {
              List<Image> images = client.images(DockerHubEmulator.DEFAULT_USERNAME, "big").list().pageSize(100).toList();
              Set<String> digests = new HashSet<>();
              images.forEach(i -> digests.add(i.getDigest()));
              if (images.size() != BIG_REPO_IMAGES || digests.size() != BIG_REPO_IMAGES) {
                problems.add("listed " + images.size() + " images (" + digests.size() + " distinct), expected "
                    + BIG_REPO_IMAGES);
              }
              ImagesSummary summary = client.images(DockerHubEmulator.DEFAULT_USERNAME, "big").summary();
              int total = summary.getStatistics().getTotal();
              if (total != BIG_REPO_IMAGES || summary.getStatistics().getActive() + summary.getStatistics().getInactive() != total) {
                problems.add("summary does not add up: " + summary.getStatistics());
              }
              reads.addAndGet(4);
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : writers) {
          f.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        for (Future<?> f : readers) {
          f.get(5, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(problems).isEmpty();
      assertThat(serverErrors).hasValue(0);
      assertThat(reads.get()).as("the readers ran while the writers wrote").isPositive();

      // The end state is exactly what the writers did, across families.
      List<AccessToken> left = client.accessTokens().list().toList();
      Map<UUID, String> listed = new ConcurrentHashMap<>();
      left.forEach(t -> listed.put(t.getUuid(), t.getTokenLabel()));
      assertThat(listed).isEqualTo(live);
      assertThat(creates.get()).isEqualTo(WRITERS * ROUNDS);
      assertThat((long) live.size()).isEqualTo(creates.get() - deletes.get());
      List<AuditLogEvent> audit = client.auditLogs(DockerHubEmulator.DEFAULT_USERNAME).list().toList();
      assertThat(audit.stream().filter(e -> e.getAction().equals("pat.create")).count()).isEqualTo(creates.get());
      assertThat(audit.stream().filter(e -> e.getAction().equals("pat.delete")).count()).isEqualTo(deletes.get());
      assertThat(spec.failures()).isEmpty();
    }
  }
}
