package io.github.hubsdk.openapi.catalog;

import java.util.Locale;

/**
 * How a list operation pages, from the spec's {@code x-hub-paging}. Docker Hub has four shapes; the SDK's
 * {@code Paginator} hides them, the emulator renders them.
 */
public enum Paging {
  /** Not a list, or a list answered in one piece (invites' {@code {data}}). */
  NONE,
  /** {@code {count, next, previous, results}} with absolute {@code next} links; 404 past the last page. */
  LINKED,
  /** Like {@link #LINKED} but the total is named {@code total} (organization access tokens). */
  LINKED_TOTAL,
  /** Page numbers only, no count or link (audit logs' {@code {logs}}): a short page is the last one. */
  NUMBERED,
  /** SCIM 2.0: {@code startIndex}, {@code count}, {@code totalResults}, {@code Resources}. */
  SCIM;

  static Paging of(String value) {
    if (value == null || value.isEmpty()) {
      return NONE;
    }
    return valueOf(value.replace('-', '_').toUpperCase(Locale.ROOT));
  }
}
