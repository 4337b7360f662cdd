package io.github.hubsdk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import io.github.hubsdk.client.error.AccountLockedException;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.ConflictException;
import io.github.hubsdk.client.error.DeleteImagesRejectedException;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.ForbiddenException;
import io.github.hubsdk.client.error.LoginFailedException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.PasswordLoginRequiredException;
import io.github.hubsdk.client.error.PlanRequiredException;
import io.github.hubsdk.client.error.TokenScopeException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.error.ScimBadRequestException;
import io.github.hubsdk.client.error.ScimConflictException;
import io.github.hubsdk.client.error.ScimForbiddenException;
import io.github.hubsdk.client.error.ScimNotFoundException;
import io.github.hubsdk.client.error.ScimServerErrorException;
import io.github.hubsdk.client.error.ScimUnauthorizedException;
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.client.error.TwoFactorRequiredException;
import io.github.hubsdk.client.error.UnauthorizedException;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.catalog.Outcome;
import io.github.hubsdk.openapi.model.DeleteImagesDetails;
import io.github.hubsdk.openapi.model.DetailError;
import io.github.hubsdk.openapi.model.FieldsError;
import io.github.hubsdk.openapi.model.LoginFailure;
import io.github.hubsdk.openapi.model.RateLimitError;
import io.github.hubsdk.openapi.model.RpcStatus;
import io.github.hubsdk.openapi.model.ScimError;
import io.github.hubsdk.openapi.model.TxnError;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns every error answer into the matching {@link DockerHubException}. Which body shape an (operation,
 * status) answers with, and which exception a status means where the status alone does not say, is read
 * from the spec's catalogue ({@link HubOperation#outcome(int)} and its {@code x-hub-exception}); only an
 * answer the spec does not declare falls back to recognising the shape by its fields. The body is masked
 * (every secret the client holds) before it is parsed, so an echoed password or token never reaches the
 * exception's message or {@link DockerHubException#errorBody()}.
 */
final class HubErrorDecoder implements ErrorDecoder {

  private static final int MAX_MESSAGE = 300;
  private static final String MODEL_PACKAGE = "io.github.hubsdk.openapi.model.";
  /** "plan" as a word ("Pro or Team plans", "a Business plan"), not inside "explanation" or "planned". */
  private static final Pattern PLAN = Pattern.compile("\\bplans?\\b");
  private static final Map<String, Class<?>> SCHEMAS = new ConcurrentHashMap<>();

  private final ObjectMapper mapper;
  private final Clock clock;
  private final Secrets secrets;

  HubErrorDecoder(ObjectMapper mapper, Clock clock, Secrets secrets) {
    this.mapper = mapper;
    this.clock = clock;
    this.secrets = secrets;
  }

  /** {@code AccessTokensApi#getAccessToken(UUID)} becomes {@code getAccessToken}. */
  static String operation(String methodKey) {
    if (methodKey == null) {
      return "unknown";
    }
    int hash = methodKey.indexOf('#');
    int paren = methodKey.indexOf('(');
    return methodKey.substring(hash + 1, paren > hash ? paren : methodKey.length());
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    String op = response.request() != null ? CallPolicies.operationOf(response.request()) : operation(methodKey);
    if ("unknown".equals(op)) {
      op = operation(methodKey);
    }
    HubOperation declared = HubOperation.byId(op);
    int status = response.status();
    Outcome outcome = declared == null ? null : declared.outcome(status);
    RateLimit rateLimit = RateLimit.fromHeaders(response.headers(), clock.instant()).orElse(null);
    Duration retryAfter = RetryAfter.parse(response.headers(), clock);
    Object body = decodeBody(response, op, status, outcome);
    String serverMessage = serverMessage(body);
    String message = status + " from " + op + (serverMessage == null ? "" : ": " + serverMessage);
    String kind = outcome == null ? null : outcome.exception();

    if (isLogin(declared, op) && status >= 400 && status < 500) {
      if (body instanceof LoginFailure failure && failure.getLogin2faToken() != null) {
        String token = failure.getLogin2faToken();
        secrets.addIssued(token);
        LoginFailure withoutSecret = new LoginFailure().detail(failure.getDetail());
        return new TwoFactorRequiredException("two-factor authentication required: " + message, status, op,
            withoutSecret, rateLimit, token);
      }
      if (status == 429) {
        return new AccountLockedException(message + " (too many attempts; Docker Hub locks a username for about"
            + " ten minutes after repeated failed logins, so the SDK does not retry)", status, op, body, rateLimit,
            retryAfter);
      }
      return new LoginFailedException("login failed: " + message, status, op, body, rateLimit, retryAfter);
    }
    if (body instanceof ScimError scim) {
      return scim(scim, message, status, op, rateLimit, retryAfter);
    }
    if ("PasswordLoginRequired".equals(kind) || (kind == null && status == 403 && mentions(serverMessage,
        "personal access token"))) {
      return new PasswordLoginRequiredException(message + " (this operation needs a JWT from a password login:"
          + " use Credentials.password(username, password) instead of a personal access token)", status, op,
          body, rateLimit, retryAfter);
    }
    if (status == 403 && mentions(serverMessage, "organization access token")
        && !PLAN.matcher(serverMessage.toLowerCase(Locale.ROOT)).find()) {
      return new TokenScopeException(message + " (an organization access token reaches only what its resources"
          + " name; an owner can change them with hub.org(org).accessTokens().updateResources(..))", status, op,
          body, rateLimit, retryAfter);
    }
    if ("PlanRequired".equals(kind)) {
      return new PlanRequiredException(message, status, op, body, rateLimit, retryAfter);
    }
    switch (status) {
      case 400:
        if (body instanceof TxnError txn && txn.getErrinfo() != null && txn.getErrinfo().getDetails() != null) {
          DeleteImagesDetails details = txn.getErrinfo().getDetails();
          return new DeleteImagesRejectedException(message, status, op, body, rateLimit, details.getErrors(),
              details.getWarnings());
        }
        return new BadRequestException(message, status, op, body, rateLimit,
            body instanceof FieldsError f ? f.getFields() : null);
      case 401:
        return new UnauthorizedException(message, status, op, body, rateLimit, retryAfter);
      case 403:
        if (serverMessage != null && PLAN.matcher(serverMessage.toLowerCase(Locale.ROOT)).find()) {
          return new PlanRequiredException(message, status, op, body, rateLimit, retryAfter);
        }
        return new ForbiddenException(message, status, op, body, rateLimit, retryAfter);
      case 404:
        return new NotFoundException(message, status, op, body, rateLimit, retryAfter);
      case 409:
        return new ConflictException(message, status, op, body, rateLimit, retryAfter);
      case 429:
        return new RateLimitedException(message, status, op, body, rateLimit, retryAfter);
      default:
        if (status >= 500) {
          return new ServerErrorException(message, status, op, body, rateLimit, retryAfter);
        }
        return new DockerHubException(message, status, op, body, rateLimit, retryAfter, null);
    }
  }

