package io.github.hubsdk.examples;

import io.github.hubsdk.client.AuditLogFilter;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.client.ImageDeletion;
import io.github.hubsdk.client.ImageFilter;
import io.github.hubsdk.client.error.DeleteImagesRejectedException;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Main;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import io.github.hubsdk.openapi.model.AuditLogEvent;
import io.github.hubsdk.openapi.model.DeleteImagesMetrics;
import io.github.hubsdk.openapi.model.Image;
import io.github.hubsdk.openapi.model.ImageStatistics;
import io.github.hubsdk.openapi.model.ImageStatus;
import io.github.hubsdk.openapi.model.ImageTag;
import io.github.hubsdk.openapi.model.ImageWarning;
import io.github.hubsdk.openapi.model.RepositoryOrdering;
import io.github.hubsdk.openapi.model.RepositorySummary;
import io.github.hubsdk.openapi.model.RepositoryTag;
import io.github.hubsdk.openapi.model.RestrictedImages;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A tour of the SDK: logs in, manages a personal access token, pages through images, previews an image
 * clean-up, reads audit logs and organization settings, lists repositories and tags, printing what it does.
 *
 * <p>By default it runs against an embedded Docker Hub emulator seeded with a demo organization
 * ({@code demo-org/demo-app}, 300 images). With {@code DOCKERHUB_USERNAME} and {@code DOCKERHUB_PASSWORD}
 * (or {@code DOCKERHUB_TOKEN}) set, it runs against the live Docker Hub instead (see {@link TourSettings}):
 * it then skips the image-management endpoints Docker retired in December 2023, deletes nothing but the
 * token it created itself, and deletes that token even when something fails.
 *
 * <pre>
 * mvn -B -q -DskipTests -pl examples -am package exec:java
 * </pre>
 */
public final class HubTour {

  /** Images whose last push or pull is older than this are clean-up candidates. */
  static final Duration CLEANUP_AGE = Duration.ofDays(30);
  /** The label prefix of the token the tour creates (and deletes). */
  static final String TOKEN_PREFIX = "hubsdk-tour-";

  private final DockerHubClient hub;
  private final TourSettings settings;
  private final PrintStream out;
  private final Clock clock;
  private int section;

  HubTour(DockerHubClient hub, TourSettings settings, PrintStream out, Clock clock) {
    this.hub = Objects.requireNonNull(hub);
    this.settings = Objects.requireNonNull(settings);
    this.out = Objects.requireNonNull(out);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Runs the tour where the environment says.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(TourSettings.fromEnv(System.getenv()), System.out);
  }

  /**
   * Runs the tour: against an embedded emulator unless {@code settings} are live.
   *
   * @param settings where and as whom
   * @param out where to print
   */
  public static void run(TourSettings settings, PrintStream out) {
    if (settings.live()) {
      out.println("== hubsdk tour against " + settings.baseUrl() + " as " + settings.username() + " ==");
      try (DockerHubClient client = client(settings, Clock.systemUTC())) {
        new HubTour(client, settings, out, Clock.systemUTC()).tour();
      }
      return;
    }
    try (DockerHubEmulator emulator = DockerHubEmulator.builder().seed(Main::demoSeed).start()) {
      TourSettings embedded = settings.withBaseUrl(emulator.baseUrl());
      out.println("== hubsdk tour against an embedded Docker Hub emulator at " + emulator.baseUrl() + " ==");
      out.println("(set DOCKERHUB_USERNAME and DOCKERHUB_PASSWORD or DOCKERHUB_TOKEN to tour the live Docker Hub)");
      try (DockerHubClient client = client(embedded, emulator.clock())) {
        new HubTour(client, embedded, out, emulator.clock()).tour();
      }
      out.println();
      out.println("== done: the emulator answered " + emulator.requestCount() + " requests ==");
    }
  }

  /**
   * The client the tour uses.
   *
   * @param settings base URL and credentials
   * @param clock the clock for token expiry
   * @return a new client; close it
   */
  public static DockerHubClient client(TourSettings settings, Clock clock) {
    return DockerHubClient.builder().baseUrl(settings.baseUrl()).credentials(settings.credentials()).clock(clock).build();
  }

