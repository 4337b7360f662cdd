package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import java.time.Duration;

/**
 * 403 because the organization access token the client logged in with does not reach what was asked: a
 * repository its resources do not name (they may use globs such as {@code acme/*}), a push without
 * {@code scope-image-push}, audit logs or members without a {@code TYPE_ORG} resource, or a legacy
 * {@code /v2/repositories/...} path, which refuses organization access tokens. The message says what the
 * token does reach. Give the token the resource ({@code hub.org(org).accessTokens().updateResources(..)}
 * with an owner's client) or use other credentials.
 */
public class TokenScopeException extends ForbiddenException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message human-readable description, free of secrets
   * @param status HTTP status
   * @param operation the spec's operationId of the failed call
   * @param errorBody the decoded error body, or null
   * @param rateLimit the {@code X-RateLimit-*} values of the answer, or null
   * @param retryAfter how long the server asked to wait, or null
   */
  public TokenScopeException(String message, int status, String operation, Object errorBody, RateLimit rateLimit,
      Duration retryAfter) {
    super(message, status, operation, errorBody, rateLimit, retryAfter);
  }
}
