package io.github.hubsdk.client.retention;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.error.MalformedResponseException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.api.RepositoriesApi;
import io.github.hubsdk.openapi.model.ImmutableTagsSettings;
import io.github.hubsdk.openapi.model.Repository;
import io.github.hubsdk.openapi.model.RepositoryPage;
import io.github.hubsdk.openapi.model.RepositorySummary;
import io.github.hubsdk.openapi.model.RepositoryTag;
import io.github.hubsdk.openapi.model.RepositoryTagPage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link TagSource} over a {@link DockerHubClient}: {@code listRepositories}, {@code listRepositoryTags},
 * {@code getRepositoryTag}, {@code getRepository} (for its {@code immutable_tags_settings}) and
 * {@code deleteRepositoryTag}, with the client's authentication, 401 renewal, retries, pacing and typed errors.
 *
 * <p>Listings are read by page number, 100 a page. A page past the end (404) after the first page means the
 * list shrank while it was read; it is reported as the failure it is, so the plan built from it is incomplete.
 * A tag's push time is {@code tag_last_pushed}, or {@code last_updated} when the server leaves that out.
 */
public final class HubTagSource implements TagSource {

  private final DockerHubClient hub;
  private final RepositoriesApi api;

  /**
   * A source over a client.
   *
   * @param hub the client; deleting tags needs a password login (the live Hub refuses a PAT-derived JWT there)
   */
  public HubTagSource(DockerHubClient hub) {
    this.hub = Objects.requireNonNull(hub, "hub");
    this.api = hub.api(RepositoriesApi.class);
  }

  @Override
  public String endpoint() {
    return hub.baseUrl().toString();
  }

  @Override
  public Iterable<String> repositories(String namespace) {
    Paginator<RepositorySummary> pages = Paginator.of("listRepositories", request -> {
      RepositoryPage p = api.listRepositories(namespace, request.pageNumber(), request.pageSize(), null, null);
      return Page.linked(results(p.getResults(), "listRepositories"), p.getCount(), p.getNext(), request);
    });
    return mapped(pages, RepositorySummary::getName);
  }

  @Override
  public Iterable<TagInfo> tags(String namespace, String repository) {
    Paginator<RepositoryTag> pages = Paginator.of("listRepositoryTags", request -> {
      RepositoryTagPage p = api.listRepositoryTags(namespace, repository, request.pageNumber(), request.pageSize());
      return Page.linked(results(p.getResults(), "listRepositoryTags"), p.getCount(), p.getNext(), request);
    });
    return mapped(pages, HubTagSource::info);
  }

  @Override
  public Optional<TagInfo> tag(String namespace, String repository, String tag) {
    try {
      return Optional.of(info(api.getRepositoryTag(namespace, repository, tag)));
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
  }

  @Override
  public List<String> immutableTagRules(String namespace, String repository) {
    Repository r = api.getRepository(namespace, repository);
    ImmutableTagsSettings s = r.getImmutableTagsSettings();
    if (s == null || !Boolean.TRUE.equals(s.getEnabled())) {
      return List.of();
    }
    return s.getRules() == null ? List.of() : List.copyOf(s.getRules());
  }

  @Override
  public void delete(String namespace, String repository, String tag) {
    api.deleteRepositoryTag(namespace, repository, tag);
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

  private static <T> List<T> results(List<T> results, String operation) {
    if (results == null) {
      throw new MalformedResponseException(200, operation, "a page without results", null);
    }
    return results;
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
