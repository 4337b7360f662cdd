package io.github.hubsdk.emulator.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hubsdk.emulator.internal.rate.RetryAfter;
import io.github.hubsdk.emulator.internal.server.HubError.FieldError;
import io.github.hubsdk.emulator.internal.server.HubError.Kind;
import io.github.hubsdk.emulator.internal.server.HubError.Where;
import io.github.hubsdk.openapi.catalog.HubOperation;
import io.github.hubsdk.openapi.catalog.Outcome;
import io.github.hubsdk.openapi.model.DeleteImagesDetails;
import io.github.hubsdk.openapi.model.DetailError;
import io.github.hubsdk.openapi.model.ErrInfo;
import io.github.hubsdk.openapi.model.FieldsError;
import io.github.hubsdk.openapi.model.RateLimitError;
import io.github.hubsdk.openapi.model.RpcStatus;
import io.github.hubsdk.openapi.model.ScimError;
import io.github.hubsdk.openapi.model.TxnError;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Renders a {@link HubError} as the body the spec declares for (operation, status), read from
 * {@link HubOperation#outcome(int)}: one renderer per error family, so a new operation of a known family
 * gets Docker Hub's shape without code. For a status the operation does not declare (a 413, a 405) the
 * operation's own validation family is used, so every answer of one operation speaks one dialect; without
 * an operation (unknown path) the Hub's generic {@code DetailError}. Internal API.
 */
public final class ErrorDialect {

  /** The error schemas this dialect renders; every error outcome of the catalogue must be one of them. */
  public static final Set<String> SCHEMAS =
      Set.of("DetailError", "FieldsError", "TxnError", "RpcStatus", "RateLimitError", "LoginFailure", "ScimError");

  /** The {@code schemas} of every SCIM error body. */
  public static final String SCIM_ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";

  private final Clock clock;
  private final RetryAfter retryAfter;

  public ErrorDialect(Clock clock, RetryAfter retryAfter) {
    this.clock = clock;
    this.retryAfter = retryAfter;
  }

  /**
   * The answer for an error.
   *
   * @param op the operation, or null when the request matched none
   * @param apiCallName the {@code errinfo.api_call_name} of the operation's {@code TxnError}s, or null
   * @param e the error
   * @return the reply with status, body and headers (Retry-After, Allow)
   */
  public Reply render(HubOperation op, String apiCallName, HubError e) {
    String schema = schemaFor(op, e);
    Object body = switch (schema) {
      case "FieldsError" -> fields(e);
      case "TxnError" -> txn(e, apiCallName);
      case "RpcStatus" -> new RpcStatus().code(rpcCode(e.kind())).message(terse(e, true)).details(List.of());
      case "RateLimitError" -> new RateLimitError().detail(drf(e)).error(false);
      case "LoginFailure" -> loginFailure(e);
      case "ScimError" -> scim(e);
      default -> new DetailError().detail(drf(e)).message(drf(e));
    };
    Reply reply = (body instanceof ScimError ? Reply.scim(e.status(), body) : Reply.of(e.status(), body))
        .headers(e.headers());
    if (e.retryAt() != null) {
      reply.headers(retryAfter.headers(e.retryAt()));
    }
    return reply;
  }

  /** The schema of the body for this error: the declared one, else the operation's validation family. */
  public static String schemaFor(HubOperation op, HubError e) {
    if (op == null) {
      return e.kind() == Kind.TOO_MANY ? "RateLimitError" : "DetailError";
    }
    Outcome declared = op.outcome(e.status());
    if (declared != null && !declared.success() && declared.schema() != null && SCHEMAS.contains(declared.schema())) {
      return declared.schema();
    }
    Outcome validation = op.outcome(400);
    if (validation != null && !validation.success() && validation.schema() != null
        && SCHEMAS.contains(validation.schema())) {
      return validation.schema();
    }
    for (Outcome o : op.outcomes()) {
      if (!o.success() && o.schema() != null && !o.schema().equals("RateLimitError")
          && SCHEMAS.contains(o.schema())) {
        return o.schema();
      }
    }
    return "DetailError";
  }

  private static FieldsError fields(HubError e) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (FieldError f : e.fields()) {
      out.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(f.problem().drf());
    }
    if (out.isEmpty()) {
      out.put("non_field_errors", List.of(e.text() == null ? Texts.INVALID.drf() : e.text().drf()));
    }
    return new FieldsError().fields(out).text(Texts.INVALID.drf());
  }

  private TxnError txn(HubError e, String apiCallName) {
    ErrInfo info = new ErrInfo();
    TxnError out = new TxnError().message(terse(e, false)).errinfo(info);
    if (apiCallName != null) {
      // The Advanced Image Management API's errors name the call and a transaction id.
      String txnid = UUID.randomUUID().toString();
      out.txnid(txnid);
      info.apiCallDockerId("").apiCallName(apiCallName)
          .apiCallStart(Wire.time(clock.instant().truncatedTo(ChronoUnit.MILLIS))).apiCallTxnid(txnid);
    }
    if (e.kind() == Kind.INVALID) {
      info.type("validation");
    }
    if (e.details() instanceof DeleteImagesDetails details) {
      info.details(details);
    }
    return out;
  }

  private static ObjectNode loginFailure(HubError e) {
    // The live Hub writes "login_2fa_token": null when no second factor is pending; the model would drop it.
    ObjectNode out = Wire.MAPPER.createObjectNode();
    out.put("detail", drf(e));
    if (e.login2faToken() == null) {
      out.putNull("login_2fa_token");
    } else {
      out.put("login_2fa_token", e.login2faToken());
    }
    return out;
  }

  /**
   * RFC 7644's error: the status as a string, the terse text, and {@code scimType} where RFC 7644 defines one
   * for the failure (a handler's own, else {@code invalidValue} for a bad value, {@code uniqueness} for a 409).
   */
  private static ScimError scim(HubError e) {
    String type = e.scimType();
    if (type == null) {
      type = switch (e.kind()) {
        case INVALID -> "invalidValue";
        case CONFLICT -> "uniqueness";
        default -> null;
      };
    }
    return new ScimError().schemas(List.of(SCIM_ERROR_URN)).status(Integer.toString(e.status())).detail(terse(e, false))
        .scimType(type);
  }

  /** The DRF voice: the text, else the first invalid field. */
  private static String drf(HubError e) {
    if (e.text() != null) {
      return e.text().drf();
    }
    FieldError f = e.fields().get(0);
    return f.where() == Where.WHOLE ? f.problem().drf() : f.field() + ": " + f.problem().drf();
  }

  /** The terse voice of TxnError ({@code rpc} false) or RpcStatus ({@code rpc} true). */
  private static String terse(HubError e, boolean rpc) {
    if (e.text() != null) {
      return e.text().plain();
    }
    FieldError f = e.fields().get(0);
    String why = f.problem().why();
    return switch (f.where()) {
      case WHOLE -> why;
      case PARAMETER -> rpc ? "invalid value for " + f.name() + ": " + why
          : "invalid query parameter " + f.name() + ": " + why;
      case FIELD -> rpc ? "invalid value for " + f.name() + ": " + why : f.name() + " " + why;
    };
  }

  /** gRPC status codes, as the audit-log service answers. */
  private static int rpcCode(Kind kind) {
    return switch (kind) {
      case INVALID, TOO_LARGE -> 3;
      case TIMEOUT -> 4;
      case NOT_FOUND -> 5;
      case CONFLICT -> 6;
      case FORBIDDEN -> 7;
      case TOO_MANY -> 8;
      case NOT_ALLOWED -> 12;
      case INTERNAL -> 13;
      case EDGE -> 14;
      case UNAUTHENTICATED -> 16;
    };
  }
}
