package io.github.hubsdk.emulator.internal.seed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hubsdk.emulator.InvalidSeedException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document with the line and column of every value, by JSON pointer, so that a problem found after
 * parsing can still be reported where it is in the text. Internal API.
 */
public final class LocatedJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  final String source;
  final JsonNode root;
  private final Map<String, int[]> at;

  private LocatedJson(String source, JsonNode root, Map<String, int[]> at) {
    this.source = source;
    this.root = root;
    this.at = at;
  }

  /** Parses the text; a syntax error (or a duplicate key) is refused with its line and column. */
  public static LocatedJson parse(String text, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new InvalidSeedException(source, "", l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
          // Jackson quotes an unrecognized token whole: it may be an unquoted secret.
          "not valid JSON: " + e.getOriginalMessage().replaceAll("Unrecognized token '[^']*'", "Unrecognized token"));
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidSeedException(source, "", 1, 1, "the document is empty; it must be one JSON object");
    }
    return new LocatedJson(source, root, locations(text));
  }

  /** Walks the tokens once, noting where each value starts. */
  private static Map<String, int[]> locations(String text) {
    Map<String, int[]> out = new HashMap<>();
    // Each frame: the pointer of the container and, for an object, the current field or, for an array, the index.
    Deque<Object[]> frames = new ArrayDeque<>();
    try (JsonParser p = new JsonFactory().createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          frames.peek()[1] = p.currentName();
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          frames.pop();
          continue;
        }
        String pointer;
        Object[] parent = frames.peek();
        if (parent == null) {
          pointer = "";
        } else if (parent[1] instanceof int[] index) {
          pointer = parent[0] + "/" + (++index[0]);
        } else {
          pointer = parent[0] + "/" + escape((String) parent[1]);
        }
        JsonLocation l = p.currentTokenLocation();
        out.put(pointer, new int[] {l.getLineNr(), l.getColumnNr()});
        if (t == JsonToken.START_OBJECT) {
          frames.push(new Object[] {pointer, null});
        } else if (t == JsonToken.START_ARRAY) {
          frames.push(new Object[] {pointer, new int[] {-1}});
        }
      }
    } catch (IOException e) {
      // Already parsed once without error: cannot happen; locations are a help, not a requirement.
    }
    return out;
  }

  static String escape(String field) {
    return field.replace("~", "~0").replace("/", "~1");
  }

  /** The document's root. */
  public SeedNode root() {
    return new SeedNode(this, "", root);
  }

  /** A refusal at the value with this pointer (or its nearest located parent). */
  InvalidSeedException error(String pointer, String problem) {
    String p = pointer;
    int[] where = at.get(p);
    while (where == null && !p.isEmpty()) {
      p = p.substring(0, p.lastIndexOf('/'));
      where = at.get(p);
    }
    return new InvalidSeedException(source, pointer, where == null ? 0 : where[0], where == null ? 0 : where[1],
        problem);
  }
}
