package io.github.hubsdk.emulator.internal.server;

import io.github.hubsdk.emulator.internal.server.HubError.FieldError;
import io.github.hubsdk.emulator.internal.server.HubError.Where;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Field checks the generated models cannot make (required, blank, length), collecting Docker Hub's texts
 * for one {@link HubError}. Not thread-safe; one per request. Internal API.
 */
public final class Require {

  private final List<FieldError> errors = new ArrayList<>();

  /** A required text field; throws at once when it is missing or empty, as the logins answer. */
  public static String present(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw HubError.invalidField(field, Texts.REQUIRED);
    }
    return value;
  }

  /** A query parameter that, when present, must be an RFC 3339 date-time with an offset. */
  public static OffsetDateTime dateTimeParam(String name, String raw, OffsetDateTime fallback) {
    if (raw == null) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(raw);
    } catch (DateTimeParseException e) {
      throw HubError.invalidParam(name, Texts.DATETIME);
    }
  }

  /** A query parameter that, when present, must be one of {@code choices}. */
  public static String choiceParam(String name, String raw, List<String> choices) {
    if (raw != null && !choices.contains(raw)) {
      throw HubError.invalidParam(name, Texts.choice(raw, choices));
    }
    return raw;
  }

  /**
   * A label-like text: null when absent (an error if {@code required}), blank and too long are errors.
   *
   * @return the value when valid, else null
   */
  public String text(String field, String value, boolean required, int maxLength) {
    if (value == null) {
      if (required) {
        add(field, Texts.REQUIRED);
      }
      return null;
    }
    if (value.isEmpty()) {
      add(field, Texts.BLANK);
      return null;
    }
    if (value.length() > maxLength) {
      add(field, Texts.maxLength(maxLength));
      return null;
    }
    return value;
  }

  /** Records an error of a body field. */
  public Require add(String field, Texts.Problem problem) {
    errors.add(new FieldError(field, field, Where.FIELD, problem));
    return this;
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  /** Throws the collected errors, if any. */
  public void check() {
    if (!errors.isEmpty()) {
      throw HubError.invalid(errors);
    }
  }
}
