package io.github.hubsdk.emulator.internal.server;

import io.github.hubsdk.emulator.internal.auth.Who;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method as the handler of one operation of the catalogue, and declares who may call it.
 * The {@link Dispatch} checks the declaration before the method runs: no usable bearer answers 401, a
 * caller of a kind not listed 403 ({@code token issued from personal access token is not allowed}), a PAT
 * without {@link #scope()} 403. Only namespace, plan and ownership rules stay in the method body. The
 * method takes one {@link Call} and returns a {@link Reply} (or throws {@link HubError}).
 *
 * <pre>{@code
 * @Handles(value = "listAccessTokens", callers = PASSWORD)
 * Reply list(Call c) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Handles {

  /** @return the operationId, e.g. {@code listAccessTokens}; must be in {@code HubOperation} */
  String value();

  /**
   * @return who may call: {@link Who#ANONYMOUS} for the logins (must match the spec's security), else the
   *     kinds of JWT accepted, or {@link Who#SCIM} alone for the SCIM operations; default any JWT
   */
  Who[] callers() default {Who.PASSWORD, Who.PAT, Who.OAT};

  /** @return the token scope a PAT or OAT login needs (e.g. {@code repo:admin}); empty for none */
  String scope() default "";

  /**
   * @return the {@code errinfo.api_call_name} of this operation's {@code TxnError}s (the Advanced Image
   *     Management API names its calls, e.g. {@code GetNamespaceRepositoryImages}); empty for none
   */
  String apiCallName() default "";

  /**
   * Whether the handler only reads. A read-only handler runs under the store's read lock, side by side
   * with other readers; every other handler runs under its write lock, alone. Declare it only on a GET or
   * HEAD handler that changes no state family (the {@link Dispatch} refuses it on any other method, and
   * a write from inside it fails with {@code IllegalStateException}); state such a handler does change
   * must be safe for concurrent readers by itself (a concurrent map, an atomic). Default false: a new
   * handler is serialized until its author says otherwise.
   *
   * @return true for a handler that only reads
   */
  boolean readOnly() default false;
}
