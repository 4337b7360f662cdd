package io.github.hubsdk.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.InvocationContext;
import feign.RequestTemplate;
import feign.Response;
import feign.ResponseInterceptor;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import io.github.hubsdk.client.error.MalformedResponseException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * JSON in both directions for the generated interfaces. Success answers are decoded here rather than by a
 * Feign {@code Decoder}, whose failures Feign would wrap: a body that cannot be what the operation returns
 * (none, {@code null}, the wrong JSON type, not JSON) is a {@link MalformedResponseException} with a short,
 * masked excerpt, never a {@code null} result. Error answers go on to the error decoder.
 */
final class HubCodec implements Encoder, ResponseInterceptor {

  static final int EXCERPT = 200;

  private final ObjectMapper mapper;
  private final Secrets secrets;

  HubCodec(ObjectMapper mapper, Secrets secrets) {
    this.mapper = mapper;
    this.secrets = secrets;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    try {
      template.body(mapper.writerFor(mapper.constructType(bodyType)).writeValueAsBytes(object), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new EncodeException("the request body cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public Object intercept(InvocationContext context, Chain chain) throws Exception {
    Response response = context.response();
    int status = response.status();
    if (status < 200 || status >= 300) {
      return chain.next(context); // the error decoder turns it into a typed exception
    }
    Type type = context.returnType();
    if (type == void.class || type == Void.class) {
      return null;
    }
    return decode(response, type, CallPolicies.operationOf(response.request()));
  }

  Object decode(Response response, Type type, String operation) throws IOException {
    int status = response.status();
    Integer length = response.body() == null ? Integer.valueOf(0) : response.body().length();
    if (length != null && length == 0) {
      throw new MalformedResponseException(status, operation, status == 204 ? "204 without the body the operation"
          + " returns" : "empty body", null);
    }
    JavaType target = mapper.constructType(type);
    if (target.getRawClass() == String.class && !isJson(response)) {
      return new String(body(response), StandardCharsets.UTF_8); // text/csv and the like
    }
    // The common case reads straight into the model; only a failure is looked at closely, for its message.
    byte[] bytes = body(response);
    Object value;
    try {
      value = mapper.readValue(bytes, target);
    } catch (JsonProcessingException e) {
      throw diagnose(status, operation, target, bytes);
    }
    if (value == null) {
      throw diagnose(status, operation, target, bytes);
    }
    return value;
  }

  /** Why a body did not decode: read again as a tree, on the failure path only. */
  private MalformedResponseException diagnose(int status, String operation, JavaType target, byte[] bytes) {
    if (bytes.length == 0) {
      return new MalformedResponseException(status, operation, "empty body", null);
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(bytes);
    } catch (IOException e) {
      return malformed(status, operation, "not JSON", bytes);
    }
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return malformed(status, operation, "the JSON null where a value is due", bytes);
    }
    if (target.isCollectionLikeType() && !tree.isArray()) {
      return malformed(status, operation, "a JSON " + kind(tree) + " where an array is due", bytes);
    }
    if (!target.isContainerType() && isModel(target) && !tree.isObject()) {
      return malformed(status, operation, "a JSON " + kind(tree) + " where an object is due", bytes);
    }
    return malformed(status, operation, "does not fit " + target.getRawClass().getSimpleName(), bytes);
  }

  private MalformedResponseException malformed(int status, String operation, String problem, byte[] bytes) {
    return new MalformedResponseException(status, operation, problem, excerpt(bytes));
  }

  /** The start of a body as text, every secret the client holds masked. */
  String excerpt(byte[] bytes) {
    String text = new String(bytes, 0, Math.min(bytes.length, EXCERPT * 4), StandardCharsets.UTF_8);
    text = secrets.redact(RedactingLogger.redactBody(text)).replaceAll("\\s+", " ").trim();
    return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
  }

  private static boolean isModel(JavaType t) {
    Class<?> c = t.getRawClass();
    return c.getName().startsWith("io.github.hubsdk.openapi.model.") && !c.isEnum();
  }

  private static boolean isJson(Response response) {
    Collection<String> types = response.headers().get("Content-Type");
    if (types == null || types.isEmpty()) {
      return true;
    }
    String t = types.iterator().next().toLowerCase(java.util.Locale.ROOT);
    return t.contains("json");
  }

  private static String kind(JsonNode n) {
    return n.isArray() ? "array" : n.isTextual() ? "string" : n.isNumber() ? "number" : n.isBoolean() ? "boolean"
        : "object";
  }

  static byte[] body(Response response) throws IOException {
    return BytesBody.of(response);
  }
}
