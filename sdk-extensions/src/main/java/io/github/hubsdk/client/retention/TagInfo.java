package io.github.hubsdk.client.retention;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What retention needs to know about one tag: a few dozen bytes, however many images the tag has.
 *
 * @param name the tag's name
 * @param digest the tag's manifest digest, or null when the server did not say
 * @param pushed when the tag was last pushed, or null when unknown
 * @param pulled when the tag was last pulled, or null when never (or unknown)
 */
public record TagInfo(String name, String digest, Instant pushed, Instant pulled) {

  /**
   * Checks the name.
   *
   * @param name not blank
   * @param digest may be null
   * @param pushed may be null
   * @param pulled may be null
   */
  public TagInfo {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a tag's name must not be blank");
    }
  }

  /**
   * The last push or pull, whichever is later.
   *
   * @return the instant, or empty when neither is known
   */
  public Optional<Instant> lastActivity() {
    if (pushed == null) {
      return Optional.ofNullable(pulled);
    }
    return Optional.of(pulled == null || pushed.isAfter(pulled) ? pushed : pulled);
  }
}
