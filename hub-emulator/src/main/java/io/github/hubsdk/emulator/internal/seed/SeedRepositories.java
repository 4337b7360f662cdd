package io.github.hubsdk.emulator.internal.seed;

import io.github.hubsdk.emulator.RepositorySeeder;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.emulator.internal.ApiRules;
import java.time.Instant;
import java.util.List;

/**
 * The {@code repositories} section: details, tags (named or generated) and images with their ages, read
 * into {@link Seeder#repository(String, String)}. Internal API.
 */
final class SeedRepositories {

  private SeedRepositories() {}

  static void repository(SeedSections ctx, SeedNode r) {
    r.object("namespace", "name", "description", "fullDescription", "private", "pullCount", "starCount",
        "categories", "immutableTags", "tags", "generatedTags", "images", "generatedImages", "auditPushes");
    String namespace = r.required("namespace").text();
    String name = r.required("name").text();
    String description = text(r, "description");
    String full = text(r, "fullDescription");
    Boolean isPrivate = r.optional("private") == null ? null : r.optional("private").bool();
    Integer pulls = r.optional("pullCount") == null ? null : r.optional("pullCount").integer(0, Integer.MAX_VALUE);
    Integer stars = r.optional("starCount") == null ? null : r.optional("starCount").integer(0, Integer.MAX_VALUE);
    List<String> categories = r.optional("categories") == null ? null : r.optional("categories").texts();
    List<String> immutable = r.optional("immutableTags") == null ? null : r.optional("immutableTags").texts();
    boolean auditPushes = r.optional("auditPushes") != null && r.optional("auditPushes").bool();
    ctx.seed(r, s -> {
      RepositorySeeder repo = s.repository(namespace, name);
      if (description != null) {
        repo.description(description);
      }
      if (full != null) {
        repo.fullDescription(full);
      }
      if (isPrivate != null) {
        repo.isPrivate(isPrivate);
      }
      if (pulls != null) {
        repo.pullCount(pulls);
      }
      if (stars != null) {
        repo.starCount(stars);
      }
      if (categories != null) {
        repo.categories(categories.toArray(String[]::new));
      }
    });
    SeedNode tags = r.optional("tags");
    if (tags != null) {
      for (SeedNode t : tags.elements()) {
        t.object("name", "pushed", "pulled", "pushedBy", "sameImageAs", "platforms");
        String tag = t.required("name").text();
        Instant pushed = t.optional("pushed") == null ? null : t.optional("pushed").time(ctx.now, false);
        Instant pulled = t.optional("pulled") == null ? null : t.optional("pulled").time(ctx.now, false);
        String by = text(t, "pushedBy");
        String same = text(t, "sameImageAs");
        List<String> platforms = t.optional("platforms") == null ? null : t.optional("platforms").texts();
        ctx.seed(t, s -> s.repository(namespace, name).tag(tag, spec -> {
          if (pushed != null) {
            spec.pushedAt(pushed);
          }
          if (pulled != null) {
            spec.pulledAt(pulled);
          }
          if (by != null) {
            spec.pushedBy(by);
          }
          if (same != null) {
            spec.sameImageAs(same);
          }
          if (platforms != null) {
            spec.platforms(platforms.toArray(String[]::new));
          }
        }));
      }
    }
    SeedNode generatedTags = r.optional("generatedTags");
    if (generatedTags != null) {
      int count = generatedTags.integer(0, 100_000);
      ctx.seed(generatedTags, s -> s.repository(namespace, name).tags(count));
    }
    SeedNode images = r.optional("images");
    if (images != null) {
      for (SeedNode i : images.elements()) {
        i.object("digest", "pushed", "pulled", "tags", "childManifest");
        SeedNode digestNode = i.required("digest");
        String digest = digestNode.text();
        if (!ApiRules.DIGEST.matcher(digest).matches()) {
          throw digestNode.fail("must be sha256: and 64 lower-case hex digits");
        }
        Instant pushed = i.required("pushed").time(ctx.now, false);
        Instant pulled = i.optional("pulled") == null ? null : i.optional("pulled").time(ctx.now, false);
        List<String> imageTags = i.optional("tags") == null ? List.of() : i.optional("tags").texts();
        boolean child = i.optional("childManifest") != null && i.optional("childManifest").bool();
        if (child && (pulled != null || !imageTags.isEmpty())) {
          throw i.fail("a childManifest image has no tags and no pull time of its own");
        }
        ctx.seed(i, s -> {
          RepositorySeeder repo = s.repository(namespace, name);
          if (child) {
            repo.childManifest(digest, pushed);
          } else {
            repo.image(digest, pushed, pulled, imageTags.toArray(String[]::new));
          }
        });
      }
    }
    // Generated images come after the listed ones, as RepositorySeeder.images appends.
    SeedNode generated = r.optional("generatedImages");
    if (generated != null) {
      int count = generated.integer(0, 100_000);
      ctx.seed(generated, s -> s.repository(namespace, name).images(count));
    }
    if (immutable != null) {
      ctx.seed(r.optional("immutableTags"), s -> s.repository(namespace, name).immutableTags(immutable.toArray(String[]::new)));
    }
    if (auditPushes) {
      ctx.seed(r.optional("auditPushes"), s -> s.repository(namespace, name).auditPushes());
    }
  }

  private static String text(SeedNode n, String field) {
    return n.optional(field) == null ? null : n.optional(field).text();
  }
}
