package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.ApiRules;
import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.Texts;
import io.github.hubsdk.emulator.internal.state.Repositories.Image;
import io.github.hubsdk.emulator.internal.state.Repositories.Repo;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.DeleteImagesDetails;
import io.github.hubsdk.openapi.model.DeleteImagesMetrics;
import io.github.hubsdk.openapi.model.DeleteImagesRequest;
import io.github.hubsdk.openapi.model.DeleteImagesResponse;
import io.github.hubsdk.openapi.model.ImageWarning;
import io.github.hubsdk.openapi.model.ImageWarningType;
import io.github.hubsdk.openapi.model.ManifestError;
import io.github.hubsdk.openapi.model.ManifestErrorType;
import io.github.hubsdk.openapi.model.ManifestRef;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code deleteImages}, the sub-resource of {@link ImagesResource} that changes state: validates the body,
 * then deletes all or nothing. Only an owner of the namespace may delete (others get the per-manifest
 * error {@code unauthorized}); a child of a multi-platform manifest list cannot be deleted alone; a
 * manifest with current tags or recent activity is a warning that fails the request unless listed in
 * {@code ignore_warnings}. {@code dry_run} reports the metrics and deletes nothing.
 */
final class ImageDeletion {

  /** A validated request. */
  record Plan(List<ManifestRef> manifests, Set<WarningKey> ignored, boolean dryRun, Instant activeFrom) {}

  record WarningKey(String repository, String digest, ImageWarningType warning) {}

  private final HubContext hub;
  private final Store store;

  ImageDeletion(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
  }

  /** Binds and checks the body (400 in the TxnError voice). */
  Plan plan(Call c) {
    DeleteImagesRequest body = c.body(DeleteImagesRequest.class);
    List<ManifestRef> manifests = new ArrayList<>();
    if (body.getManifests() == null || body.getManifests().isEmpty()) {
      throw HubError.invalid("manifests", Texts.NO_MANIFESTS);
    }
    for (ManifestRef m : body.getManifests()) {
      if (m == null || empty(m.getRepository()) || m.getDigest() == null
          || !ApiRules.DIGEST.matcher(m.getDigest()).matches()) {
        throw HubError.invalid("manifests", Texts.BAD_MANIFEST);
      }
      if (manifests.stream().noneMatch(x -> x.getRepository().equals(m.getRepository())
          && x.getDigest().equals(m.getDigest()))) {
        manifests.add(m);
      }
    }
    Set<WarningKey> ignored = new LinkedHashSet<>();
    if (body.getIgnoreWarnings() != null) {
      for (ImageWarning w : body.getIgnoreWarnings()) {
        if (w == null || empty(w.getRepository()) || empty(w.getDigest()) || w.getWarning() == null) {
          throw HubError.invalid("ignore_warnings", Texts.BAD_IGNORED_WARNING);
        }
        ignored.add(new WarningKey(w.getRepository(), w.getDigest(), w.getWarning()));
      }
    }
    Instant activeFrom = body.getActiveFrom() != null ? body.getActiveFrom().toInstant()
        : hub.now().atOffset(ZoneOffset.UTC).minusMonths(1).toInstant();
    return new Plan(manifests, ignored, Boolean.TRUE.equals(body.getDryRun()), activeFrom);
  }

  /** Checks every manifest and deletes them all, or throws the errors and warnings (400). */
  DeleteImagesResponse run(Call c, Plan plan) {
    String ns = c.path("namespace");
    String actor = c.caller().username();
    boolean owner = c.caller().isUser() && store.accounts().isOwner(actor, ns);
    List<ManifestError> errors = new ArrayList<>();
    List<ImageWarning> warnings = new ArrayList<>();
    List<Image> doomed = new ArrayList<>();
    List<Repo> doomedRepos = new ArrayList<>();
    for (ManifestRef m : plan.manifests()) {
      Repo repo = store.repositories().repo(ns, m.getRepository());
      Image image = repo == null ? null : repo.images.get(m.getDigest());
      ManifestErrorType error = image == null ? ManifestErrorType.NOT_FOUND : !owner ? ManifestErrorType.UNAUTHORIZED
          : image.child ? ManifestErrorType.CHILD_MANIFEST : null;
      if (error != null) {
        errors.add(new ManifestError().repository(m.getRepository()).digest(m.getDigest()).error(error));
        continue;
      }
      List<String> current = image.currentTags();
      if (!current.isEmpty() && !ignoredWarning(plan, m, ImageWarningType.CURRENT_TAG)) {
        warnings.add(warning(m, ImageWarningType.CURRENT_TAG).tags(current));
      }
      if (image.activeSince(plan.activeFrom()) && !ignoredWarning(plan, m, ImageWarningType.IS_ACTIVE)) {
        warnings.add(warning(m, ImageWarningType.IS_ACTIVE));
      }
      doomed.add(image);
      doomedRepos.add(repo);
    }
    if (!errors.isEmpty() || !warnings.isEmpty()) {
      throw HubError.invalid(Texts.DELETION_NOT_POSSIBLE, new DeleteImagesDetails().errors(errors).warnings(warnings));
    }
    int tagDeletes = 0;
    Instant now = hub.now();
    for (int i = 0; i < doomed.size(); i++) {
      Image image = doomed.get(i);
      Repo repo = doomedRepos.get(i);
      List<String> current = image.currentTags();
      tagDeletes += current.size();
      if (plan.dryRun()) {
        continue;
      }
      store.repositories().deleteImage(repo, image.digest);
      String name = repo.fullName();
      for (String tag : current) {
        store.audit().record(ns, "repo.tag.delete", name, actor, Map.of("digest", image.digest, "tag", tag), now,
            "deleted the tag " + tag + " from the repository " + name);
      }
      store.audit().record(ns, "repo.manifest.delete", name, actor, Map.of("digest", image.digest), now,
          "deleted the manifest " + image.digest.substring(0, 19) + " from the repository " + name);
    }
    return new DeleteImagesResponse().dryRun(plan.dryRun()).metrics(new DeleteImagesMetrics()
        .manifestDeletes(doomed.size()).manifestErrors(0).tagDeletes(tagDeletes).tagErrors(0));
  }

  private static boolean ignoredWarning(Plan plan, ManifestRef m, ImageWarningType type) {
    return plan.ignored().contains(new WarningKey(m.getRepository(), m.getDigest(), type));
  }

  private static ImageWarning warning(ManifestRef m, ImageWarningType type) {
    return new ImageWarning().repository(m.getRepository()).digest(m.getDigest()).warning(type);
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }
}
