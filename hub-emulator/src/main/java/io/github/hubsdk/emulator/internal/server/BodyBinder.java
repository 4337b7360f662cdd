package io.github.hubsdk.emulator.internal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.hubsdk.emulator.internal.server.Texts.Problem;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Binds a request body to a generated model with the emulator's strict JSON ({@link Wire}), turning every
 * Jackson failure into the {@link HubError} Docker Hub would answer: a body that is not one JSON object,
 * trailing data after it, or a field of the wrong type or an enum value the spec does not list.
 */
final class BodyBinder {

  private BodyBinder() {}

  static <T> T bind(byte[] body, Class<T> type) {
    JsonNode tree;
    try {
      tree = body.length == 0 ? null : Wire.MAPPER.readTree(body);
    } catch (IOException e) {
      throw HubError.invalid(List.of(new HubError.FieldError("non_field_errors", "body", HubError.Where.WHOLE,
          Texts.BODY_NOT_JSON)));
    }
    if (tree == null || !tree.isObject()) {
      throw HubError.invalid(List.of(new HubError.FieldError("non_field_errors", "body", HubError.Where.WHOLE,
          Texts.BODY_NOT_OBJECT)));
    }
    try {
      return Wire.MAPPER.treeToValue(tree, type);
    } catch (MismatchedInputException e) {
      throw fieldError(e);
    } catch (JsonProcessingException e) {
      throw HubError.invalid(List.of(new HubError.FieldError("non_field_errors", "body", HubError.Where.WHOLE,
          Texts.BODY_NOT_OBJECT)));
    }
  }

  private static HubError fieldError(MismatchedInputException e) {
    String top = null;
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (top == null) {
          top = ref.getFieldName();
        }
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    if (top == null) {
      return HubError.invalid(List.of(new HubError.FieldError("non_field_errors", "body", HubError.Where.WHOLE,
          Texts.BODY_NOT_OBJECT)));
    }
    return HubError.invalidField(top, path.toString(), problem(e));
  }

  private static Problem problem(MismatchedInputException e) {
    Class<?> target = e.getTargetType();
    if (target == null) {
      return Texts.OBJECT;
    }
    if (target == Boolean.class || target == boolean.class) {
      return Texts.BOOLEAN;
    }
    if (target.isEnum()) {
      Object value = e instanceof InvalidFormatException f ? f.getValue() : null;
      List<String> choices = new ArrayList<>();
      for (Object constant : target.getEnumConstants()) {
        if (!((Enum<?>) constant).name().equals("UNKNOWN_DEFAULT_OPEN_API")) {
          choices.add(constant.toString());
        }
      }
      return Texts.choice(String.valueOf(value), choices);
    }
    if (target == OffsetDateTime.class || target == Instant.class || target == LocalDate.class) {
      return Texts.DATETIME;
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return Texts.LIST;
    }
    if (target == String.class) {
      return Texts.STRING;
    }
    if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
      return Texts.INTEGER;
    }
    return Texts.OBJECT;
  }
}
