package io.github.hubsdk.client;

import io.github.hubsdk.openapi.api.AuditLogsApi;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.client.paging.Paginator;
import io.github.hubsdk.openapi.model.AuditLogActions;
import io.github.hubsdk.openapi.model.AuditLogEvent;
import io.github.hubsdk.openapi.model.AuditLogPage;
import java.util.List;

/** The audit log of an organization or user namespace: {@code /v2/auditlogs/{account}}. */
public final class AuditLogs {

  private final Transport transport;
  private final AuditLogsApi api;
  private final String account;

  AuditLogs(Transport transport, String account) {
    this.transport = transport;
    this.api = transport.api(AuditLogsApi.class);
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
   * {@link io.github.hubsdk.client.paging.Page#totalCount()} is always empty here.
   *
   * @param filter the criteria
   * @return a paginator
   */
  public Paginator<AuditLogEvent> list(AuditLogFilter filter) {
    Checks.notNull("filter", filter);
    return transport.numberedPages(HubOperation.LIST_AUDIT_LOGS, request -> {
      AuditLogPage page;
      try {
        page = api.listAuditLogs(account, filter.action().orElse(null), filter.name().orElse(null),
            filter.actor().orElse(null), filter.from().orElse(null), filter.to().orElse(null), request.pageNumber(),
            request.pageSize());
      } catch (NotFoundException pastTheEnd) {
        // After an exactly full page the server may answer 404 for the next one: that is the end.
        if (request.pageNumber() > 1) {
          return List.of();
        }
        throw pastTheEnd;
      }
      return page.getLogs();
    });
  }

  /**
   * The catalogue of actions usable as {@link AuditLogFilter.Builder#action(String)}.
   *
   * @return the actions, grouped
   */
  public AuditLogActions actions() {
    return api.listAuditLogActions(account);
  }

  @Override
  public String toString() {
    return "AuditLogs{" + account + "}";
  }
}
