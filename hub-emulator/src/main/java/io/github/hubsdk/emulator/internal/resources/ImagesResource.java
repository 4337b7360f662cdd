package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.Plan;
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
import io.github.hubsdk.emulator.internal.server.Wire;
import io.github.hubsdk.emulator.internal.state.ImageOrder;
import io.github.hubsdk.emulator.internal.state.Repositories.Image;
import io.github.hubsdk.emulator.internal.state.Repositories.Repo;
import io.github.hubsdk.emulator.internal.state.Repositories.Tag;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.ImagePage;
import io.github.hubsdk.openapi.model.ImageStatistics;
import io.github.hubsdk.openapi.model.ImageStatus;
import io.github.hubsdk.openapi.model.ImageTag;
import io.github.hubsdk.openapi.model.ImageTagPage;
import io.github.hubsdk.openapi.model.ImagesSummary;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code images} tag (Advanced Image Management, retired on the live Hub in December 2023 and kept
 * here as the spec describes it): images of a repository, their tags, a summary, and deletion. The caller
 * needs read access to the namespace (else 401, as the retired API answered) and a Pro plan or better
 * (else 403); each call's errors name it in {@code errinfo.api_call_name}.
 */
final class ImagesResource {

  private static final List<String> STATUSES = List.of("active", "inactive");
  private static final List<String> ORDERINGS = List.of("last_activity", "-last_activity", "digest", "-digest");

  private final HubContext hub;
  private final Store store;
  private final ImageDeletion deletion;

  ImagesResource(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
    this.deletion = new ImageDeletion(hub);
  }

  @Handles(value = "listRepositoryImages", apiCallName = "GetNamespaceRepositoryImages", readOnly = true)
  Reply listImages(Call c) {
    String status = Require.choiceParam("status", c.query("status"), STATUSES);
    String tagged = c.query("currently_tagged");
    if (tagged != null && !tagged.equals("true") && !tagged.equals("false")) {
      throw HubError.invalidParam("currently_tagged", Texts.TRUE_OR_FALSE);
    }
    String ordering = c.query("ordering") == null ? "-last_activity"
        : Require.choiceParam("ordering", c.query("ordering"), ORDERINGS);
    Instant activeFrom = activeFrom(c);
    PageParams paging = c.page(10, 100);
    Repo repo = readableRepo(c);
    // Sorted once per change of the repository's images; only the filters run per request.
    List<Image> sorted = repo.imagesIn(ImageOrder.of(ordering));
    List<Image> images = sorted;
    if (status != null || tagged != null) {
      images = new ArrayList<>();
      for (Image image : sorted) {
        if (status != null && image.activeSince(activeFrom) != status.equals("active")) {
          continue;
        }
        if (tagged != null && image.currentTags().isEmpty() == tagged.equals("true")) {
          continue;
        }
        images.add(image);
      }
    }
    Page<io.github.hubsdk.openapi.model.Image> page = paging.linked(images).map(i -> toModel(repo, i, activeFrom));
    return Reply.ok(new ImagePage().count(page.total()).next(page.next()).previous(page.previous())
        .results(page.items()));
  }

  @Handles(value = "listImageTags", apiCallName = "GetNamespaceRepositoryImagesTags", readOnly = true)
  Reply listTags(Call c) {
    String digest = c.path("digest");
    if (!ApiRules.DIGEST.matcher(digest).matches()) {
      throw HubError.invalidParam("digest", Texts.DIGEST);
    }
    PageParams paging = c.page(10, 100);
    Repo repo = readableRepo(c);
    Image image = repo.images.get(digest);
    if (image == null) {
      throw HubError.notFound(Texts.IMAGE_NOT_FOUND);
    }
    Page<ImageTag> page = paging.linked(image.tags).map(ImagesResource::toModel);
    return Reply.ok(new ImageTagPage().count(page.total()).next(page.next()).previous(page.previous())
        .results(page.items()));
  }

  @Handles(value = "getImagesSummary", apiCallName = "GetNamespaceRepositoryImagesSummary", readOnly = true)
  Reply summary(Call c) {
    Instant activeFrom = activeFrom(c);
    Repo repo = readableRepo(c);
    int active = (int) repo.images.values().stream().filter(i -> i.activeSince(activeFrom)).count();
    int total = repo.images.size();
    return Reply.ok(new ImagesSummary().activeFrom(Wire.time(activeFrom))
        .statistics(new ImageStatistics().total(total).active(active).inactive(total - active)));
  }

  @Handles(value = "deleteImages", scope = "repo:admin", apiCallName = "DeleteImages")
  Reply deleteImages(Call c) {
    ImageDeletion.Plan plan = deletion.plan(c);
    requireAccess(c.caller(), c.path("namespace"));
    return Reply.ok(deletion.run(c, plan));
  }

  /** {@code active_from}: default one calendar month before now, as the live API documented. */
  private Instant activeFrom(Call c) {
    return Require.dateTimeParam("active_from", c.query("active_from"), defaultActiveFrom()).toInstant();
  }

  OffsetDateTime defaultActiveFrom() {
    return hub.now().atOffset(ZoneOffset.UTC).minusMonths(1);
  }

  /** The path's repository, after the access and plan checks. */
  private Repo readableRepo(Call c) {
    String namespace = c.path("namespace");
    requireAccess(c.caller(), namespace);
    Repo repo = store.repositories().repo(namespace, c.path("repository"));
    if (repo == null) {
      throw HubError.notFound(Texts.REPOSITORY_NOT_FOUND);
    }
    return repo;
  }

  /** Read access to the namespace (401 without, as the retired API answered) and a plan with the feature. */
  void requireAccess(Caller caller, String namespace) {
    if (!store.accounts().canRead(caller.username(), namespace)) {
      throw HubError.unauthorized(Texts.NO_READ_ACCESS);
    }
    Plan plan = store.accounts().planOf(namespace);
    if (plan == null || !plan.hasImageManagement()) {
      throw HubError.forbidden(Texts.PLAN_WITHOUT_IMAGES);
    }
  }

  private static io.github.hubsdk.openapi.model.Image toModel(Repo repo, Image image, Instant activeFrom) {
    return new io.github.hubsdk.openapi.model.Image().namespace(repo.namespace).repository(repo.name)
        .digest(image.digest).tags(tagModels(image.tags))
        .lastPushed(Wire.time(image.lastPushed)).lastPulled(Wire.time(image.lastPulled))
        .status(image.activeSince(activeFrom) ? ImageStatus.ACTIVE : ImageStatus.INACTIVE);
  }

  /** A loop, not a stream: a page maps 100 images, and setting up a stream per image cost more than the mapping. */
  private static List<ImageTag> tagModels(List<Tag> tags) {
    List<ImageTag> out = new ArrayList<>(tags.size());
    for (Tag t : tags) {
      out.add(toModel(t));
    }
    return out;
  }

  private static ImageTag toModel(Tag tag) {
    return new ImageTag().tag(tag.name()).isCurrent(tag.current());
  }
}
