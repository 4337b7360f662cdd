package io.github.hubsdk.client.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.NotFoundException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FanOutTest {

  private static List<Integer> inputs(int n) {
    return IntStream.rangeClosed(1, n).boxed().toList();
  }

  @Test
  void resultsComeInTheInputsOrderWhateverFinishesFirst() {
    try (Stream<FanOut.Result<Integer, Integer>> s = FanOut.over(inputs(20)).parallelism(8).map(i -> {
      sleep(i % 3 == 0 ? 30 : 1);
      return i * 10;
    })) {
      assertThat(s.map(FanOut.Result::value).toList()).isEqualTo(inputs(20).stream().map(i -> i * 10).toList());
    }
  }

  @Test
  void atMostNInputsAreWorkedOnOrWaitingAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    try (Stream<FanOut.Result<Integer, Integer>> s = FanOut.over(inputs(40)).parallelism(4).map(i -> {
      started.incrementAndGet();
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      sleep(5);
      running.decrementAndGet();
      return i;
    })) {
      var it = s.iterator();
      it.next();
      sleep(100);
      assertThat(started.get()).as("nothing beyond the window starts while the reader holds back").isLessThanOrEqualTo(5);
      it.forEachRemaining(r -> { });
    }
    assertThat(peak.get()).isLessThanOrEqualTo(4);
    assertThat(started.get()).isEqualTo(40);
  }

  @Test
  void theFirstFailureEndsTheStreamAtItsPlace() {
    AtomicInteger started = new AtomicInteger();
    List<Integer> seen = new java.util.ArrayList<>();
    assertThatThrownBy(() -> {
      try (Stream<FanOut.Result<Integer, Integer>> s = FanOut.over(inputs(100)).parallelism(4).map(i -> {
        started.incrementAndGet();
        if (i == 5) {
          throw new NotFoundException("404 from getRepository", 404, "getRepository", null, null, null);
        }
        return i;
      })) {
        s.forEach(r -> seen.add(r.value()));
      }
    }).isInstanceOf(NotFoundException.class);
    assertThat(seen).containsExactly(1, 2, 3, 4);
    assertThat(started.get()).as("the inputs after the failure are not all run").isLessThan(20);
  }

  @Test
  void collectedErrorsAreHandedOverAndTheRestGoesOn() {
    try (Stream<FanOut.Result<Integer, Integer>> s = FanOut.over(inputs(10)).parallelism(3).collectErrors().map(i -> {
      if (i % 4 == 0) {
        throw new IllegalStateException("boom " + i);
      }
      return i;
    })) {
      List<FanOut.Result<Integer, Integer>> all = s.toList();
      assertThat(all).hasSize(10);
      assertThat(all.stream().filter(FanOut.Result::failed).map(FanOut.Result::input)).containsExactly(4, 8);
      assertThat(all.get(3).error()).isInstanceOf(DockerHubException.class).hasMessageContaining("boom 4");
    }
  }

  @Test
  void flatMapStreamsEveryItemOfEveryInputInOrder() {
    try (Stream<FanOut.Result<String, String>> s = FanOut.over(List.of("a", "b", "c")).parallelism(3)
        .flatMap(x -> List.of(x + "1", x + "2"))) {
      assertThat(s.map(r -> r.input() + ":" + r.value()).collect(Collectors.joining(" ")))
          .isEqualTo("a:a1 a:a2 b:b1 b:b2 c:c1 c:c2");
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
