package io.github.hubsdk.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How one seeded tag was pushed and pulled, its platforms and image: the refinement of
 * {@link RepositorySeeder#tag(String, java.util.function.Consumer)}. Times default to the seeding time (pushed
 * now, never pulled).
 */
public final class TagSeeder {
  private final Instant now;
  Instant pushed;
  Instant pulled;
  String pusher;
  String sameAs;
  List<String> platforms = List.of();

  TagSeeder(Instant now) {
    this.now = now;
    this.pushed = now;
  }

  /**
   * @param days how many days before the seeding time it was last pushed
   * @return this handle
   */
  public TagSeeder pushedDaysAgo(long days) {
    return pushedAt(now.minus(Duration.ofDays(days)));
  }

  /**
   * @param at when it was last pushed
   * @return this handle
   */
  public TagSeeder pushedAt(Instant at) {
    pushed = Objects.requireNonNull(at, "at");
    return this;
  }

  /**
   * @param days how many days before the seeding time it was last pulled
   * @return this handle
   */
  public TagSeeder pulledDaysAgo(long days) {
    return pulledAt(now.minus(Duration.ofDays(days)));
  }

  /**
   * @param at when it was last pulled
   * @return this handle
   */
  public TagSeeder pulledAt(Instant at) {
    pulled = Objects.requireNonNull(at, "at");
    return this;
  }

  /**
   * Never pulled (the default).
   *
   * @return this handle
   */
  public TagSeeder neverPulled() {
    pulled = null;
    return this;
  }

  /**
   * @param username who pushed it (default: the namespace)
   * @return this handle
   */
  public TagSeeder pushedBy(String username) {
    pusher = Objects.requireNonNull(username, "username");
    return this;
  }

  /**
   * Points it at the image of another tag of the repository (as {@code latest} and a release often share one).
   *
   * @param tag a tag seeded before this one
   * @return this handle
   */
  public TagSeeder sameImageAs(String tag) {
    sameAs = Objects.requireNonNull(tag, "tag");
    return this;
  }

  /**
   * Makes it a multi-platform index with one image per platform (default: one {@code linux/amd64} image).
   *
   * @param platforms {@code os/architecture[/variant]}, e.g. {@code linux/arm64/v8}
   * @return this handle
   */
  public TagSeeder platforms(String... platforms) {
    this.platforms = List.of(platforms);
    return this;
  }
}
