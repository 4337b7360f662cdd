package io.github.hubsdk.emulator.internal.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hubsdk.emulator.InvalidSeedException;
import io.github.hubsdk.emulator.Plan;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One value of a seed document with its JSON pointer: typed reads that refuse, with the value's line and
 * column, anything of the wrong type, out of range or unknown. Internal API.
 */
public final class SeedNode {

  private final LocatedJson doc;
  private final String pointer;
  private final JsonNode node;

  SeedNode(LocatedJson doc, String pointer, JsonNode node) {
    this.doc = doc;
    this.pointer = pointer;
    this.node = node;
  }

  /** A refusal at this value. */
  public InvalidSeedException fail(String problem) {
    return doc.error(pointer, problem);
  }

  /** Insists on an object whose fields are all among {@code allowed}. */
  public SeedNode object(String... allowed) {
    if (!node.isObject()) {
      throw fail("must be an object, not " + kind());
    }
    Set<String> known = new TreeSet<>(Arrays.asList(allowed));
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw child(f).fail("unknown field '" + f + "'; allowed here: " + String.join(", ", known));
      }
    }
    return this;
  }

  private SeedNode child(String field) {
    return new SeedNode(doc, pointer + "/" + LocatedJson.escape(field), node.get(field));
  }

  /** The field, which must be there and not null. */
  public SeedNode required(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw fail("missing required field '" + field + "'");
    }
    return child(field);
  }

  /** The field, or null when absent or null. */
  public SeedNode optional(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : child(field);
  }

  /** The elements of an array. */
  public List<SeedNode> elements() {
    if (!node.isArray()) {
      throw fail("must be an array, not " + kind());
    }
    List<SeedNode> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new SeedNode(doc, pointer + "/" + i, node.get(i)));
    }
    return out;
  }

  /** A non-blank string. */
  public String text() {
    if (!node.isTextual() || node.asText().isBlank()) {
      throw fail("must be a non-blank string, not " + kind());
    }
    return node.asText();
  }

  /** An array of non-blank strings. */
  public List<String> texts() {
    List<String> out = new ArrayList<>();
    for (SeedNode e : elements()) {
      out.add(e.text());
    }
    return out;
  }

  /** An object of string values. */
  public Map<String, String> stringMap() {
    if (!node.isObject()) {
      throw fail("must be an object of strings, not " + kind());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw child(e.getKey()).fail("must be a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  /** true or false. */
  public boolean bool() {
    if (!node.isBoolean()) {
      throw fail("must be true or false, not " + kind());
    }
    return node.asBoolean();
  }

  /** A whole number in range. */
  public int integer(int min, int max) {
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
      throw fail("must be a whole number from " + min + " to " + max + ", not " + node);
    }
    return node.asInt();
  }

  /** A plan name, any case. */
  public Plan plan() {
    String text = text();
    try {
      return Plan.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw fail("unknown plan '" + text + "'; one of free, pro, team, business");
    }
  }

  /**
   * A point in time: an RFC 3339 date-time, or an ISO-8601 duration meaning that long before {@code now}
   * ({@code P3D}: three days ago), or after it when {@code future} ({@code P90D}: in 90 days).
   */
  public Instant time(Instant now, boolean future) {
    String text = text();
    if (text.startsWith("P") || text.startsWith("-P")) {
      try {
        Duration d = Duration.parse(text);
        return future ? now.plus(d) : now.minus(d);
      } catch (DateTimeParseException e) {
        throw fail("not an ISO-8601 duration such as P3D or PT5H: " + text);
      }
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw fail("must be an RFC 3339 date-time (2026-11-26T10:00:00Z) or an ISO-8601 duration (P3D), not " + text);
    }
  }

  private String kind() {
    return node == null || node.isNull() ? "null" : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
