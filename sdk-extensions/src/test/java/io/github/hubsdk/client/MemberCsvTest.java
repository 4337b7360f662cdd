package io.github.hubsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hubsdk.client.error.MalformedResponseException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberCsvTest {

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaks() {
    String csv = "Name,Username,Email,Type,Permission,Teams,Date Joined\r\n"
        + "\"Smith, Alice \"\"Al\"\"\",alice,a@x.test,User,Owner,\"owners,web\",2026-01-14 10:12:45.873412 +0000 UTC\r\n"
        + "\"two\nlines\",bob,b@x.test,User,Release Manager,,2026-03-02 16:45:10 +0000 UTC\r\n"
        + "\r\n"
        + ",,jane@example.com,Invitee,Member,web-team,2026-11-25T16:40:02Z\n";
    List<MemberRecord> records = MemberCsv.records(csv).toList();
    assertThat(records).hasSize(3);
    assertThat(records.get(0).name()).isEqualTo("Smith, Alice \"Al\"");
    assertThat(records.get(0).teams()).containsExactly("owners", "web");
    assertThat(records.get(0).joinedAt()).hasValue(Instant.parse("2026-01-14T10:12:45.873412Z"));
    assertThat(records.get(1).name()).isEqualTo("two\nlines");
    assertThat(records.get(1).permission()).isEqualTo("Release Manager");
    assertThat(records.get(1).joinedAt()).hasValue(Instant.parse("2026-03-02T16:45:10Z"));
    assertThat(records.get(2).invitee()).isTrue();
    assertThat(records.get(2).joinedAt()).hasValue(Instant.parse("2026-11-25T16:40:02Z"));
  }

  @Test
  void columnsAreFoundByNameAndAMissingOneIsAMalformedAnswer() {
    String reordered = "\uFEFFUsername,Name,Extra,Email,Type,Permission,Teams,Date Joined\nalice,Alice,?,a@x,User,Owner,,\n";
    MemberRecord only = MemberCsv.records(reordered).findFirst().orElseThrow();
    assertThat(only.username()).isEqualTo("alice");
    assertThat(only.name()).isEqualTo("Alice");
    assertThat(only.joinedAt()).isEmpty();
    assertThatThrownBy(() -> MemberCsv.records("Name,Username,Email,Type,Role,Teams,Date Joined\n"))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("Permission");
    assertThatThrownBy(() -> MemberCsv.records("")).isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> MemberCsv.records("Name,Username,Email,Type,Permission,Teams,Date Joined\n\"open").toList())
        .isInstanceOf(MalformedResponseException.class);
  }
}
