package io.github.hubsdk.client;

import io.github.hubsdk.client.error.DockerHubException;
import java.time.Duration;

/**
 * A hook on every HTTP exchange the client makes, for metrics, tracing or audit logs of your own
 * ({@link DockerHubClient.Builder#observer(CallObserver)}). Events carry the operation, method, path and
 * status, never headers or bodies, so nothing an observer sees is a secret. Called on the calling thread;
 * an observer that throws is logged and otherwise ignored.
 */
public interface CallObserver {

  /**
   * A request is about to be sent (once per attempt).
   *
   * @param call what is sent
   */
  default void requestSent(CallEvent call) {
  }

  /**
   * An answer arrived (any status, before it is decoded).
   *
   * @param call what was sent, with the answer's status and the time it took
   */
  default void responseReceived(CallEvent call) {
  }

  /**
   * An attempt failed without an answer (connection refused, timeout, a refused redirect, a body over the limit).
   *
   * @param call what was sent, with the time it took
   * @param failure the failure as the caller will see it, unless a retry follows
   */
  default void attemptFailed(CallEvent call, DockerHubException failure) {
  }

  /**
   * The call waited for the rate-limit window to reset before it was sent, instead of spending the last of
   * the budget into a 429 ({@link DockerHubClient.Builder#rateLimitPacing(boolean)}).
   *
   * @param call what is about to be sent
   * @param waited how long it waited
   */
  default void callPaced(CallEvent call, Duration waited) {
  }

  /**
   * The call will be attempted again after a wait.
   *
   * @param call the attempt that failed or was answered with a retryable status
   * @param delay the wait before the next attempt
   */
  default void retryScheduled(CallEvent call, Duration delay) {
  }

  /**
   * One exchange.
   *
   * @param operation the spec's operationId, e.g. {@code listAccessTokens}
   * @param method the HTTP method
   * @param path the request path, without the query
   * @param attempt 1 for the first attempt
   * @param status the answer's status, or 0 before an answer or without one
   * @param elapsed time from sending to the answer (or failure); zero before sending
   */
  record CallEvent(String operation, String method, String path, int attempt, int status, Duration elapsed) {
  }
}
