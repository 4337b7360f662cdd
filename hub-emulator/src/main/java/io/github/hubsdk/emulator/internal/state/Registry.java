package io.github.hubsdk.emulator.internal.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Repositories and their images (manifests) with tags. Guarded by the {@link Store}'s lock. */
public final class Registry {

  /** A tag that points or pointed to an image. */
  public record Tag(String name, boolean current) {}

  /** An image (manifest). */
  public static final class Image {
    public final String digest;
    public final Instant lastPushed;
    public final Instant lastPulled;
    public final List<Tag> tags;
    public final boolean child;

    public Image(String digest, Instant lastPushed, Instant lastPulled, List<Tag> tags, boolean child) {
      this.digest = digest;
      this.lastPushed = lastPushed;
      this.lastPulled = lastPulled;
      this.tags = List.copyOf(tags);
      this.child = child;
    }

    /** The later of push and pull. */
    public Instant lastActivity() {
      if (lastPulled == null) {
        return lastPushed;
      }
      if (lastPushed == null) {
        return lastPulled;
      }
      return lastPulled.isAfter(lastPushed) ? lastPulled : lastPushed;
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

  /** A repository and its images by digest. */
  public static final class Repo {
    public final String namespace;
    public final String name;
    public final Map<String, Image> images = new LinkedHashMap<>();

    Repo(String namespace, String name) {
      this.namespace = namespace;
      this.name = name;
    }

    /** {@code namespace/name}. */
    public String fullName() {
      return namespace + "/" + name;
    }
  }

  private final Map<String, Repo> repos = new LinkedHashMap<>();
  private final Accounts accounts;

  Registry(Accounts accounts) {
    this.accounts = accounts;
  }

  void clear() {
    repos.clear();
  }

  /** The repository, or null when it does not exist. */
  public Repo repo(String namespace, String name) {
    return repos.get(namespace + "/" + name);
  }

  /** The repository, created empty when missing; the namespace must exist. */
  public Repo repoOrCreate(String namespace, String name) {
    Repo repo = repo(namespace, name);
    if (repo == null) {
      if (!accounts.exists(namespace)) {
        throw new IllegalArgumentException("no user or organization named " + namespace);
      }
      repo = new Repo(namespace, name);
      repos.put(namespace + "/" + name, repo);
    }
    return repo;
  }
}
