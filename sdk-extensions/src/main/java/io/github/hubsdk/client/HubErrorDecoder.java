package io.github.hubsdk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import io.github.hubsdk.client.error.AccountLockedException;
import io.github.hubsdk.client.error.BadRequestException;
import io.github.hubsdk.client.error.DeleteImagesRejectedException;
import io.github.hubsdk.client.error.DockerHubException;
import io.github.hubsdk.client.error.ForbiddenException;
import io.github.hubsdk.client.error.LoginFailedException;
import io.github.hubsdk.client.error.NotFoundException;
import io.github.hubsdk.client.error.PasswordLoginRequiredException;
import io.github.hubsdk.client.error.PlanRequiredException;
import io.github.hubsdk.client.error.RateLimitedException;
import io.github.hubsdk.client.error.ServerErrorException;
import io.github.hubsdk.client.error.TwoFactorRequiredException;
import io.github.hubsdk.client.error.UnauthorizedException;
import io.github.hubsdk.openapi.model.DeleteImagesDetails;
import io.github.hubsdk.openapi.model.DetailError;
import io.github.hubsdk.openapi.model.FieldsError;
import io.github.hubsdk.openapi.model.LoginFailure;
import io.github.hubsdk.openapi.model.RateLimitError;
import io.github.hubsdk.openapi.model.RpcStatus;
import io.github.hubsdk.openapi.model.TxnError;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Turns every error answer into the matching {@link DockerHubException}. The body shape is recognised by
 * its fields rather than by operation, because Docker Hub's services answer in five different shapes
 * ({@code FieldsError}, {@code DetailError}, {@code TxnError}, {@code RpcStatus}, {@code RateLimitError})
 * plus the login's {@code LoginFailure}.
 */
final class HubErrorDecoder implements ErrorDecoder {

  static final Set<String> LOGIN_OPERATIONS = Set.of("createAuthToken", "login", "login2fa");
  private static final int MAX_BODY = 64 * 1024;
  private static final int MAX_MESSAGE = 300;
  /** "plan" as a word ("Pro or Team plans", "a Business plan"), not inside "explanation" or "planned". */
  private static final Pattern PLAN = Pattern.compile("\\bplans?\\b");

  private final ObjectMapper mapper;
  private final Clock clock;

  HubErrorDecoder(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** {@code AccessTokensApi#getAccessToken(UUID)} becomes {@code getAccessToken}. */
  static String operation(String methodKey) {
    if (methodKey == null) {
      return "unknown";
    }
    int hash = methodKey.indexOf('#');
    int paren = methodKey.indexOf('(');
    return RetryingInvoker.operation(methodKey.substring(hash + 1, paren > hash ? paren : methodKey.length()));
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    String op = operation(methodKey);
    int status = response.status();
    RateLimit rateLimit = RateLimit.fromHeaders(response.headers(), clock.instant()).orElse(null);
    Duration retryAfter = RetryAfter.parse(response.headers(), clock);
    Object body = decodeBody(response, op, status);
    String serverMessage = serverMessage(body);
    String message = status + " from " + op + (serverMessage == null ? "" : ": " + serverMessage);

    if (LOGIN_OPERATIONS.contains(op) && status >= 400 && status < 500) {
      if (body instanceof LoginFailure failure && failure.getLogin2faToken() != null) {
        LoginFailure withoutSecret = new LoginFailure().detail(failure.getDetail());
        return new TwoFactorRequiredException("two-factor authentication required: " + message, status, op,
            withoutSecret, rateLimit, failure.getLogin2faToken());
      }
      if (status == 429) {
        return new AccountLockedException(message + " (too many attempts; Docker Hub locks a username for about"
            + " ten minutes after repeated failed logins, so the SDK does not retry)", status, op, body, rateLimit,
            retryAfter);
      }
      return new LoginFailedException("login failed: " + message, status, op, body, rateLimit, retryAfter);
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
      case 403: {
        String lower = serverMessage == null ? "" : serverMessage.toLowerCase(Locale.ROOT);
        if (lower.contains("personal access token")) {
          return new PasswordLoginRequiredException(message + " (this operation needs a JWT from a password login:"
              + " use Credentials.password(username, password) instead of a personal access token)", status, op,
              body, rateLimit, retryAfter);
        }
        if (PLAN.matcher(lower).find()) {
          return new PlanRequiredException(message, status, op, body, rateLimit, retryAfter);
        }
        return new ForbiddenException(message, status, op, body, rateLimit, retryAfter);
      }
      case 404:
        return new NotFoundException(message, status, op, body, rateLimit, retryAfter);
      case 429:
        return new RateLimitedException(message, status, op, body, rateLimit, retryAfter);
      default:
        if (status >= 500) {
          return new ServerErrorException(message, status, op, body, rateLimit, retryAfter);
        }
        return new DockerHubException(message, status, op, body, rateLimit, retryAfter, null);
    }
  }

  private Object decodeBody(Response response, String op, int status) {
    if (response.body() == null) {
      return null;
    }
    JsonNode tree;
    try (InputStream in = response.body().asInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY);
      if (bytes.length == 0) {
        return null;
      }
      tree = mapper.readTree(bytes);
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
    if (tree == null || !tree.isObject()) {
      return null;
    }
    Class<?> shape = shapeOf(tree, op, status);
    try {
      return mapper.treeToValue(tree, shape);
    } catch (IOException | RuntimeException unexpected) {
      return null;
    }
  }

  private static Class<?> shapeOf(JsonNode tree, String op, int status) {
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

  private static String serverMessage(Object body) {
    String m = null;
    if (body instanceof FieldsError f) {
      m = f.getText();
      if (f.getFields() != null && !f.getFields().isEmpty()) {
        m = (m == null ? "" : m + " ") + f.getFields();
      }
    } else if (body instanceof DetailError d) {
      m = d.getDetail() != null ? d.getDetail() : d.getMessage();
    } else if (body instanceof TxnError t) {
      m = t.getMessage();
    } else if (body instanceof RpcStatus r) {
      m = r.getMessage();
    } else if (body instanceof RateLimitError r) {
      m = r.getDetail();
    } else if (body instanceof LoginFailure l) {
      m = l.getDetail();
    }
    if (m == null || m.isBlank()) {
      return null;
    }
    return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
  }
}
