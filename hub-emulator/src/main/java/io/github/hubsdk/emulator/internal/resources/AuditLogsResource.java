package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.OatRules;

import io.github.hubsdk.emulator.internal.server.Call;
import io.github.hubsdk.emulator.internal.server.Handles;
import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.HubError;
import io.github.hubsdk.emulator.internal.server.PageParams;
import io.github.hubsdk.emulator.internal.server.Reply;
import io.github.hubsdk.emulator.internal.server.Require;
import io.github.hubsdk.emulator.internal.server.Wire;
import io.github.hubsdk.emulator.internal.state.AuditTrail.Event;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.AuditLogEvent;
import io.github.hubsdk.openapi.model.AuditLogPage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The {@code audit-logs} tag: a namespace's audit log, newest first, paged by number without links (a
 * short page is the last), and the actions catalogue. Both need the Owner role, which only a user holds, or
 * the organization's own access token with a {@code TYPE_ORG} resource on it (else 403).
 */
final class AuditLogsResource {

  static final String OAT_WITHOUT_ORG = "this organization access token has no TYPE_ORG resource for the"
      + " organization, so it may not read its audit logs";

  private final Store store;

  AuditLogsResource(HubContext hub) {
    this.store = hub.store();
  }

  @Handles("listAuditLogs")
  Reply list(Call c) {
    String account = requireOwner(c);
    Map<String, String> q = c.query();
    OffsetDateTime fromParam = Require.dateTimeParam("from", q.get("from"), null);
    OffsetDateTime toParam = Require.dateTimeParam("to", q.get("to"), null);
    Instant from = fromParam == null ? null : fromParam.toInstant();
    Instant to = toParam == null ? null : toParam.toInstant();
    PageParams paging = c.page(25, 100);
    List<Event> events = store.audit().of(account, e ->
        (!q.containsKey("action") || e.action().equals(q.get("action")))
            && (!q.containsKey("name") || e.name().equals(q.get("name")))
            && (!q.containsKey("actor") || e.actor().equals(q.get("actor")))
            && (from == null || !e.timestamp().isBefore(from))
            && (to == null || !e.timestamp().isAfter(to)));
    return Reply.ok(new AuditLogPage().logs(paging.slice(events).stream().map(AuditLogsResource::toModel).toList()));
  }

  @Handles("listAuditLogActions")
  Reply actions(Call c) {
    requireOwner(c);
    return Reply.ok(AuditCatalogue.model());
  }

  /**
   * The path's account, when the caller is a user owning it, or the organization's own access token with a
   * {@code TYPE_ORG} resource on it (the live Hub accepts OAT bearers here since 2025-03-18); else 403.
   */
  private String requireOwner(Call c) {
    String account = c.path("account");
    if (!c.caller().isUser()) {
      if (!c.caller().username().equals(account)) {
        throw HubError.forbidden();
      }
      if (!OatRules.allowsOrganization(c.caller().token().resources, account)) {
        throw HubError.forbidden(OAT_WITHOUT_ORG);
      }
      return account;
    }
    if (!store.accounts().isOwner(c.caller().username(), account)) {
      throw HubError.forbidden();
    }
    return account;
  }

  private static AuditLogEvent toModel(Event e) {
    return new AuditLogEvent().account(e.account()).action(e.action()).name(e.name()).actor(e.actor())
        .data(e.data()).timestamp(Wire.time(e.timestamp())).actionDescription(e.description());
  }
}
