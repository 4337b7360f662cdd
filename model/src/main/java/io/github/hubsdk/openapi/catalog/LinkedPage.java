package io.github.hubsdk.openapi.catalog;

import java.net.URI;
import java.util.List;

/**
 * A page of the {@code {count, next, previous, results}} shape. Every such model implements it (the
 * spec's {@code x-implements} on the page schema), so one paging routine serves every linked list.
 *
 * @param <T> the item type
 */
public interface LinkedPage<T> {

  /** @return the total over all pages, or null when the answer has none */
  Integer getCount();

  /** @return the absolute link to the following page, or null on the last page */
  URI getNext();

  /** @return the items of this page; null when the server sent none */
  List<T> getResults();
}
