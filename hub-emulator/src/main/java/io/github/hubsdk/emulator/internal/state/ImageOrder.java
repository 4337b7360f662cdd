package io.github.hubsdk.emulator.internal.state;

import io.github.hubsdk.emulator.internal.state.Repositories.Image;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The orders of the image listing's {@code ordering} parameter, and (in {@link Sorted}) a repository's
 * images sorted in each, kept until its images change. Internal API.
 *
 * <p>Why a cache: every page of the listing is a slice of the whole sorted list, so sorting on every request
 * made a 100-page walk over 10,000 images sort them 100 times (about 5 ms of CPU per page, most of the
 * emulator's time per page in the paging benchmark). Only the set of images decides an order (digest and
 * last activity never change once an image exists), so the sorted list stays right until an image is added
 * or removed, which {@link Repositories} alone does, under the store's write lock.
 */
public enum ImageOrder {
  LAST_ACTIVITY("last_activity", byActivity()),
  LAST_ACTIVITY_DESC("-last_activity", byActivity().reversed()),
  DIGEST("digest", byDigest()),
  DIGEST_DESC("-digest", byDigest().reversed());

  private final String param;
  private final Comparator<Image> comparator;

  ImageOrder(String param, Comparator<Image> comparator) {
    this.param = param;
    this.comparator = comparator;
  }

  private static Comparator<Image> byActivity() {
    return Comparator.comparing(Image::lastActivity).thenComparing(i -> i.digest);
  }

  private static Comparator<Image> byDigest() {
    return Comparator.comparing(i -> i.digest);
  }

  /** The parameter's value, e.g. {@code -last_activity}. */
  public String param() {
    return param;
  }

  /**
   * The order a parameter value names.
   *
   * @throws IllegalArgumentException for any other value (the handler validates the parameter first)
   */
  public static ImageOrder of(String param) {
    for (ImageOrder o : values()) {
      if (o.param.equals(param)) {
        return o;
      }
    }
    throw new IllegalArgumentException("no image ordering " + param);
  }

  /**
   * One repository's images in each order, sorted when first asked and dropped by {@link #changed()}.
   * Readers run many at once under the store's read lock, so a slot is filled with a compare-and-set (two
   * readers that sort at once build equal lists; either one is kept). {@link #changed()} runs under the write
   * lock, which no reader holds at the same time, and bumps the version so that a list sorted before it is
   * never served after it.
   */
  static final class Sorted {
    private record Entry(long version, List<Image> images) {}

    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(values().length);
    private volatile long version;

    /** The images were added to or removed from: every sorted list is stale. */
    void changed() {
      version++;
      for (int i = 0; i < slots.length(); i++) {
        slots.set(i, null);
      }
    }

    /** {@code images} in {@code order}, unmodifiable; sorted now only when no current list is kept. */
    List<Image> in(ImageOrder order, Iterable<Image> images) {
      long v = version;
      Entry kept = slots.get(order.ordinal());
      if (kept != null && kept.version() == v) {
        return kept.images();
      }
      List<Image> sorted = new ArrayList<>();
      images.forEach(sorted::add);
      sorted.sort(order.comparator);
      Entry fresh = new Entry(v, Collections.unmodifiableList(sorted));
      slots.compareAndSet(order.ordinal(), kept, fresh);
      return fresh.images();
    }
  }
}