  /** The whole tour, section by section. */
  void tour() {
    Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    login();
    tokens();
    if (settings.live()) {
      heading("Images");
      out.println("skipped: Docker retired the image-management endpoints (images, tags, summary, delete-images)"
          + " on 2023-12-11; " + (settings.repository() == null ? "the namespace " + settings.namespace()
          : settings.namespace() + "/" + settings.repository()) + " is not read and nothing is deleted."
          + " The embedded emulator still serves them: run without DOCKERHUB_USERNAME.");
    } else {
      images();
      cleanupPreview();
    }
    auditLogs(started);
    orgSettings();
    repositories();
    hub.rateLimit().ifPresent(r -> out.println("\nrate limit: " + r.remaining().orElse(-1) + " of "
        + r.limit().orElse(-1) + " requests left"));
  }

  private void login() {
    heading("Log in");
    hub.login();
    out.println("logged in as " + settings.username() + " with " + (settings.canManageTokens() ? "a password" : "a"
        + " personal access token") + " (POST /v2/auth/token); the client renews the JWT before it expires");
  }

  private void tokens() {
    heading("Personal access tokens");
    if (!settings.canManageTokens()) {
      out.println("skipped: Docker Hub lets only a password login manage tokens (set DOCKERHUB_PASSWORD)");
      return;
    }
    List<AccessToken> before = hub.accessTokens().list().toList();
    out.println("you have " + before.size() + " tokens:");
    before.stream().limit(5).forEach(t -> out.println("  " + row(t)));
    String label = TOKEN_PREFIX + clock.instant().getEpochSecond();
    AccessToken created = hub.accessTokens().create(label, List.of(AccessTokenScope.REPO_READ));
    try {
      out.println("created   " + label + " (" + created.getUuid() + "); its secret is shown once, only to the"
          + " caller: " + mask(created.getToken()));
      Page<AccessToken> first = hub.accessTokens().list().firstPage();
      out.println("listed    " + first.totalCount().orElse(-1) + " tokens now");
      AccessToken renamed = hub.accessTokens().rename(created.getUuid(), label + "-renamed");
      out.println("renamed   to " + renamed.getTokenLabel());
      AccessToken off = hub.accessTokens().deactivate(created.getUuid());
      out.println("disabled  is_active=" + off.getIsActive());
      AccessToken on = hub.accessTokens().activate(created.getUuid());
      out.println("enabled   is_active=" + on.getIsActive());
      AccessToken read = hub.accessTokens().get(created.getUuid());
      out.println("read back " + row(read) + " (the secret is blank outside create: \"" + read.getToken() + "\")");
    } finally {
      hub.accessTokens().delete(created.getUuid());
      out.println("deleted   " + created.getUuid());
    }
    try {
      hub.accessTokens().get(created.getUuid());
      out.println("the token is still there!?");
    } catch (NotFoundException gone) {
      out.println("gone      GET answers 404; you have " + hub.accessTokens().list().toList().size() + " tokens again");
    }
  }

  private void images() {
    String ns = settings.namespace();
    String repo = settings.repository();
    heading("Images of " + ns + "/" + repo);
    ImageStatistics stats = hub.images(ns, repo).summary().getStatistics();
    out.println("summary: " + stats.getTotal() + " images, " + stats.getActive() + " active and " + stats.getInactive()
        + " inactive in the last month");
    long[] pages = {0};
    long[] count = {0};
    hub.images(ns, repo).list().pages().forEach(p -> {
      pages[0]++;
      count[0] += p.items().size();
    });
    out.println("paged through " + count[0] + " images in " + pages[0] + " requests of up to 100");
    out.println("the 5 most recently used:");
    hub.images(ns, repo).list(ImageFilter.builder().ordering(ImageFilter.Ordering.LAST_ACTIVITY_DESCENDING).build())
        .limit(5).forEach(i -> out.println("  " + row(i)));
    long untagged = hub.images(ns, repo).list(ImageFilter.builder().currentlyTagged(false).build()).stream().count();
    out.println(untagged + " images have no current tag");
  }

