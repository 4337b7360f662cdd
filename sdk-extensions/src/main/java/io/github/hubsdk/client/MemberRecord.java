package io.github.hubsdk.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of an organization's member export ({@code GET /v2/orgs/{org}/members/export}).
 *
 * @param name the full name (empty for an invitee)
 * @param username the Docker ID (empty for an invitee by e-mail)
 * @param email the e-mail address
 * @param type {@code User} or {@code Invitee}
 * @param permission the role ({@code Owner}, {@code Editor}, {@code Member} or a custom role)
 * @param teams the groups (teams), in the file's order
 * @param dateJoined the {@code Date Joined} column as written (Go's time format)
 */
public record MemberRecord(String name, String username, String email, String type, String permission,
    List<String> teams, String dateJoined) {

  /** Copies {@code teams}; nulls become empty. */
  public MemberRecord {
    name = name == null ? "" : name;
    username = username == null ? "" : username;
    email = email == null ? "" : email;
    type = type == null ? "" : type;
    permission = permission == null ? "" : permission;
    teams = teams == null ? List.of() : List.copyOf(teams);
    dateJoined = dateJoined == null ? "" : dateJoined;
  }

  /** Whether this line is a pending invite rather than a member. */
  public boolean invitee() {
    return type.equalsIgnoreCase("Invitee");
  }

  /**
   * The join date, when the column is in Go's format ({@code 2026-01-14 10:12:45.873412 +0000 UTC}) or RFC 3339.
   *
   * @return the instant, or empty when the column is empty or in another format
   */
  public Optional<Instant> joinedAt() {
    return MemberCsv.parseTime(dateJoined);
  }
}
