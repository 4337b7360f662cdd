package io.github.hubsdk.emulator.internal.server;

import io.github.hubsdk.emulator.internal.auth.Authenticator;
import io.github.hubsdk.emulator.internal.auth.Caller;
import io.github.hubsdk.emulator.internal.auth.Who;
import io.github.hubsdk.emulator.internal.state.Store;
import io.github.hubsdk.openapi.catalog.HubOperation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * operationId → handler, found on the resource objects by their {@link Handles} methods. Checks each
 * handler's declared callers and scope before it runs, under the store's read lock for a
 * {@link Handles#readOnly()} handler and its write lock for every other, and renders a
 * {@link HubError} through the {@link ErrorDialect}. Building it fails, naming them, when an operation of
 * the catalogue has no handler, a handler names an operationId the catalogue does not have, two handlers
 * claim one operation, a declaration contradicts the spec's security, or a handler of a method other than
 * GET or HEAD says it only reads. Internal API.
 */
public final class Dispatch {

  /** One operation's handler and its declaration. */
  public record Handler(HubOperation op, Object target, Method method, Set<Who> callers, String scope,
      String apiCallName, boolean readOnly) {}

  /** The spec's security scheme of the SCIM operations. */
  static final String SCIM_SCHEME = "bearerSCIMAuth";

  private final Map<HubOperation, Handler> handlers;
  private final Store store;
  private final Authenticator auth;
  private final ErrorDialect dialect;

  public Dispatch(List<?> resources, Store store, Authenticator auth, ErrorDialect dialect) {
    this.handlers = scan(resources);
    List<HubOperation> missing = missing(handlers.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalStateException("hub-emulator: no @Handles method for " + missing.size()
          + " operation(s) of the catalogue: " + ids(missing));
    }
    this.store = store;
    this.auth = auth;
    this.dialect = dialect;
  }

  /**
   * The handlers declared on {@code resources}.
   *
   * @throws IllegalStateException for an unknown operationId, a duplicate, a wrong signature or a
   *     declaration that contradicts the spec's security
   */
  public static Map<HubOperation, Handler> scan(List<?> resources) {
    Map<HubOperation, Handler> out = new EnumMap<>(HubOperation.class);
    List<String> problems = new ArrayList<>();
    for (Object resource : resources) {
      for (Method m : resource.getClass().getDeclaredMethods()) {
        Handles h = m.getAnnotation(Handles.class);
        if (h == null) {
          continue;
        }
        String where = resource.getClass().getSimpleName() + "." + m.getName();
        HubOperation op = HubOperation.byId(h.value());
        if (op == null) {
          problems.add(where + " handles \"" + h.value() + "\", which is not an operation of the catalogue");
          continue;
        }
        if (m.getParameterCount() != 1 || m.getParameterTypes()[0] != Call.class || m.getReturnType() != Reply.class
            || Modifier.isStatic(m.getModifiers())) {
          problems.add(where + " must be an instance method Reply " + m.getName() + "(Call)");
          continue;
        }
        Set<Who> callers = h.callers().length == 0 ? EnumSet.noneOf(Who.class) : EnumSet.copyOf(Arrays.asList(h.callers()));
        String security = securityProblem(op, callers);
        if (security != null) {
          problems.add(where + ": " + security);
          continue;
        }
        if (h.readOnly() && !op.method().equals("GET") && !op.method().equals("HEAD")) {
          problems.add(where + ": " + op.operationId() + " is a " + op.method()
              + ", so it is not read-only: drop readOnly = true");
          continue;
        }
        m.setAccessible(true);
        Handler previous = out.put(op, new Handler(op, resource, m, Set.copyOf(callers), h.scope(),
            h.apiCallName().isEmpty() ? null : h.apiCallName(), h.readOnly()));
        if (previous != null) {
          problems.add(where + " and " + previous.target().getClass().getSimpleName() + "." + previous.method().getName()
              + " both handle " + op.operationId());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("hub-emulator handlers: " + String.join("; ", problems));
    }
    return out;
  }

  private static String securityProblem(HubOperation op, Set<Who> callers) {
    boolean scim = op.securitySchemes().contains(SCIM_SCHEME);
    if (scim != callers.contains(Who.SCIM)) {
      return scim ? op.operationId() + " takes the SCIM token in the spec: declare callers = SCIM"
          : op.operationId() + " does not take the SCIM token in the spec";
    }
    if (scim) {
      return callers.size() == 1 ? null : op.operationId() + " takes only the SCIM token: declare callers = SCIM";
    }
    boolean jwt = callers.contains(Who.PASSWORD) || callers.contains(Who.PAT) || callers.contains(Who.OAT);
    if (op.anonymous() && (jwt || !callers.contains(Who.ANONYMOUS))) {
      return op.operationId() + " needs no credentials in the spec: declare callers = ANONYMOUS";
    }
    if (!op.anonymous() && !jwt) {
      return op.operationId() + " needs credentials in the spec: declare the JWT kinds it accepts";
    }
    if (callers.contains(Who.ANONYMOUS) && !op.anonymousAllowed()) {
      return op.operationId() + " does not allow anonymous callers in the spec";
    }
    return null;
  }

  /** The operations of the catalogue that {@code handled} lacks, in catalogue order. */
  public static List<HubOperation> missing(Set<HubOperation> handled) {
    List<HubOperation> out = new ArrayList<>();
    for (HubOperation op : HubOperation.values()) {
      if (!handled.contains(op)) {
        out.add(op);
      }
    }
    return out;
  }

  private static String ids(List<HubOperation> ops) {
    return String.join(", ", ops.stream().map(HubOperation::operationId).toList());
  }

  /** The {@code errinfo.api_call_name} of an operation's TxnErrors, or null. */
  public String apiCallName(HubOperation op) {
    Handler h = op == null ? null : handlers.get(op);
    return h == null ? null : h.apiCallName();
  }

  /** Runs the matched operation's handler (its declaration checked first) and renders what it threw. */
  public Reply call(Router.Match match, Request request) {
    Handler h = handlers.get(match.op());
    if (h == null) {
      return dialect.render(match.op(), null, HubError.edge(501, match.op().operationId()
          + " is not served by this version of the emulator yet"));
    }
    try {
      if (h.readOnly()) {
        return store.read(() -> run(h, match, request));
      }
      return store.write(() -> run(h, match, request));
    } catch (HubError e) {
      return dialect.render(h.op(), h.apiCallName(), e);
    }
  }

  private Reply run(Handler h, Router.Match match, Request request) {
    Caller caller = authorize(h, request);
    return invoke(h, new Call(match.op(), match.legacy(), match.params(), request, caller));
  }

  private Caller authorize(Handler h, Request request) {
    Set<Who> callers = h.callers();
    if (callers.equals(Set.of(Who.ANONYMOUS))) {
      return null; // the logins: a bearer, if any, plays no part
    }
    if (callers.contains(Who.SCIM)) {
      // A bearer of its own: a Hub JWT is refused here as any other unknown token is.
      Caller scim = auth.scimCaller(request.header("Authorization"));
      if (scim == null) {
        throw HubError.unauthorized(request.header("Authorization") == null ? Texts.SCIM_NO_TOKEN
            : Texts.SCIM_BAD_TOKEN);
      }
      return scim;
    }
    String authorization = request.header("Authorization");
    Caller caller = auth.caller(authorization);
    if (caller == null) {
      if (authorization == null && callers.contains(Who.ANONYMOUS)) {
        return null;
      }
      throw HubError.unauthenticated(authorization != null);
    }
    if (!callers.contains(caller.kind())) {
      throw callers.contains(Who.PASSWORD) ? HubError.forbidden(Texts.PASSWORD_LOGIN_REQUIRED) : HubError.forbidden();
    }
    if (!h.scope().isEmpty() && !caller.hasScope(h.scope())) {
      throw HubError.forbidden(Texts.scopeRequired(h.scope()));
    }
    return caller;
  }

  private static Reply invoke(Handler h, Call call) {
    try {
      return (Reply) h.method().invoke(h.target(), call);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
