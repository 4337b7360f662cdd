package io.github.hubsdk.client.retention;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.MalformedResponseException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.openapi.model.ImmutableTagsSettings;
import io.github.hubsdk.openapi.model.RepositorySummary;
import io.github.hubsdk.openapi.model.RepositoryTag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link TagSource} over a {@link DockerHubClient}'s repository groups: {@code hub.repositories(ns).list()},
 * {@code hub.repository(ns, name).tags()} list, get and delete, and {@code .immutableTags().get()}; so every call
 * has the client's authentication, 401 renewal, retries, pacing and typed errors, and any failure of any page is
 * thrown (never an early, silent end), which is what lets a plan know it is complete.
 *
 * <p>A tag's push time is {@code tag_last_pushed}, or {@code last_updated} when the server leaves that out.
 */
public final class HubTagSource implements TagSource {

  private final DockerHubClient hub;

  /**
   * A source over a client.
   *
   * @param hub the client; deleting tags needs a password login (the live Hub refuses a PAT-derived JWT there)
   */
  public HubTagSource(DockerHubClient hub) {
    this.hub = Objects.requireNonNull(hub, "hub");
  }

  @Override
  public String endpoint() {
    return hub.baseUrl().toString();
  }

  @Override
  public Iterable<String> repositories(String namespace) {
    return mapped(hub.repositories(namespace).list(), RepositorySummary::getName);
  }

  @Override
  public Iterable<TagInfo> tags(String namespace, String repository) {
    return mapped(hub.repository(namespace, repository).tags().list(), HubTagSource::info);
  }

  @Override
  public Optional<TagInfo> tag(String namespace, String repository, String tag) {
    try {
      return Optional.of(info(hub.repository(namespace, repository).tags().get(tag)));
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
  }

  @Override
  public List<String> immutableTagRules(String namespace, String repository) {
    ImmutableTagsSettings s = hub.repository(namespace, repository).immutableTags().get();
    if (!Boolean.TRUE.equals(s.getEnabled())) {
      return List.of();
    }
    return s.getRules() == null ? List.of() : List.copyOf(s.getRules());
  }

  @Override
  public void delete(String namespace, String repository, String tag) {
    hub.repository(namespace, repository).tags().delete(tag);
  }

  @Override
  public String toString() {
    return "HubTagSource{" + endpoint() + "}";
  }

  /** The few fields retention reads; the images (and their layers) are dropped here. */
  static TagInfo info(RepositoryTag t) {
    if (t.getName() == null || t.getName().isBlank()) {
      throw new MalformedResponseException(200, "listRepositoryTags", "a tag without a name", null);
    }
    OffsetDateTime pushed = t.getTagLastPushed() != null ? t.getTagLastPushed() : t.getLastUpdated();
    return new TagInfo(t.getName(), t.getDigest(), instant(pushed), instant(t.getTagLastPulled()));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static <A, B> Iterable<B> mapped(Iterable<A> source, Function<A, B> f) {
    return () -> {
      Iterator<A> it = source.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public B next() {
          return f.apply(it.next());
        }
      };
    };
  }
}
