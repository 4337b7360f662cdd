package io.github.hubsdk.client.retention;

import io.github.hubsdk.client.error.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A tag source in memory, with failures that can be injected where a real listing would fail. */
class FakeTags implements TagSource {

  final Map<String, Map<String, TagInfo>> repos = new ConcurrentHashMap<>();
  final Map<String, List<String>> immutable = new ConcurrentHashMap<>();
  final List<String> deleted = new CopyOnWriteArrayList<>();
  final List<String> order = new CopyOnWriteArrayList<>();
  /** Thrown by the tag listing of a repository after this many tags were delivered. */
  final Map<String, Map.Entry<Integer, Supplier<RuntimeException>>> tagFailures = new ConcurrentHashMap<>();
  final Map<String, Supplier<RuntimeException>> deleteFailures = new ConcurrentHashMap<>();
  final Map<String, Supplier<RuntimeException>> readFailures = new ConcurrentHashMap<>();
  /** The repository listing fails after this many names. */
  volatile int repoListFailsAfter = -1;
  volatile Supplier<RuntimeException> repoListFailure;
  volatile long listingDelayMillis;
  final AtomicInteger listing = new AtomicInteger();
  final AtomicInteger peakListing = new AtomicInteger();
  String endpoint = "fake://hub";

  FakeTags repo(String name, TagInfo... tags) {
    Map<String, TagInfo> m = new LinkedHashMap<>();
    for (TagInfo t : tags) {
      m.put(t.name(), t);
    }
    repos.put(name, java.util.Collections.synchronizedMap(m));
    order.add(name);
    return this;
  }

  static TagInfo tag(String name, Instant pushed, Instant pulled) {
    return new TagInfo(name, "sha256:" + "%064x".formatted(name.hashCode() & 0xffffffffL), pushed, pulled);
  }

  void replace(String repo, TagInfo t) {
    repos.get(repo).put(t.name(), t);
  }

  @Override
  public String endpoint() {
    return endpoint;
  }

  @Override
  public Iterable<String> repositories(String namespace) {
    return () -> new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        if (repoListFailsAfter >= 0 && i >= repoListFailsAfter) {
          throw repoListFailure.get();
        }
        return i < order.size();
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return order.get(i++);
      }
    };
  }

  @Override
  public Iterable<TagInfo> tags(String namespace, String repository) {
    return () -> {
      peakListing.accumulateAndGet(listing.incrementAndGet(), Math::max);
      try {
        if (listingDelayMillis > 0) {
          Thread.sleep(listingDelayMillis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        listing.decrementAndGet();
      }
      List<TagInfo> all = new ArrayList<>(repos.get(repository).values());
      var failure = tagFailures.get(repository);
      return new Iterator<>() {
        private int i;

        @Override
        public boolean hasNext() {
          if (failure != null && i >= failure.getKey()) {
            throw failure.getValue().get();
          }
          return i < all.size();
        }

        @Override
        public TagInfo next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return all.get(i++);
        }
      };
    };
  }

  @Override
  public Optional<TagInfo> tag(String namespace, String repository, String tag) {
    Supplier<RuntimeException> f = readFailures.get(repository + ":" + tag);
    if (f != null) {
      throw f.get();
    }
    return Optional.ofNullable(repos.get(repository).get(tag));
  }

  @Override
  public List<String> immutableTagRules(String namespace, String repository) {
    return immutable.getOrDefault(repository, List.of());
  }

  @Override
  public void delete(String namespace, String repository, String tag) {
    Supplier<RuntimeException> f = deleteFailures.get(repository + ":" + tag);
    if (f != null) {
      throw f.get();
    }
    if (repos.get(repository).remove(tag) == null) {
      throw new NotFoundException("no such tag", 404, "deleteRepositoryTag", null, null, null);
    }
    deleted.add(repository + ":" + tag);
  }
}
