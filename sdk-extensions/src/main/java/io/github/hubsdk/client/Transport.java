package io.github.hubsdk.client;

import io.github.hubsdk.client.error.MalformedResponseException;
import io.github.hubsdk.client.error.UntrustedNextLinkException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.client.paging.PageRequest;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.catalog.LinkedPage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one collaborator of every operation group ({@link AccessTokens}, {@link AuditLogs}, ...): the
 * generated interfaces, already wired with the client's transport, authentication, retries and error
 * decoding, and the paging routines. Groups never see {@link DockerHubClient}, so a new group is one new
 * file.
 */
final class Transport {

  private final URI baseUrl;
  private final Function<Class<?>, Object> factory;
  private final BiFunction<Class<?>, String, Object> bearerFactory;
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private final int maxPages;

  Transport(URI baseUrl, Function<Class<?>, Object> factory, BiFunction<Class<?>, String, Object> bearerFactory,
      int maxPages) {
    this.baseUrl = baseUrl;
    this.factory = factory;
    this.bearerFactory = bearerFactory;
    this.maxPages = maxPages;
  }

  /**
   * A generated interface whose every request carries {@code bearer} as its own {@code Authorization} (the SCIM
   * token), never the client's JWT; built anew, for the one group that holds the token.
   */
  <T> T api(Class<T> type, String bearer) {
    Objects.requireNonNull(type, "type");
    return type.cast(bearerFactory.apply(type, bearer));
  }

  /** A generated interface, built once per type. */
  <T> T api(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return type.cast(apis.computeIfAbsent(type, factory));
  }

  URI baseUrl() {
    return baseUrl;
  }

  /**
   * A list of the {@code {count, next, previous, results}} shape: the first page by number, each further one
   * by following {@code next} exactly, once {@link #trustedNext} accepts it.
   */
  <P extends LinkedPage<T>, T> Paginator<T> linkedPages(HubOperation op, BiFunction<Integer, Integer, P> byNumber,
      Function<URI, P> byLink) {
    return linkedPages(op, byNumber, byLink, LinkedPage::getResults, LinkedPage::getCount, LinkedPage::getNext);
  }

  /** The same for page models of another naming (organization access tokens count with {@code total}). */
  <P, T> Paginator<T> linkedPages(HubOperation op, BiFunction<Integer, Integer, P> byNumber, Function<URI, P> byLink,
      Function<P, List<T>> results, Function<P, Integer> count, Function<P, URI> next) {
    String name = op.operationId();
    return Paginator.of(name, (PageRequest request) -> {
      P page = request.next().isPresent()
          ? byLink.apply(trustedNext(request.next().get(), name))
          : byNumber.apply(request.pageNumber(), request.pageSize());
      List<T> items = results.apply(page);
      if (items == null) {
        throw new MalformedResponseException(200, name, "a page without results", null);
      }
      return Page.linked(items, count.apply(page), next.apply(page), request);
    }).maxPages(maxPages);
  }

  /** A list numbered by page only (audit logs): the last page is the first one shorter than the page size. */
  <T> Paginator<T> numberedPages(HubOperation op, Function<PageRequest, List<T>> fetch) {
    String name = op.operationId();
    return Paginator.of(name, (PageRequest request) -> {
      List<T> items = fetch.apply(request);
      if (items == null) {
        throw new MalformedResponseException(200, name, "a page without its list", null);
      }
      return Page.numbered(items, request);
    }).maxPages(maxPages);
  }

  /**
   * A SCIM 2.0 list ({@code startIndex}, {@code count}, {@code totalResults}, {@code Resources}): each page is
   * requested from the index after the last item received ({@link Page#scim}). An answer without
   * {@code totalResults}, without {@code Resources} although items remain, or that starts elsewhere than asked
   * is a {@link MalformedResponseException}: paging on would skip or repeat users.
   *
   * @param fetch calls the list operation with (startIndex, count)
   */
  <P, T> Paginator<T> scimPages(HubOperation op, BiFunction<Integer, Integer, P> fetch, Function<P, List<T>> resources,
      Function<P, Integer> totalResults, Function<P, Integer> startIndex) {
    String name = op.operationId();
    return Paginator.of(name, (PageRequest request) -> {
      int start = request.startIndex();
      P page = fetch.apply(start, request.pageSize());
      Integer total = totalResults.apply(page);
      if (total == null || total < 0) {
        throw new MalformedResponseException(200, name, "a SCIM list without totalResults", null);
      }
      List<T> items = resources.apply(page);
      if (items == null && start <= total) {
        throw new MalformedResponseException(200, name, "a SCIM list without Resources, " + total
            + " results from index " + start + " remaining", null);
      }
      Integer answered = startIndex.apply(page);
      if (answered != null && answered != start && items != null && !items.isEmpty()) {
        throw new MalformedResponseException(200, name, "a SCIM page from index " + answered + " for a request from "
            + start, null);
      }
      return Page.scim(items, total, request);
    }).maxPages(maxPages);
  }

  /** Refuses a {@code next} link to any other origin: following it would hand the JWT to that server. */
  URI trustedNext(URI next, String operation) {
    URI resolved = next.isAbsolute() ? next : baseUrl.resolve(next);
    boolean sameScheme = baseUrl.getScheme().equalsIgnoreCase(String.valueOf(resolved.getScheme()));
    boolean sameHost = resolved.getHost() != null && baseUrl.getHost().equalsIgnoreCase(resolved.getHost());
    boolean samePort = port(baseUrl) == port(resolved);
    boolean noUserInfo = resolved.getRawUserInfo() == null;
    if (!(sameScheme && sameHost && samePort && noUserInfo)) {
      throw new UntrustedNextLinkException(operation, next, baseUrl);
    }
    return resolved;
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
