package io.github.hubsdk.emulator.internal.resources;

import io.github.hubsdk.emulator.internal.server.HubContext;
import io.github.hubsdk.emulator.internal.server.Wire;
import io.github.hubsdk.emulator.internal.state.Accounts;
import io.github.hubsdk.emulator.internal.state.Invites.Invite;
import io.github.hubsdk.emulator.internal.state.Profiles.Profile;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.model.AccountType;
import io.github.hubsdk.openapi.model.OrgMember;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An organization's members and invitees as the member list shows them and as the CSV export writes them.
 * Members sorted by username, then invitees in the order they were invited. Internal API.
 */
final class MemberRows {

  static final String CSV_HEADER = "Name,Username,Email,Type,Permission,Teams,Date Joined";
  /** Go's time format, as the live export writes it ({@code 2026-01-14 10:12:45.873412 +0000 UTC}). */
  private static final DateTimeFormatter GO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  private final HubContext hub;
  private final Store store;

  MemberRows(HubContext hub) {
    this.hub = hub;
    this.store = hub.store();
  }

  List<OrgMember> of(Accounts.Org org, boolean members, boolean invitees) {
    List<OrgMember> out = new ArrayList<>();
    if (members) {
      List<String> names = new ArrayList<>(org.owners);
      names.addAll(org.members);
      names.sort(Comparator.naturalOrder());
      for (String name : names) {
        out.add(member(org, name));
      }
    }
    if (invitees) {
      for (Invite i : store.invites().of(org.name)) {
        out.add(invitee(i));
      }
    }
    return out;
  }

  OrgMember member(Accounts.Org org, String user) {
    Profile p = store.profiles().of(user, hub.now());
    String email = store.emails().of(user);
    return new OrgMember().id(p.id).username(user).fullName(p.fullName).company(p.company).location(p.location)
        .dateJoined(Wire.time(joined(org, user))).gravatarEmail("").gravatarUrl("").profileUrl("")
        .type(AccountType.USER).email(email).role(org.roleOf(user))
        .groups(new ArrayList<>(store.accounts().groupsOf(org.name, user))).isGuest(false);
  }

  private static OrgMember invitee(Invite i) {
    return new OrgMember().id(i.id.toString().replace("-", "")).username(i.byEmail() ? "" : i.invitee)
        .fullName("").dateJoined(Wire.time(i.createdAt)).type(AccountType.USER)
        .email(i.byEmail() ? i.invitee : "").role("Invitee")
        .groups(i.team == null ? new ArrayList<>() : new ArrayList<>(List.of(i.team))).isGuest(false);
  }

  private Instant joined(Accounts.Org org, String user) {
    Instant at = org.joined.get(user);
    return at != null ? at : store.profiles().of(user, hub.now()).joined;
  }

  /** The export: a header line, then one line per member and per invitee, RFC 4180 quoting, LF endings. */
  String csv(Accounts.Org org) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
    for (OrgMember m : of(org, true, false)) {
      row(out, m.getFullName(), m.getUsername(), m.getEmail(), "User", m.getRole(), String.join(",", m.getGroups()),
          goTime(joined(org, m.getUsername())));
    }
    for (Invite i : store.invites().of(org.name)) {
      row(out, "", i.byEmail() ? "" : i.invitee, i.byEmail() ? i.invitee : "", "Invitee", i.role,
          i.team == null ? "" : i.team, goTime(i.createdAt));
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(fields[i] == null ? "" : fields[i]));
    }
    out.append('\n');
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /** Go's {@code time.Time.String()} in UTC: fractional seconds without trailing zeros, none when zero. */
  static String goTime(Instant at) {
    StringBuilder s = new StringBuilder(GO_SECONDS.format(at));
    int micros = at.getNano() / 1000;
    if (micros != 0) {
      String frac = String.format("%06d", micros).replaceAll("0+$", "");
      s.append('.').append(frac);
    }
    return s.append(" +0000 UTC").toString();
  }
}
