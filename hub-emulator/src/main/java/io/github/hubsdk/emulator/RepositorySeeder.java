package io.github.hubsdk.emulator;

import io.github.hubsdk.emulator.internal.ApiRules;
import io.github.hubsdk.emulator.internal.state.Repositories;
import io.github.hubsdk.emulator.internal.state.Repositories.Category;
import io.github.hubsdk.emulator.internal.state.Repositories.Image;
import io.github.hubsdk.emulator.internal.state.Repositories.Repo;
import io.github.hubsdk.emulator.internal.state.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Seeds one repository: its metadata, its tags (each with the image behind it) and, for the retired image
 * endpoints, bare images. Obtained from {@link Seeder#repository(String, String)}; the tags and the images
 * are one state, so what the tag endpoints list is what the image endpoints list as current tags.
 *
 * <pre>{@code
 * s.repository("acme", "web").description("Front end of the shop").pullCount(48_211).categories("Web servers")
 *     .tags(500)                                            // ages spread over a year
 *     .tag("v1.0.0", t -> t.pushedDaysAgo(400).neverPulled())
 *     .tag("latest", t -> t.sameImageAs("v1.0.0"))
 *     .tag("multi", t -> t.platforms("linux/amd64", "linux/arm64/v8"))
 *     .immutableTags("v[0-9]+\\..*");
 * }</pre>
 *
 * <p>Seeding writes no audit events unless {@link #auditPushes()} asks for the pushes; add other history with
 * {@link Seeder#auditEvent}. Values are checked by the
 * rules the API applies (names, tag names, description lengths), so a seed cannot hold what the API refuses.
 */
public final class RepositorySeeder {

  private final Store store;
  private final Repo repo;
  private final Instant now;
  private boolean auditPushes;

  private RepositorySeeder(Store store, Repo repo, Instant now) {
    this.store = store;
    this.repo = repo;
    this.now = now;
  }

  static RepositorySeeder of(Store store, String namespace, String name, Instant now) {
    if (!store.accounts().exists(namespace)) {
      throw new IllegalArgumentException("no user or organization named " + namespace);
    }
    if (!ApiRules.repositoryName(name)) {
      throw new IllegalArgumentException("a repository name has 2-255 lower-case letters and digits separated by "
          + "single '.', '_' or '-': " + name);
    }
    return new RepositorySeeder(store, store.repositories().repoOrCreate(namespace, name, now), now);
  }

  /**
   * The short description.
   *
   * @param description at most 100 characters
   * @return this handle
   */
  public RepositorySeeder description(String description) {
    repo.description = length("description", description, ApiRules.MAX_DESCRIPTION);
    return this;
  }

  /**
   * The README.
   *
   * @param markdown at most 25,000 characters
   * @return this handle
   */
  public RepositorySeeder fullDescription(String markdown) {
    repo.fullDescription = length("full description", markdown, ApiRules.MAX_FULL_DESCRIPTION);
    return this;
  }

  /**
   * Whether the repository is private (default public: anyone may read it, also anonymously).
   *
   * @param isPrivate true for private
   * @return this handle
   */
  public RepositorySeeder isPrivate(boolean isPrivate) {
    repo.isPrivate = isPrivate;
    return this;
  }

  /**
   * @param count how many times it was pulled
   * @return this handle
   */
  public RepositorySeeder pullCount(long count) {
    repo.pullCount = nonNegative(count);
    return this;
  }

  /**
   * @param count how many users starred it
   * @return this handle
   */
  public RepositorySeeder starCount(long count) {
    repo.starCount = nonNegative(count);
    return this;
  }

  /**
   * The categories it is filed under; the slug is the lower-cased name with dashes.
   *
   * @param names e.g. {@code Web servers}
   * @return this handle
   */
  public RepositorySeeder categories(String... names) {
    List<Category> out = new ArrayList<>();
    for (String n : names) {
      out.add(new Category(n, n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")));
    }
    repo.categories = List.copyOf(out);
    return this;
  }

  /**
   * Turns immutable tags on with these rules (regular expressions over whole tag names): deleting a tag
   * one matches is refused.
   *
   * @param rules at most 100 valid regular expressions
   * @return this handle
   */
  public RepositorySeeder immutableTags(String... rules) {
    if (rules.length > Repositories.MAX_IMMUTABLE_RULES) {
      throw new IllegalArgumentException("at most " + Repositories.MAX_IMMUTABLE_RULES + " rules");
    }
    for (String r : rules) {
      java.util.regex.Pattern.compile(r);
    }
    repo.immutableTags = true;
    repo.immutableRules = List.of(rules);
    return this;
  }

  /**
   * Records the tag pushes seeded after this call as the live Hub logs them: a {@code repo.tag.push} event in
   * the namespace's audit log at the push time, by the pusher, with the tag and its digest.
   *
   * @return this handle
   */
  public RepositorySeeder auditPushes() {
    auditPushes = true;
    return this;
  }

  /**
   * Adds {@code count} tags after those already there, each on its own single-platform image, pushed at
   * times spread evenly over the last year (tag 0 of the batch newest), deterministically: names cycle
   * through {@code 1.<n>.0}, {@code build-<n>}, {@code sha-<7 hex>} and {@code pr-<n>} ({@code n} the tag's
   * position in the repository); every third was pulled, halfway between its push and now. Add
   * {@code latest} and other named tags with {@link #tag(String, Consumer)}. 10,000 tags take milliseconds.
   *
   * @param count how many tags to add
   * @return this handle
   */
  public RepositorySeeder tags(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    int start = repo.tags.size();
    long yearMinutes = Duration.ofDays(365).toMinutes();
    for (int i = 0; i < count; i++) {
      int n = start + i;
      String name = switch (n % 4) {
        case 0 -> "1." + n + ".0";
        case 1 -> "build-" + n;
        case 2 -> "sha-" + Store.sha256Hex(repo.fullName() + "#" + n).substring(0, 7);
        default -> "pr-" + n;
      };
      Instant pushed = now.minus(Duration.ofMinutes(yearMinutes * i / Math.max(count, 1) + 1));
      Instant pulled = i % 3 == 0 ? pushed.plus(Duration.between(pushed, now).dividedBy(2)) : null;
      TagSeeder t = new TagSeeder(now).pushedAt(pushed);
      t.pulled = pulled;
      push(name, t);
    }
    return this;
  }

  /**
   * Adds (or re-pushes) one tag pushed now by the namespace, never pulled, on a new single-platform image.
   *
   * @param name the tag name
   * @return this handle
   */
  public RepositorySeeder tag(String name) {
    return tag(name, t -> { });
  }

  /**
   * Adds (or re-pushes) one tag, refined by {@code spec}.
   *
   * @param name the tag name (Docker's grammar: up to 128 word characters, dots and dashes, not starting with
   *     either)
   * @param spec sets its times, platforms, pusher or image
   * @return this handle
   */
  public RepositorySeeder tag(String name, Consumer<TagSeeder> spec) {
    TagSeeder t = new TagSeeder(now);
    spec.accept(t);
    push(name, t);
    return this;
  }

  private void push(String name, TagSeeder t) {
    if (name == null || !ApiRules.TAG.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid tag name: " + name);
    }
    Repositories family = store.repositories();
    String pusher = t.pusher != null ? t.pusher : repo.namespace;
    Image image;
    if (t.sameAs != null) {
      Repositories.RepoTag other = repo.tags.get(t.sameAs);
      if (other == null) {
        throw new IllegalArgumentException("no tag " + t.sameAs + " to share an image with");
      }
      image = repo.images.get(other.digest);
    } else {
      String digest = "sha256:" + Store.sha256Hex(repo.fullName() + "@" + name + "@" + t.pushed);
      image = new Image(digest, t.pushed, t.pulled, List.of(), false);
      if (t.platforms.size() > 1) {
        image.mediaType = Repositories.OCI_INDEX;
        for (String p : t.platforms) {
          Image child = new Image("sha256:" + Store.sha256Hex(digest + "/" + p), t.pushed, t.pulled, List.of(), true);
          platform(child, p);
          family.addImage(repo, child, pusher);
          image.children.add(child.digest);
        }
      } else if (t.platforms.size() == 1) {
        platform(image, t.platforms.get(0));
      }
      family.addImage(repo, image, pusher);
    }
    family.point(repo, name, image, t.pushed, t.pulled, pusher);
    if (auditPushes) {
      store.audit().record(repo.namespace, "repo.tag.push", repo.fullName(), pusher,
          java.util.Map.of("tag", name, "digest", image.digest), t.pushed, "pushed the tag " + name
              + " with the digest " + image.digest.substring(0, 19) + " to the repository " + repo.fullName());
    }
  }

  private static void platform(Image image, String platform) {
    String[] parts = platform.split("/");
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("a platform is os/architecture[/variant]: " + platform);
    }
    image.os = parts[0];
    image.architecture = parts[1];
    image.variant = parts.length == 3 ? parts[2] : null;
  }

  /**
   * Generates {@code count} untagged-or-tagged images after those already there, for the retired image
   * endpoints, deterministically from the repository name and position: image {@code i} (0 = newest) was
   * pushed {@code 2i} days and {@code i} minutes ago; every third was pulled {@code i} hours ago; image 0
   * carries the current {@code latest} tag, image 1 the old {@code latest}; of the rest, {@code i % 4 == 0}
   * has a current tag {@code 1.<i>}, {@code 1} an old tag {@code 1.<i>}, {@code 2} no tag and {@code 3} a
   * current tag {@code build-<i>}. Current tags are tags of the repository too. With the default one-month
   * activity window, roughly the newest 15 are active. Fast: 10,000 images take milliseconds.
   *
   * @param count how many images to add
   * @return this handle
   */
  public RepositorySeeder images(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    int start = repo.images.size();
    String prefix = repo.namespace + "/" + repo.name + "#";
    for (int i = start; i < start + count; i++) {
      String digest = "sha256:" + Store.sha256Hex(prefix + i);
      Instant pushed = now.minus(Duration.ofDays(2L * i).plusMinutes(i));
      Instant pulled = i % 3 == 0 ? now.minus(Duration.ofHours(i)) : null;
      List<Repositories.Tag> tags = new ArrayList<>(2);
      if (i == 0) {
        tags.add(new Repositories.Tag("latest", true));
      } else if (i == 1) {
        tags.add(new Repositories.Tag("latest", false));
      }
      switch (i % 4) {
        case 0 -> tags.add(new Repositories.Tag("1." + i, true));
        case 1 -> tags.add(new Repositories.Tag("1." + i, false));
        case 3 -> tags.add(new Repositories.Tag("build-" + i, true));
        default -> { }
      }
      store.repositories().addImage(repo, new Image(digest, pushed, pulled, tags, false), repo.namespace);
    }
    return this;
  }

  /**
   * Adds one image.
   *
   * @param digest {@code sha256:} and 64 lower-case hex digits
   * @param lastPushed when it was last pushed (not null)
   * @param lastPulled when it was last pulled, or null for never
   * @param currentTags tags that point to it now (they become tags of the repository)
   * @return this handle
   */
  public RepositorySeeder image(String digest, Instant lastPushed, Instant lastPulled, String... currentTags) {
    return add(digest, lastPushed, lastPulled, false, currentTags);
  }

  /**
   * Adds an image that belongs to a multi-platform manifest list: deleting it on its own fails with the
   * per-manifest error {@code child_manifest}.
   *
   * @param digest {@code sha256:} and 64 lower-case hex digits
   * @param lastPushed when it was last pushed (not null)
   * @return this handle
   */
  public RepositorySeeder childManifest(String digest, Instant lastPushed) {
    return add(digest, lastPushed, null, true);
  }

  private RepositorySeeder add(String digest, Instant lastPushed, Instant lastPulled, boolean child,
      String... currentTags) {
    if (digest == null || !ApiRules.DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("digest must be sha256: and 64 lower-case hex digits: " + digest);
    }
    Objects.requireNonNull(lastPushed, "lastPushed");
    List<Repositories.Tag> tags = new ArrayList<>();
    for (String t : currentTags) {
      if (!ApiRules.TAG.matcher(t).matches()) {
        throw new IllegalArgumentException("not a valid tag name: " + t);
      }
      tags.add(new Repositories.Tag(t, true));
    }
    store.repositories().addImage(repo, new Image(digest, lastPushed, lastPulled, tags, child), repo.namespace);
    return this;
  }

  private static String length(String what, String value, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException("a " + what + " has at most " + max + " characters");
    }
    return value;
  }

  private static long nonNegative(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("a count must not be negative");
    }
    return n;
  }
}