  /** SCIM's own error body: the status's exception, in its SCIM variant that also answers scimType and detail. */
  private static DockerHubException scim(ScimError body, String message, int status, String op, RateLimit rateLimit,
      Duration retryAfter) {
    String m = body.getScimType() == null || body.getScimType().isBlank() ? message
        : message + " (scimType " + body.getScimType() + ")";
    return switch (status) {
      case 400 -> new ScimBadRequestException(m, status, op, body, rateLimit);
      case 401 -> new ScimUnauthorizedException(m + " (the SCIM token is missing, wrong or revoked)", status, op, body,
          rateLimit, retryAfter);
      case 403 -> new ScimForbiddenException(m, status, op, body, rateLimit, retryAfter);
      case 404 -> new ScimNotFoundException(m, status, op, body, rateLimit, retryAfter);
      case 409 -> new ScimConflictException(m, status, op, body, rateLimit, retryAfter);
      default -> status >= 500 ? new ScimServerErrorException(m, status, op, body, rateLimit, retryAfter)
          : new DockerHubException(m, status, op, body, rateLimit, retryAfter, null);
    };
  }

  private static boolean isLogin(HubOperation declared, String op) {
    return declared != null ? "authentication".equals(declared.tag())
        : op.equals("createAuthToken") || op.equals("login") || op.equals("login2fa");
  }

  private static boolean mentions(String message, String what) {
    return message != null && message.toLowerCase(Locale.ROOT).contains(what);
  }

  private Object decodeBody(Response response, String op, int status, Outcome outcome) {
    JsonNode tree;
    try {
      byte[] bytes = HubCodec.body(response);
      if (bytes.length == 0) {
        return null;
      }
      // Masked before parsing: nothing the server echoes back can reach a message or errorBody().
      tree = mapper.readTree(secrets.redact(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
    if (tree == null || !tree.isObject()) {
      return null;
    }
    Class<?> shape = outcome == null || outcome.schema() == null ? null : schemaClass(outcome.schema());
    if (shape == null) {
      shape = sniff(tree, op, status);
    }
    try {
      return mapper.treeToValue(tree, shape);
    } catch (IOException | RuntimeException unexpected) {
      try {
        return mapper.treeToValue(tree, sniff(tree, op, status));
      } catch (IOException | RuntimeException stillNot) {
        return null;
      }
    }
  }

  private static Class<?> schemaClass(String schema) {
    Class<?> c = SCHEMAS.computeIfAbsent(schema, s -> {
      try {
        return Class.forName(MODEL_PACKAGE + s);
      } catch (ClassNotFoundException e) {
        return Void.class;
      }
    });
    return c == Void.class ? null : c;
  }

  /** For answers the spec does not declare: Docker Hub's services answer in five different shapes. */
  private static Class<?> sniff(JsonNode tree, String op, int status) {
    if (tree.path("schemas").isArray() && tree.has("detail")) {
      return ScimError.class;
    }
    if (tree.has("login_2fa_token") || ("login".equals(op) && status == 401)) {
      return LoginFailure.class;
    }
    if (tree.has("fields") || tree.has("text")) {
      return FieldsError.class;
    }
    if (tree.has("txnid") || tree.has("errinfo")) {
      return TxnError.class;
    }
    if (tree.path("code").isNumber() && tree.has("message")) {
      return RpcStatus.class;
    }
    if (tree.has("error") && tree.has("detail")) {
      return RateLimitError.class;
    }
    return DetailError.class;
  }

  /** The human part of any of the error models, found by its getters; null when there is none. */
  private static String serverMessage(Object body) {
    String m = null;
    if (body instanceof FieldsError f) {
      m = f.getText();
      if (f.getFields() != null && !f.getFields().isEmpty()) {
        m = (m == null ? "" : m + " ") + f.getFields();
      }
    } else if (body instanceof LoginFailure l) {
      m = l.getDetail();
    } else if (body != null) {
      m = firstText(body, "getDetail", "getMessage");
    }
    if (m == null || m.isBlank()) {
      return null;
    }
    return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
  }

  private static String firstText(Object body, String... getters) {
    for (String g : getters) {
      try {
        Method getter = body.getClass().getMethod(g);
        Object v = getter.invoke(body);
        if (v instanceof String s && !s.isBlank()) {
          return s;
        }
      } catch (ReflectiveOperationException | RuntimeException absent) {
        // this model has no such field
      }
    }
    return null;
  }
}
