package io.github.hubsdk.emulator.internal.resources;

import static io.github.hubsdk.emulator.internal.auth.Who.ANONYMOUS;
import static io.github.hubsdk.emulator.internal.auth.Who.OAT;
import static io.github.hubsdk.emulator.internal.auth.Who.PASSWORD;
import static io.github.hubsdk.emulator.internal.auth.Who.PAT;

import io.github.hubsdk.emulator.internal.ApiRules;
import io.github.hubsdk.emulator.internal.auth.Caller;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.PageParams;
import io.github.hubsdk.emulator.internal.server.PageParams.Page;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Require;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.state.Repositories;
import io.github.hubsdk.emulator.internal.state.Repositories.Repo;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.CreateRepositoryRequest;
import io.github.hubsdk.openapi.model.RepositoryPage;
import io.github.hubsdk.openapi.model.RepositoryPrivacyRequest;
import io.github.hubsdk.openapi.model.RepositorySummary;
import io.github.hubsdk.openapi.model.UpdateRepositoryRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The {@code repositories} tag, the repository itself (its tags are {@link RepositoryTagsResource}, its
 * immutable-tag rules {@link ImmutableTagsResource}): list, create, get, check, update the descriptions,
 * privacy, delete. Who may see and change what is {@link RepositoryAccess}. Writes record the audit events
 * the live Hub writes ({@code repo.create}, {@code repo.delete}, {@code repo.change_privacy}); a description
 * update writes none (the live catalogue has no such action).
 */
final class RepositoriesResource {

  static final String ANONYMOUS_OFFSET =
      "pagination offset too large for anonymous requests; sign in to page further";
  /** The live Hub refuses anonymous paging past about this offset. */
  static final int ANONYMOUS_MAX_OFFSET = 1000;
  private static final List<String> ORDERINGS =
      List.of("name", "-name", "last_updated", "-last_updated", "pull_count", "-pull_count");

  private final HubContext hub;
  private final Store store;
  private final RepositoryAccess access;

  RepositoriesResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
    this.access = new RepositoryAccess(store);
  }

  @Handles(value = "listRepositories", callers = {ANONYMOUS, PASSWORD, PAT, OAT})
  Reply list(Call c) {
    RepositoryAccess.legacyPath(c);
    String ordering = Require.choiceParam("ordering", c.query("ordering"), ORDERINGS);
    String filter = c.query("name");
    PageParams paging = c.page(10, 100);
    if (c.caller() == null && (long) (paging.page() - 1) * paging.size() >= ANONYMOUS_MAX_OFFSET) {
      throw HubError.forbidden(ANONYMOUS_OFFSET);
    }
    String namespace = c.path("namespace");
    if (!store.accounts().exists(namespace)) {
      throw HubError.notFound();
    }
    boolean seesPrivate = access.seesPrivate(c.caller(), namespace);
    List<Repo> repos = new ArrayList<>();
    for (Repo r : store.repositories().of(namespace)) {
      if ((seesPrivate || !r.isPrivate) && (filter == null || r.name.contains(filter))
          && RepositoryAccess.reaches(c.caller(), namespace, r.name, !r.isPrivate, false)) {
        repos.add(r);
      }
    }
    repos.sort(order(ordering == null ? "name" : ordering));
    Page<RepositorySummary> page = paging.linked(repos).map(RepositoryModels::summary);
    return Reply.ok(new RepositoryPage().count(page.total()).next(page.next()).previous(page.previous())
        .results(page.items()));
  }

  private static Comparator<Repo> order(String ordering) {
    String key = ordering.startsWith("-") ? ordering.substring(1) : ordering;
    Comparator<Repo> by = switch (key) {
      case "last_updated" -> Comparator.comparing(Repo::lastUpdated, Comparator.nullsFirst(Comparator.naturalOrder()));
      case "pull_count" -> Comparator.comparingLong(r -> r.pullCount);
      default -> Comparator.comparing(r -> r.name);
    };
    by = by.thenComparing(r -> r.name);
    return ordering.startsWith("-") ? by.reversed() : by;
  }

  @Handles(value = "createRepository", scope = "repo:write")
  Reply create(Call c) {
    RepositoryAccess.legacyPath(c);
    CreateRepositoryRequest body = c.body(CreateRepositoryRequest.class);
    String namespace = c.legacy() ? Require.present("namespace", body.getNamespace()) : c.path("namespace");
    if (!c.legacy() && body.getNamespace() != null && !body.getNamespace().equals(namespace)) {
      throw HubError.invalidField("namespace", new Texts.Problem(
          "The namespace must be the one in the path.", "must be the namespace of the path"));
    }
    Require check = new Require();
    String name = check.text("name", body.getName(), true, 255);
    if (name != null && !ApiRules.repositoryName(name)) {
      check.add("name", new Texts.Problem("Enter a valid repository name: 2-255 lower-case letters and digits "
          + "separated by single '.', '_' or '-'.", "must be 2-255 lower-case letters and digits separated by . _ -"));
    }
    if (body.getDescription() != null && body.getDescription().length() > ApiRules.MAX_DESCRIPTION) {
      check.add("description", Texts.maxLength(ApiRules.MAX_DESCRIPTION));
    }
    if (body.getFullDescription() != null && body.getFullDescription().length() > ApiRules.MAX_FULL_DESCRIPTION) {
      check.add("full_description", Texts.maxLength(ApiRules.MAX_FULL_DESCRIPTION));
    }
    check.check();
    if (!store.accounts().exists(namespace)) {
      throw HubError.notFound();
    }
    Caller caller = c.caller();
    if (!access.canWrite(caller, namespace)) {
      throw HubError.forbidden();
    }
    RepositoryAccess.requireReach(caller, namespace, name, !Boolean.TRUE.equals(body.getIsPrivate()), true);
    if (store.repositories().repo(namespace, name) != null) {
      // The live Hub answers 400 for a taken name (facts: the legacy create), not 409.
      throw HubError.invalidField("name", new Texts.Problem(
          "Repository with this Name and Namespace already exists.", "is taken in this namespace"));
    }
    Instant now = hub.now();
    Repo repo;
    try {
      repo = store.repositories().create(namespace, name, caller.username(), now);
    } catch (Repositories.Full e) {
      throw HubError.invalid("name", e.getMessage());
    }
    repo.description = body.getDescription();
    repo.fullDescription = body.getFullDescription();
    repo.isPrivate = Boolean.TRUE.equals(body.getIsPrivate());
    audit(repo, "repo.create", caller, Map.of(), "created the repository " + repo.fullName());
    return Reply.created(RepositoryModels.full(repo, true, true));
  }

  @Handles(value = "getRepository", callers = {ANONYMOUS, PASSWORD, PAT, OAT})
  Reply get(Call c) {
    Repo repo = access.visible(c);
    return Reply.ok(RepositoryModels.full(repo, true, access.canWrite(c.caller(), repo.namespace)));
  }

  @Handles(value = "checkRepository", callers = {ANONYMOUS, PASSWORD, PAT, OAT})
  Reply check(Call c) {
    access.visible(c);
    return Reply.of(200, null);
  }

  @Handles(value = "updateRepository", callers = {PASSWORD, PAT}, scope = "repo:write")
  Reply update(Call c) {
    UpdateRepositoryRequest body = c.body(UpdateRepositoryRequest.class);
    Require check = new Require();
    if (body.getDescription() == null && body.getFullDescription() == null) {
      check.add("description", new Texts.Problem("Send description and/or full_description.",
          "send description and/or full_description"));
    }
    if (body.getDescription() != null && body.getDescription().length() > ApiRules.MAX_DESCRIPTION) {
      check.add("description", Texts.maxLength(ApiRules.MAX_DESCRIPTION));
    }
    if (body.getFullDescription() != null && body.getFullDescription().length() > ApiRules.MAX_FULL_DESCRIPTION) {
      check.add("full_description", Texts.maxLength(ApiRules.MAX_FULL_DESCRIPTION));
    }
    check.check();
    Repo repo = access.writable(c);
    if (body.getDescription() != null) {
      repo.description = body.getDescription();
    }
    if (body.getFullDescription() != null) {
      repo.fullDescription = body.getFullDescription();
    }
    repo.lastModified = hub.now();
    return Reply.ok(RepositoryModels.full(repo, true, true));
  }

  @Handles(value = "setRepositoryPrivacy", callers = {PASSWORD, PAT}, scope = "repo:admin")
  Reply privacy(Call c) {
    RepositoryPrivacyRequest body = c.body(RepositoryPrivacyRequest.class);
    if (body.getIsPrivate() == null) {
      throw HubError.invalidField("is_private", Texts.REQUIRED);
    }
    Repo repo = access.writable(c);
    if (repo.isPrivate != body.getIsPrivate()) {
      repo.isPrivate = body.getIsPrivate();
      repo.lastModified = hub.now();
      String to = repo.isPrivate ? "private" : "public";
      audit(repo, "repo.change_privacy", c.caller(), Map.of("privacy", to),
          "made the repository " + repo.fullName() + " " + to);
    }
    return Reply.of(200, null);
  }

  @Handles(value = "deleteRepository", callers = {PASSWORD, PAT}, scope = "repo:admin")
  Reply delete(Call c) {
    Repo repo = access.writable(c);
    store.repositories().delete(repo);
    audit(repo, "repo.delete", c.caller(), Map.of(), "deleted the repository " + repo.fullName());
    // The live Hub answers 202 (hub-tool) or 204; the emulator says 202, the answer tools see most.
    return Reply.of(202, null);
  }

  private void audit(Repo repo, String action, Caller caller, Map<String, String> data, String description) {
    store.audit().record(repo.namespace, action, repo.fullName(), caller.username(), data, hub.now(), description);
  }
}
