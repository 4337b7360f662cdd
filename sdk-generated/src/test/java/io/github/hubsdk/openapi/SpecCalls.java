package io.github.hubsdk.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Param;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Every operation of the spec as a call of its generated method, with arguments taken from the spec's
 * examples, and exactly what must go over the wire for them. Derived from the document and the operation
 * catalogue, so a new operation is covered without an edit here.
 */
final class SpecCalls {

  static final OffsetDateTime DATE_TIME = OffsetDateTime.parse("2026-10-26T02:00+02:00");
  private static OpenAPI spec;

  /** One operation, ready to call. */
  record Call(HubOperation op, Operation operation, Method method, Object[] args, String rawPath,
      Map<String, String> query, JsonNode body) {
    @Override
    public String toString() {
      return op.operationId();
    }
  }

  private SpecCalls() {
  }

  static synchronized OpenAPI spec() {
    if (spec == null) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      spec = new OpenAPIV3Parser().read(System.getProperty("hubsdk.spec.file", "../spec/docker-hub-api.yaml"),
          null, options);
    }
    return spec;
  }

  static Map<String, Operation> operations() {
    Map<String, Operation> ops = new TreeMap<>();
    for (PathItem item : spec().getPaths().values()) {
      item.readOperationsMap().values().forEach(op -> ops.put(op.getOperationId(), op));
    }
    return ops;
  }

  /** The generated interface of a tag: {@code access-tokens} is {@code AccessTokensApi}. */
  static Class<?> apiOf(HubOperation op) {
    StringBuilder name = new StringBuilder("io.github.hubsdk.openapi.api.");
    for (String part : op.tag().split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    try {
      return Class.forName(name.append("Api").toString());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no generated interface for tag " + op.tag() + ": " + name, e);
    }
  }

  /** The generated method of an operation (not its next-link overload). */
  static Method methodOf(HubOperation op) {
    for (Method m : apiOf(op).getMethods()) {
      if (m.getName().equals(op.operationId())
          && (m.getParameterCount() != 1 || m.getParameterTypes()[0] != URI.class)) {
        return m;
      }
    }
    throw new AssertionError("no generated method " + op.operationId());
  }

  static Call call(HubOperation op) {
    Operation operation = operations().get(op.operationId());
    Method method = methodOf(op);
    Map<String, Parameter> params = new LinkedHashMap<>();
    PathItem item = spec().getPaths().get(op.path());
    for (List<Parameter> list : java.util.Arrays.asList(item.getParameters(), operation.getParameters())) {
      if (list != null) {
        list.forEach(p -> params.put(p.getName(), p));
      }
    }
    Object[] args = new Object[method.getParameterCount()];
    Map<String, String> query = new TreeMap<>();
    String rawPath = op.path();
    JsonNode body = null;
    for (int i = 0; i < args.length; i++) {
      Param annotation = method.getParameters()[i].getAnnotation(Param.class);
      Class<?> type = method.getParameterTypes()[i];
      if (annotation == null) {
        body = requestExample(operation);
        args[i] = TestFeign.MAPPER.convertValue(body, type);
        continue;
      }
      Parameter p = byJavaName(params, annotation.value());
      Object value = value(p, type);
      args[i] = value;
      if ("path".equals(p.getIn())) {
        rawPath = rawPath.replace("{" + p.getName() + "}", PathSegmentExpander.encode(String.valueOf(value)));
      } else if ("query".equals(p.getIn())) {
        query.put(p.getName(), value instanceof OffsetDateTime t
            ? DateTimeFormatter.ISO_INSTANT.format(t.toInstant()) : String.valueOf(value));
      }
    }
    return new Call(op, operation, method, args, rawPath, query, body);
  }

  private static Parameter byJavaName(Map<String, Parameter> params, String javaName) {
    for (Parameter p : params.values()) {
      if (camel(p.getName()).equals(javaName)) {
        return p;
      }
    }
    throw new AssertionError("no spec parameter for Java parameter " + javaName + " among " + params.keySet());
  }

  static String camel(String name) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : name.toCharArray()) {
      if (c == '_' || c == '-' || c == '.') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  /** The parameter's example, else its default, first enum value, or a value of its type. */
  private static Object value(Parameter p, Class<?> type) {
    Schema<?> schema = p.getSchema();
    Object example = p.getExample() != null ? p.getExample()
        : schema == null ? null : schema.getExample() != null ? schema.getExample()
        : schema.getDefault() != null ? schema.getDefault()
        : schema.getEnum() != null && !schema.getEnum().isEmpty() ? schema.getEnum().get(0) : null;
    if (type == OffsetDateTime.class) {
      return DATE_TIME;
    }
    if (type == UUID.class) {
      return example == null ? UUID.fromString("b30bbf97-506c-4ecd-aabc-842f3cb484fb") : UUID.fromString(
          String.valueOf(example));
    }
    if (type == Integer.class || type == int.class) {
      return example == null ? 2 : Integer.valueOf(String.valueOf(example));
    }
    if (type == Long.class) {
      return example == null ? 2L : Long.valueOf(String.valueOf(example));
    }
    if (type == Boolean.class) {
      return example == null ? Boolean.TRUE : Boolean.valueOf(String.valueOf(example));
    }
    if (type == String.class) {
      return example == null ? p.getName().toLowerCase(Locale.ROOT) + "-x" : String.valueOf(example);
    }
    if (type.isEnum()) {
      return TestFeign.MAPPER.convertValue(String.valueOf(example), type);
    }
    return TestFeign.MAPPER.convertValue(example, type);
  }

  static JsonNode requestExample(Operation op) {
    MediaType media = op.getRequestBody().getContent().values().iterator().next();
    if (media.getExample() == null) {
      throw new AssertionError(op.getOperationId() + ": the request body has no example");
    }
    return Json.mapper().valueToTree(media.getExample());
  }

  static ApiResponse resolve(ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
    return spec().getComponents().getResponses().get(name);
  }

  /** The documented responses of an operation: status, media type and example (null without a body). */
  static List<Object[]> responses(Operation op) {
    List<Object[]> out = new ArrayList<>();
    op.getResponses().forEach((code, raw) -> {
      ApiResponse r = resolve(raw);
      String type = r.getContent() == null || r.getContent().isEmpty() ? null : r.getContent().keySet().iterator().next();
      MediaType media = type == null ? null : r.getContent().get(type);
      Object example = media == null ? null : media.getExample();
      out.add(new Object[] {"default".equals(code) ? 500 : Integer.parseInt(code), type, example, media});
    });
    return out;
  }

  static ObjectMapper json() {
    return Json.mapper();
  }
}