  private void cleanupPreview() {
    String ns = settings.namespace();
    String repo = settings.repository();
    OffsetDateTime cutoff = clock.instant().minus(CLEANUP_AGE).atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    heading("Clean-up preview (dry run): untagged images unused for " + CLEANUP_AGE.toDays() + " days");
    List<Image> candidates = hub.images(ns, repo)
        .list(ImageFilter.builder().currentlyTagged(false).status(ImageStatus.INACTIVE).activeFrom(cutoff).build())
        .toList();
    out.println(candidates.size() + " untagged images were last pushed or pulled before " + cutoff.toLocalDate()
        + ", e.g.:");
    candidates.stream().limit(3).forEach(i -> out.println("  " + row(i)));
    int before = hub.images(ns, repo).summary().getStatistics().getTotal();
    if (!candidates.isEmpty()) {
      ImageDeletion.Builder plan = ImageDeletion.builder().activeFrom(cutoff);
      candidates.forEach(i -> plan.manifest(repo, i.getDigest()));
      DeleteImagesMetrics m = hub.images(ns).delete(plan.build()).getMetrics(); // a dry run: builder default
      out.println("dry run: would delete " + m.getManifestDeletes() + " manifests and " + m.getTagDeletes() + " tags");
    }
    Image newest = hub.images(ns, repo)
        .list(ImageFilter.builder().ordering(ImageFilter.Ordering.LAST_ACTIVITY_DESCENDING).build()).limit(1).toList()
        .get(0);
    out.println("and if the clean-up also took the newest image, " + shortDigest(newest.getDigest()) + "?");
    try {
      hub.images(ns).delete(ImageDeletion.builder().activeFrom(cutoff).manifest(repo, newest.getDigest()).build());
      out.println("  the server would delete it without a warning");
    } catch (DeleteImagesRejectedException e) {
      out.println("  refused (" + e.status() + "), with warnings to acknowledge first:");
      for (ImageWarning w : e.warnings()) {
        out.println("  " + shortDigest(w.getDigest()) + "  " + w.getWarning().getValue()
            + (w.getTags() == null || w.getTags().isEmpty() ? "" : " " + w.getTags()));
      }
    }
    int after = hub.images(ns, repo).summary().getStatistics().getTotal();
    out.println("nothing was deleted: " + before + " images before, " + after + " after");
  }

  private void auditLogs(Instant started) {
    heading("Audit log");
    AuditLogFilter mine = AuditLogFilter.builder().actor(settings.username())
        .from(started.atOffset(ZoneOffset.UTC)).build();
    try {
      List<AuditLogEvent> events = hub.auditLogs(settings.username()).list(mine).toList();
      out.println(events.size() + " events of " + settings.username() + " since the tour started, newest first:");
      events.forEach(e -> out.println("  " + row(e)));
    } catch (DockerHubException e) {
      out.println("the audit log of " + settings.username() + " is not available: " + e.getMessage());
    }
    if (settings.org() == null) {
      out.println("no organization given (DOCKERHUB_ORG): its audit log is skipped");
      return;
    }
    try {
      List<AuditLogEvent> recent = hub.auditLogs(settings.org()).list().limit(3).toList();
      out.println("latest events of " + settings.org() + ":");
      recent.forEach(e -> out.println("  " + row(e)));
    } catch (DockerHubException e) {
      out.println("the audit log of " + settings.org() + " is not available: " + e.getMessage());
    }
  }

  private void orgSettings() {
    heading("Organization settings");
    if (settings.org() == null) {
      out.println("skipped: no organization given (DOCKERHUB_ORG)");
      return;
    }
    try {
      RestrictedImages r = hub.org(settings.org()).settings().getRestrictedImages();
      out.println(settings.org() + ": restricted images " + (Boolean.TRUE.equals(r.getEnabled()) ? "on" : "off")
          + ", official images " + allowed(r.getAllowOfficialImages()) + ", verified publishers "
          + allowed(r.getAllowVerifiedPublishers()));
    } catch (DockerHubException e) {
      out.println("the settings of " + settings.org() + " are not available: " + e.getMessage());
    }
  }

