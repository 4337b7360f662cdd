package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.server.Wire;
import io.github.hubsdk.emulator.internal.state.Repositories;
import io.github.hubsdk.emulator.internal.state.Repositories.Image;
import io.github.hubsdk.emulator.internal.state.Repositories.Repo;
import io.github.hubsdk.emulator.internal.state.Repositories.RepoTag;
import io.github.hubsdk.openapi.model.ImageStatus;
import io.github.hubsdk.openapi.model.ImmutableTagsSettings;
import io.github.hubsdk.openapi.model.Repository;
import io.github.hubsdk.openapi.model.RepositoryCategory;
import io.github.hubsdk.openapi.model.RepositoryPermissions;
import io.github.hubsdk.openapi.model.RepositorySummary;
import io.github.hubsdk.openapi.model.RepositoryTag;
import io.github.hubsdk.openapi.model.RepositoryType;
import io.github.hubsdk.openapi.model.TagImage;
import io.github.hubsdk.openapi.model.TagStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The repository family's state as the generated models the API answers with (new models each time). */
final class RepositoryModels {

  private RepositoryModels() {}

  static RepositorySummary summary(Repo r) {
    return new RepositorySummary().name(r.name).namespace(r.namespace).repositoryType(RepositoryType.IMAGE)
        .status(r.status).statusDescription("active").description(r.description).isPrivate(r.isPrivate)
        .starCount(r.starCount).pullCount(r.pullCount).lastUpdated(Wire.time(r.lastUpdated()))
        .lastModified(Wire.time(r.lastModified)).dateRegistered(Wire.time(r.registered)).affiliation("")
        .mediaTypes(mediaTypes(r)).contentTypes(contentTypes(r)).categories(categories(r))
        .storageSize(r.storageSize());
  }

  static Repository full(Repo r, boolean read, boolean write) {
    return new Repository().user(r.creator).name(r.name).namespace(r.namespace)
        .repositoryType(RepositoryType.IMAGE).status(r.status).statusDescription("active")
        .description(r.description).isPrivate(r.isPrivate).isAutomated(false).starCount(r.starCount)
        .pullCount(r.pullCount).lastUpdated(Wire.time(r.lastUpdated())).lastModified(Wire.time(r.lastModified))
        .dateRegistered(Wire.time(r.registered)).collaboratorCount(0L).hubUser(r.namespace).hasStarred(false)
        .fullDescription(r.fullDescription)
        .permissions(new RepositoryPermissions().read(read).write(write).admin(write))
        .mediaTypes(mediaTypes(r)).contentTypes(contentTypes(r)).categories(categories(r))
        .immutableTagsSettings(new ImmutableTagsSettings().enabled(r.immutableTags)
            .rules(new ArrayList<>(r.immutableRules)))
        .storageSize(r.storageSize());
  }

  static RepositoryTag tag(Repo r, RepoTag t, Instant now) {
    Image image = r.images.get(t.digest);
    List<TagImage> images = new ArrayList<>();
    long size = 0;
    for (Image p : r.platforms(t)) {
      images.add(new TagImage().architecture(p.architecture).features("").variant(p.variant).digest(p.digest)
          .layers(new ArrayList<>()).os(p.os).osFeatures("").osVersion(null).size(p.size)
          .status(p.activeSince(now.minus(Repositories.ACTIVE_WINDOW)) ? ImageStatus.ACTIVE : ImageStatus.INACTIVE)
          .lastPulled(Wire.time(p.lastPulled)).lastPushed(Wire.time(p.lastPushed)));
      size = Math.max(size, p.size);
    }
    TagStatus status = t.active(now) ? TagStatus.ACTIVE : TagStatus.INACTIVE;
    return new RepositoryTag().id(t.id).name(t.name).images(images).creator(userId(t.creator))
        .lastUpdated(Wire.time(t.pushed)).lastUpdater(userId(t.pusher)).lastUpdaterUsername(t.pusher)
        .repository(r.id).fullSize(size).v2(true).status(status).tagStatus(status)
        .tagLastPulled(Wire.time(t.pulled)).tagLastPushed(Wire.time(t.pushed)).mediaType(image.mediaType)
        .contentType("image").digest(t.digest);
  }

  /** A stable numeric user id, as the tag answers carry ({@code creator}, {@code last_updater}). */
  static long userId(String username) {
    return Long.parseLong(io.github.hubsdk.emulator.internal.state.Store.sha256Hex("user:" + username)
        .substring(0, 7), 16);
  }

  private static List<String> mediaTypes(Repo r) {
    Set<String> out = new LinkedHashSet<>();
    for (RepoTag t : r.tags.values()) {
      out.add(r.images.get(t.digest).mediaType);
    }
    return new ArrayList<>(out);
  }

  private static List<String> contentTypes(Repo r) {
    return r.tags.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of("image"));
  }

  private static List<RepositoryCategory> categories(Repo r) {
    List<RepositoryCategory> out = new ArrayList<>();
    for (Repositories.Category c : r.categories) {
      out.add(new RepositoryCategory().name(c.name()).slug(c.slug()));
    }
    return out;
  }
}
