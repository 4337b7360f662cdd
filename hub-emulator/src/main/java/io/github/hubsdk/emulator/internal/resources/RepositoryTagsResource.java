package io.github.hubsdk.emulator.internal.resources;

import static io.github.hubsdk.emulator.internal.auth.Who.PASSWORD;
import static io.github.hubsdk.emulator.internal.auth.Who.PAT;

import io.github.hubsdk.emulator.internal.auth.Who;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.PageParams;
import io.github.hubsdk.emulator.internal.server.PageParams.Page;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.state.Repositories.Repo;
import io.github.hubsdk.emulator.internal.state.Repositories.RepoTag;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.RepositoryTag;
import io.github.hubsdk.openapi.model.RepositoryTagPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The tags of a repository: list (newest push first, as the live Hub lists them), check, get, delete. Reads
 * need a caller who sees the repository ({@link RepositoryAccess}; the tag endpoints take no anonymous
 * caller in the spec). Deleting a tag keeps its image (docker/hub-tool#234), is refused for a JWT issued from
 * a personal access token (docker/hub-feedback#2251), and, an emulator rule since the live behaviour is not
 * documented, is refused with 403 when immutable tags are on and a rule matches the tag.
 */
final class RepositoryTagsResource {

  static final String PAT_REFUSED = "access is forbidden with a JWT issued from a personal access token";
  static final String IMMUTABLE = "tag %s is immutable: it matches an immutable-tags rule of %s";

  private final HubContext hub;
  private final Store store;
  private final RepositoryAccess access;

  RepositoryTagsResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
    this.access = new RepositoryAccess(store);
  }

  @Handles("listRepositoryTags")
  Reply list(Call c) {
    PageParams paging = c.page(10, 100);
    Repo repo = access.visible(c);
    Instant now = hub.now();
    Page<RepositoryTag> page = paging.linked(newestFirst(repo)).map(t -> RepositoryModels.tag(repo, t, now));
    return Reply.ok(new RepositoryTagPage().count(page.total()).next(page.next()).previous(page.previous())
        .results(page.items()));
  }

  /** Newest push first, then by name: a stable order, so page-number paging does not shuffle between calls. */
  static List<RepoTag> newestFirst(Repo repo) {
    List<RepoTag> tags = new ArrayList<>(repo.tags.values());
    tags.sort(Comparator.comparing((RepoTag t) -> t.pushed).reversed().thenComparing(t -> t.name));
    return tags;
  }

  @Handles("checkRepositoryTags")
  Reply checkAll(Call c) {
    Repo repo = access.visible(c);
    if (repo.tags.isEmpty()) {
      throw HubError.notFound();
    }
    return Reply.of(200, null);
  }

  @Handles("getRepositoryTag")
  Reply get(Call c) {
    Repo repo = access.visible(c);
    return Reply.ok(RepositoryModels.tag(repo, tag(c, repo), hub.now()));
  }

  @Handles("checkRepositoryTag")
  Reply check(Call c) {
    tag(c, access.visible(c));
    return Reply.of(200, null);
  }

  @Handles(value = "deleteRepositoryTag", callers = {PASSWORD, PAT}, scope = "repo:admin")
  Reply delete(Call c) {
    if (c.caller().kind() == Who.PAT) {
      throw HubError.forbidden(PAT_REFUSED);
    }
    Repo repo = access.writable(c);
    RepoTag tag = tag(c, repo);
    if (repo.immutable(tag.name)) {
      throw HubError.forbidden(String.format(IMMUTABLE, tag.name, repo.fullName()));
    }
    store.repositories().deleteTag(repo, tag.name);
    store.audit().record(repo.namespace, "repo.tag.delete", repo.fullName(), c.caller().username(),
        Map.of("tag", tag.name, "digest", tag.digest), hub.now(),
        "deleted the tag " + tag.name + " from the repository " + repo.fullName());
    return Reply.noContent();
  }

  private static RepoTag tag(Call c, Repo repo) {
    RepoTag tag = repo.tags.get(c.path("tag"));
    if (tag == null) {
      throw HubError.notFound();
    }
    return tag;
  }
}
