package io.github.hubsdk.client;

import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.paging.Page;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.model.AuditLogActions;
import io.github.hubsdk.openapi.model.AuditLogEvent;
import io.github.hubsdk.openapi.model.AuditLogPage;
import java.util.List;

/** The audit log of an organization or user namespace: {@code /v2/auditlogs/{account}}. */
public final class AuditLogs {

  private final DockerHubClient hub;
  private final String account;

  AuditLogs(DockerHubClient hub, String account) {
    this.hub = hub;
    this.account = account;
  }

  /**
   * Lists every event, newest first, lazily.
   *
   * @return a paginator
   */
  public Paginator<AuditLogEvent> list() {
    return list(AuditLogFilter.all());
  }

  /**
   * Lists the events that match a filter, newest first, lazily. The answer has no count and no links:
   * pages are requested by number until one is shorter than the page size, so
   * {@link Page#totalCount()} is always empty here.
   *
   * @param filter the criteria
   * @return a paginator
   */
  public Paginator<AuditLogEvent> list(AuditLogFilter filter) {
    Checks.notNull("filter", filter);
    return Paginator.of(request -> {
      AuditLogPage page;
      try {
        page = hub.auditLogsApi().listAuditLogs(account, filter.action().orElse(null), filter.name().orElse(null),
            filter.actor().orElse(null), filter.from().orElse(null), filter.to().orElse(null), request.pageNumber(),
            request.pageSize());
      } catch (NotFoundException pastTheEnd) {
        // After an exactly full page the server may answer 404 for the next one: that is the end.
        if (request.pageNumber() > 1) {
          return Page.numbered(List.of(), request);
        }
        throw pastTheEnd;
      }
      return Page.numbered(page.getLogs(), request);
    });
  }

  /**
   * The catalogue of actions usable as {@link AuditLogFilter.Builder#action(String)}.
   *
   * @return the actions, grouped
   */
  public AuditLogActions actions() {
    return hub.auditLogsApi().listAuditLogActions(account);
  }

  @Override
  public String toString() {
    return "AuditLogs{" + account + "}";
  }
}
