package io.github.hubsdk.emulator.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Repositories with their metadata, their current tags and the images (manifests) behind them: one family
 * for the repository and tag operations and the retired image operations, so the two views cannot drift. A
 * tag is a name pointing at one image of its repository; the image keeps the history of the names that
 * pointed at it ({@link Tag}, current or not) as the images endpoints list it. Only this class moves a tag,
 * so the invariant holds: {@code tags.get(n).digest} is an image of the repository whose history marks
 * {@code n} current, and every current mark has its tag. Deleting a tag keeps its manifest (as the live Hub
 * does, docker/hub-tool#234); deleting an image drops the tags pointing at it. Bounded: at most
 * {@link #MAX_REPOSITORIES_PER_NAMESPACE} repositories per namespace and {@link #MAX_TAGS_PER_REPOSITORY}
 * tags (and as many images) per repository. Guarded by the {@link Store}'s lock.
 */
public final class Repositories {

  /** Repositories one namespace may hold; creating one more answers 400 ({@link Full}). */
  public static final int MAX_REPOSITORIES_PER_NAMESPACE = 10_000;
  /** Tags, and images, one repository may hold. */
  public static final int MAX_TAGS_PER_REPOSITORY = 50_000;
  /** Immutable-tag rules per repository, and the length of one. */
  public static final int MAX_IMMUTABLE_RULES = 100;
  public static final int MAX_RULE_LENGTH = 255;
  /** The live Hub calls a tag (and an image) active when pushed or pulled within a month. */
  public static final Duration ACTIVE_WINDOW = Duration.ofDays(30);

  /** Media types of what a tag points at. */
  public static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  /** A collection is at its cap: the caller gets a 4xx, nothing changes. */
  public static final class Full extends RuntimeException {
    public Full(String message) {
      super(message, null, false, false);
    }
  }

  /** A name that points or pointed at an image: the images endpoints' history of an image. */
  public record Tag(String name, boolean current) {}

  /** A category a repository is filed under. */
  public record Category(String name, String slug) {}

  /** An image (manifest, or a multi-platform index whose {@link #children} are the per-platform images). */
  public static final class Image {
    public final String digest;
    public final Instant lastPushed;
    public final Instant lastPulled;
    /** The later of push and pull, the listing's sort key: computed once, both never change. */
    private final Instant lastActivity;
    /** Every name that pointed here, in order; only {@link Repositories} changes it. */
    public final List<Tag> tags;
    /** Part of a multi-platform index: it cannot be deleted on its own. */
    public final boolean child;
    public String architecture = "amd64";
    public String os = "linux";
    public String variant;
    public long size;
    public String mediaType = MANIFEST_V2;
    /** The per-platform images of an index, by digest (empty for a single-platform manifest). */
    public final List<String> children = new ArrayList<>();

    public Image(String digest, Instant lastPushed, Instant lastPulled, List<Tag> tags, boolean child) {
      this.digest = digest;
      this.lastPushed = lastPushed;
      this.lastPulled = lastPulled;
      this.tags = new ArrayList<>(tags);
      this.child = child;
      this.lastActivity = later(lastPushed, lastPulled);
      this.size = 20_000_000L + (Long.parseLong(digest.substring(digest.length() - 6), 16) % 60_000_000L);
    }

    /** The later of push and pull. */
    public Instant lastActivity() {
      return lastActivity;
    }

    /** Whether the image was pushed or pulled at or after {@code activeFrom}. */
    public boolean activeSince(Instant activeFrom) {
      return !lastActivity().isBefore(activeFrom);
    }

    public List<String> currentTags() {
      List<String> out = new ArrayList<>();
      for (Tag t : tags) {
        if (t.current()) {
          out.add(t.name());
        }
      }
      return out;
    }
  }

  /** A current tag of a repository, as the tag endpoints show it. */
  public static final class RepoTag {
    public final long id;
    public final String name;
    public final String digest;
    public final Instant pushed;
    public Instant pulled;
    public final String pusher;
    public final String creator;

    RepoTag(long id, String name, String digest, Instant pushed, Instant pulled, String pusher, String creator) {
      this.id = id;
      this.name = name;
      this.digest = digest;
      this.pushed = pushed;
      this.pulled = pulled;
      this.pusher = pusher;
      this.creator = creator;
    }

    /** Pushed or pulled within {@link #ACTIVE_WINDOW} of {@code now}. */
    public boolean active(Instant now) {
      return !later(pushed, pulled).isBefore(now.minus(ACTIVE_WINDOW));
    }
  }

  /** A repository: metadata, tags by name, images by digest. */
  public static final class Repo {
    public final long id;
    public final String namespace;
    public final String name;
    public final String creator;
    /** When it was created; moved back by a seeded push older than it (a repository predates its pushes). */
    public Instant registered;
    public String description;
    public String fullDescription;
    public boolean isPrivate;
    public long pullCount;
    public long starCount;
    public Instant lastModified;
    public int status = 1;
    public List<Category> categories = List.of();
    public boolean immutableTags;
    public List<String> immutableRules = List.of();
    /** Changed only by {@link Repositories#addImage} and {@link Repositories#deleteImage}, which keep {@link #sorted} right. */
    private final Map<String, Image> byDigest = new LinkedHashMap<>();
    /** The images by digest, in the order they were added; read-only (change them through {@link Repositories}). */
    public final Map<String, Image> images = Collections.unmodifiableMap(byDigest);
    private final ImageOrder.Sorted sorted = new ImageOrder.Sorted();
    public final Map<String, RepoTag> tags = new LinkedHashMap<>();

    Repo(String namespace, String name, String creator, Instant registered) {
      this.namespace = namespace;
      this.name = name;
      this.creator = creator;
      this.registered = registered;
      this.lastModified = registered;
      this.id = Long.parseLong(Store.sha256Hex("repo:" + namespace + "/" + name).substring(0, 7), 16);
    }

    /** {@code namespace/name}. */
    public String fullName() {
      return namespace + "/" + name;
    }

    /** The last push of any tag, or null when nothing was pushed. */
    public Instant lastUpdated() {
      Instant last = null;
      for (RepoTag t : tags.values()) {
        if (last == null || t.pushed.isAfter(last)) {
          last = t.pushed;
        }
      }
      return last;
    }

    /** Whether a delete of {@code tag} must be refused: immutable tags are on and a rule matches it. */
    public boolean immutable(String tag) {
      if (!immutableTags) {
        return false;
      }
      for (String rule : immutableRules) {
        if (matches(rule, tag)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Every image in {@code order}: unmodifiable, sorted once per change of the images (not per request).
     * Call it under the store's lock, as every read of a repository.
     */
    public List<Image> imagesIn(ImageOrder order) {
      return sorted.in(order, byDigest.values());
    }

    /** The bytes of every image stored. */
    public long storageSize() {
      long sum = 0;
      for (Image i : images.values()) {
        sum += i.children.isEmpty() ? i.size : 0;
      }
      return sum;
    }

    /** The per-platform images behind a tag: an index's children, else the image itself. */
    public List<Image> platforms(RepoTag tag) {
      Image image = images.get(tag.digest);
      if (image.children.isEmpty()) {
        return List.of(image);
      }
      List<Image> out = new ArrayList<>();
      for (String d : image.children) {
        Image child = images.get(d);
        if (child != null) {
          out.add(child);
        }
      }
      return out;
    }
  }

  private final Map<String, Repo> repos = new LinkedHashMap<>();
  private final Map<String, Integer> perNamespace = new LinkedHashMap<>();
  private final Accounts accounts;

  Repositories(Accounts accounts) {
    this.accounts = accounts;
  }

  void clear() {
    repos.clear();
    perNamespace.clear();
  }

  /** The repository, or null when it does not exist. */
  public Repo repo(String namespace, String name) {
    return repos.get(namespace + "/" + name);
  }

  /** The repositories of a namespace, in the order they were created. */
  public List<Repo> of(String namespace) {
    List<Repo> out = new ArrayList<>();
    for (Repo r : repos.values()) {
      if (r.namespace.equals(namespace)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Creates a repository.
   *
   * @throws IllegalArgumentException when the namespace does not exist or the repository does
   * @throws Full when the namespace holds {@link #MAX_REPOSITORIES_PER_NAMESPACE}
   */
  public Repo create(String namespace, String name, String creator, Instant now) {
    if (!accounts.exists(namespace)) {
      throw new IllegalArgumentException("no user or organization named " + namespace);
    }
    if (repo(namespace, name) != null) {
      throw new IllegalArgumentException("repository " + namespace + "/" + name + " exists");
    }
    int count = perNamespace.getOrDefault(namespace, 0);
    if (count >= MAX_REPOSITORIES_PER_NAMESPACE) {
      throw new Full("the namespace " + namespace + " already has " + MAX_REPOSITORIES_PER_NAMESPACE
          + " repositories, the emulator's limit");
    }
    Repo repo = new Repo(namespace, name, creator, now);
    repos.put(namespace + "/" + name, repo);
    perNamespace.put(namespace, count + 1);
    return repo;
  }

  /** The repository, created empty (by the namespace itself, at {@code now}) when missing. */
  public Repo repoOrCreate(String namespace, String name, Instant now) {
    Repo repo = repo(namespace, name);
    return repo != null ? repo : create(namespace, name, namespace, now);
  }

  /**
   * Told after a repository is deleted: families that refer to repositories by name (the groups'
   * permissions) register here, from the {@link Store}, so a new repository of the name starts clean.
   */
  @FunctionalInterface
  public interface DeletionHook {
    void deleted(Repo repo);
  }

  private final List<DeletionHook> deletionHooks = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Registers a hook run after every {@link #delete}; hooks survive {@code clear()} (wiring, not state). */
  public void onDeleted(DeletionHook hook) {
    deletionHooks.add(java.util.Objects.requireNonNull(hook, "hook"));
  }

  /** Deletes a repository with its tags and images, then runs the deletion hooks. */
  public void delete(Repo repo) {
    if (repos.remove(repo.fullName()) != null) {
      perNamespace.merge(repo.namespace, -1, Integer::sum);
      for (DeletionHook hook : deletionHooks) {
        hook.deleted(repo);
      }
    }
  }

  /**
   * Adds an image; its current marks become the repository's tags (moved off the image they were on).
   *
   * @param pusher who pushed its tags (for the tag's {@code last_updater})
   * @throws Full when the repository holds {@link #MAX_TAGS_PER_REPOSITORY} images or tags
   */
  public void addImage(Repo repo, Image image, String pusher) {
    if (!repo.images.containsKey(image.digest) && repo.images.size() >= MAX_TAGS_PER_REPOSITORY) {
      throw new Full("the repository " + repo.fullName() + " already has " + MAX_TAGS_PER_REPOSITORY + " images");
    }
    repo.byDigest.put(image.digest, image);
    repo.sorted.changed();
    for (String name : image.currentTags()) {
      point(repo, name, image, image.lastPushed, image.lastPulled, pusher);
    }
  }

  /**
   * Points a tag at an image of the repository (a push): the image it was on keeps it as a former tag.
   *
   * @throws Full when the tag is new and the repository holds {@link #MAX_TAGS_PER_REPOSITORY} tags
   */
  public RepoTag point(Repo repo, String name, Image image, Instant pushed, Instant pulled, String pusher) {
    Objects.requireNonNull(repo.images.get(image.digest), "the image must be in the repository");
    RepoTag old = repo.tags.get(name);
    if (old == null && repo.tags.size() >= MAX_TAGS_PER_REPOSITORY) {
      throw new Full("the repository " + repo.fullName() + " already has " + MAX_TAGS_PER_REPOSITORY + " tags");
    }
    if (old != null && !old.digest.equals(image.digest)) {
      mark(repo.images.get(old.digest), name, false);
    }
    mark(image, name, true);
    if (pushed.isBefore(repo.registered)) {
      repo.registered = pushed;
    }
    long id = Long.parseLong(Store.sha256Hex("tag:" + repo.fullName() + ":" + name).substring(0, 8), 16);
    RepoTag tag = new RepoTag(id, name, image.digest, pushed, pulled, pusher, old == null ? pusher : old.creator);
    repo.tags.put(name, tag);
    return tag;
  }

  /** Removes a tag; the image it pointed at stays, with the name as a former tag. */
  public void deleteTag(Repo repo, String name) {
    RepoTag tag = repo.tags.remove(name);
    if (tag != null) {
      mark(repo.images.get(tag.digest), name, false);
    }
  }

  /** Removes an image and every tag that points at it. */
  public void deleteImage(Repo repo, String digest) {
    Image image = repo.byDigest.remove(digest);
    if (image != null) {
      repo.sorted.changed();
      for (String name : image.currentTags()) {
        repo.tags.remove(name);
      }
    }
  }

  private static void mark(Image image, String name, boolean current) {
    if (image == null) {
      return;
    }
    // In place: the images endpoints list an image's names in the order they first pointed at it.
    for (int i = 0; i < image.tags.size(); i++) {
      if (image.tags.get(i).name().equals(name)) {
        image.tags.set(i, new Tag(name, current));
        return;
      }
    }
    image.tags.add(new Tag(name, current));
  }

  /** Whether the rule (a regular expression over the whole tag name) matches; an invalid rule matches nothing. */
  public static boolean matches(String rule, String tag) {
    try {
      return Pattern.compile(rule).matcher(tag).matches();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isAfter(b) ? a : b;
  }
}
