package io.github.hubsdk.emulator.internal.server;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * {@code page} and {@code page_size} of a list request: validated (an integer of at least 1), with the
 * live Hub's silent cap on the page size, slicing, and Django REST framework's absolute
 * {@code next}/{@code previous} links. Internal API.
 */
public final class PageParams {

  /**
   * One page of a linked list.
   *
   * @param total how many items there are in all
   * @param next the next page's absolute URL, or null on the last page
   * @param previous the previous page's absolute URL, or null on the first
   * @param items this page's items
   * @param <T> the item type
   */
  public record Page<T>(int total, URI next, URI previous, List<T> items) {
    /** This page with its items mapped (to generated models). */
    public <R> Page<R> map(Function<? super T, ? extends R> f) {
      return new Page<>(total, next, previous, items.stream().<R>map(f).toList());
    }
  }

  private final int page;
  private final int size;
  private final IntFunction<URI> pageUrl;

  private PageParams(int page, int size, IntFunction<URI> pageUrl) {
    this.page = page;
    this.size = size;
    this.pageUrl = pageUrl;
  }

  /**
   * Reads the parameters.
   *
   * @param raw page and page_size as sent (null when absent)
   * @throws HubError invalidParam for anything but an integer of at least 1
   */
  static PageParams parse(String rawPage, String rawSize, int defaultSize, int maxSize, IntFunction<URI> pageUrl) {
    int page = positive("page", rawPage, 1);
    int size = positive("page_size", rawSize, defaultSize);
    // The live Hub caps page_size silently instead of rejecting it.
    return new PageParams(page, Math.min(size, maxSize), pageUrl);
  }

  private static int positive(String name, String raw, int fallback) {
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw HubError.invalidParam(name, Texts.POSITIVE_INTEGER);
  }

  public int page() {
    return page;
  }

  public int size() {
    return size;
  }

  /** This page of {@code all}, empty past the end (numbered paging: a short page is the last). */
  public <T> List<T> slice(List<T> all) {
    long start = (long) (page - 1) * size;
    if (start >= all.size()) {
      return List.of();
    }
    return all.subList((int) start, (int) Math.min(all.size(), start + size));
  }

  /**
   * This page of {@code all} with count and links, as {@code {count, next, previous, results}} lists answer.
   *
   * @throws HubError pageNotFound for a page past the last one (page 1 of an empty list is fine)
   */
  public <T> Page<T> linked(List<T> all) {
    if (page > 1 && (long) (page - 1) * size >= all.size()) {
      throw HubError.pageNotFound();
    }
    boolean hasNext = (long) page * size < all.size();
    return new Page<>(all.size(), hasNext ? pageUrl.apply(page + 1) : null, page > 1 ? pageUrl.apply(page - 1) : null,
        slice(all));
  }
}