  /** Read only, live too: the namespace's repositories and the newest tags of one of them. */
  private void repositories() {
    String ns = settings.namespace();
    heading("Repositories and tags of " + ns);
    List<RepositorySummary> repos;
    try {
      repos = hub.repositories(ns).list(null, RepositoryOrdering._LAST_UPDATED).toList();
    } catch (DockerHubException e) {
      out.println("the repositories of " + ns + " are not available: " + e.getMessage());
      return;
    }
    out.println(repos.size() + (repos.size() == 1 ? " repository" : " repositories") + ", most recently pushed first:");
    repos.stream().limit(5).forEach(r -> out.println("  " + row(r)));
    String repo = settings.repository() != null ? settings.repository()
        : repos.isEmpty() ? null : repos.get(0).getName();
    if (repo == null) {
      out.println("no repository to list tags of");
      return;
    }
    try {
      Page<RepositoryTag> first = hub.repository(ns, repo).tags().list().firstPage();
      out.println(ns + "/" + repo + " has " + first.totalCount().orElse(first.items().size())
          + " tags; the newest 5 (the list is lazy: one request so far):");
      first.items().stream().limit(5).forEach(t -> out.println("  " + row(t)));
    } catch (DockerHubException e) {
      out.println("the tags of " + ns + "/" + repo + " are not available: " + e.getMessage());
    }
  }

  // --- formatting ----------------------------------------------------------------------------------------

  private void heading(String title) {
    out.println();
    out.println("-- " + (++section) + ". " + title);
  }

  private static String allowed(Boolean b) {
    return Boolean.TRUE.equals(b) ? "allowed" : "not allowed";
  }

  /** Never more of a secret than its public prefix. */
  static String mask(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "(none)";
    }
    int cut = secret.startsWith("dckr_") ? secret.indexOf('_', 5) + 1 : 0;
    return secret.substring(0, Math.max(0, cut)) + "****";
  }

  private static String row(AccessToken t) {
    return String.format("%-32s %-8s %s", t.getTokenLabel(), Boolean.TRUE.equals(t.getIsActive()) ? "active"
        : "inactive", t.getScopes() == null ? "" : t.getScopes().stream().map(AccessTokenScope::getValue)
        .collect(Collectors.joining(",")));
  }

  private static String row(Image i) {
    String tags = i.getTags() == null ? "" : i.getTags().stream().filter(t -> Boolean.TRUE.equals(t.getIsCurrent()))
        .map(ImageTag::getTag).collect(Collectors.joining(","));
    return String.format("%s  %-14s pushed %s  pulled %s  %s", shortDigest(i.getDigest()),
        tags.isEmpty() ? "(untagged)" : tags, day(i.getLastPushed()), day(i.getLastPulled()),
        i.getStatus() == null ? "" : i.getStatus().getValue());
  }

  private static String row(RepositorySummary r) {
    return String.format("%-24s %-7s pulls %-8d pushed %s  %s", r.getName(),
        Boolean.TRUE.equals(r.getIsPrivate()) ? "private" : "public", r.getPullCount() == null ? 0 : r.getPullCount(),
        day(r.getLastUpdated()), r.getDescription() == null ? "" : r.getDescription());
  }

  private static String row(RepositoryTag t) {
    String platforms = t.getImages() == null ? "" : t.getImages().stream()
        .map(i -> i.getOs() + "/" + i.getArchitecture()).collect(Collectors.joining(","));
    return String.format("%-16s %s  pushed %s  pulled %s  %-8s %s", t.getName(), shortDigest(t.getDigest()),
        day(t.getTagLastPushed()), day(t.getTagLastPulled()), t.getTagStatus() == null ? "" : t.getTagStatus().getValue(),
        platforms);
  }

  private static String row(AuditLogEvent e) {
    return String.format("%s  %-16s %s", e.getTimestamp() == null ? "" : e.getTimestamp().withOffsetSameInstant(
        ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toLocalDateTime(), e.getAction(), e.getActionDescription());
  }

  private static String day(OffsetDateTime t) {
    return t == null ? "never     " : t.toLocalDate().toString();
  }

  private static String shortDigest(String digest) {
    return digest == null ? "" : digest.substring(0, Math.min(digest.length(), 19));
  }
}
