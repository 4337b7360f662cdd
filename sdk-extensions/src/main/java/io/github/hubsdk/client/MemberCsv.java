package io.github.hubsdk.client;

import io.github.hubsdk.client.error.MalformedResponseException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the member export: RFC 4180 (quoted fields may hold commas, doubled quotes and line breaks; CRLF or
 * LF), columns found by their header names so that an added or reordered column does not break it. Lines
 * are parsed one at a time as the stream is consumed.
 */
final class MemberCsv {

  static final String OPERATION = "exportOrgMembers";
  private static final List<String> REQUIRED = List.of("Name", "Username", "Email", "Type", "Permission", "Teams",
      "Date Joined");

  private MemberCsv() {
  }

  /** The records of an export, parsed lazily. */
  static Stream<MemberRecord> records(String csv) {
    Reader in = new StringReader(csv);
    List<String> header = readRow(in);
    if (header == null) {
      throw new MalformedResponseException(200, OPERATION, "an empty CSV (no header line)", null);
    }
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
      header.set(0, header.get(0).substring(1));
    }
    int[] at = new int[REQUIRED.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = header.indexOf(REQUIRED.get(i));
      if (at[i] < 0) {
        throw new MalformedResponseException(200, OPERATION, "the CSV has no column " + REQUIRED.get(i)
            + " (its header: " + String.join(",", header) + ")", null);
      }
    }
    Iterator<MemberRecord> it = new Iterator<>() {
      private List<String> next = advance();

      private List<String> advance() {
        List<String> row;
        do {
          row = readRow(in);
        } while (row != null && row.size() == 1 && row.get(0).isEmpty()); // blank lines
        return row;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public MemberRecord next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        List<String> row = next;
        next = advance();
        String teams = cell(row, at[5]);
        List<String> teamList = new ArrayList<>();
        for (String t : teams.split(",")) {
          if (!t.isBlank()) {
            teamList.add(t.trim());
          }
        }
        return new MemberRecord(cell(row, at[0]), cell(row, at[1]), cell(row, at[2]), cell(row, at[3]),
            cell(row, at[4]), teamList, cell(row, at[6]));
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  private static String cell(List<String> row, int index) {
    return index < row.size() ? row.get(index) : "";
  }

  /** One record's fields, or null at the end of the input. */
  static List<String> readRow(Reader in) {
    try {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      while (true) {
        if (quoted) {
          if (c < 0) {
            throw new MalformedResponseException(200, OPERATION, "the CSV ends inside a quoted field", null);
          }
          if (c == '"') {
            int d = in.read();
            if (d == '"') {
              field.append('"');
            } else {
              quoted = false;
              c = d;
              continue;
            }
          } else {
            field.append((char) c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
        } else if (c == '\r' || c == '\n' || c < 0) {
          if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
              in.reset();
            }
          }
          fields.add(field.toString());
          return fields;
        } else {
          field.append((char) c);
        }
        c = in.read();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not throw
    }
  }

  /** Go's {@code time.Time.String()} ({@code 2026-01-14 10:12:45.873412 +0000 UTC}) or RFC 3339. */
  static Optional<Instant> parseTime(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim();
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException notRfc3339) {
      // try Go's format below
    }
    int zone = t.lastIndexOf(' ');
    String withoutName = zone > 0 && t.substring(zone + 1).chars().allMatch(Character::isLetter)
        ? t.substring(0, zone) : t;
    String[] parts = withoutName.split(" ");
    if (parts.length != 3) {
      return Optional.empty();
    }
    String seconds = parts[1];
    String fraction = "";
    int dot = seconds.indexOf('.');
    if (dot >= 0) {
      fraction = seconds.substring(dot + 1);
      seconds = seconds.substring(0, dot);
    }
    try {
      String nanos = (fraction + "000000000").substring(0, 9);
      String offset = parts[2].length() == 5 ? parts[2].substring(0, 3) + ":" + parts[2].substring(3) : parts[2];
      return Optional.of(OffsetDateTime.parse(parts[0] + "T" + seconds + "." + nanos + offset.toUpperCase(Locale.ROOT))
          .toInstant());
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }
}
