package io.github.hubsdk.client.error;

import io.github.hubsdk.client.RateLimit;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Base of every failure the SDK reports for a call to Docker Hub: an error answer, a transport problem
 * or a refused pagination link. Catching this type catches all of them; input mistakes are reported
 * separately, before any request, as {@link InvalidRequestException}.
 *
 * <p>Messages are built only from the HTTP status, the operation name and the server's error text, never
 * from request headers or bodies, so they never carry a password, token or JWT.
 */
public class DockerHubException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Status used when no HTTP answer was received. */
  public static final int NO_STATUS = 0;

  private final int status;
  private final String operation;
  private final transient Object errorBody;
  private final transient RateLimit rateLimit;
  private final transient Duration retryAfter;

  /**
   * Creates an exception.
   *
   * @param message human-readable description, free of secrets
   * @param status HTTP status, or {@link #NO_STATUS}
   * @param operation the spec's operationId of the failed call, e.g. {@code getAccessToken}
   * @param errorBody the decoded error body (a generated model such as {@code DetailError}), or null
   * @param rateLimit the {@code X-RateLimit-*} values of the answer, or null
   * @param retryAfter how long the server asked to wait, or null
   * @param cause the underlying failure, or null
   */
  public DockerHubException(String message, int status, String operation, Object errorBody,
      RateLimit rateLimit, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.operation = Objects.requireNonNullElse(operation, "unknown");
    this.errorBody = errorBody;
    this.rateLimit = rateLimit;
    this.retryAfter = retryAfter;
  }

  /**
   * The HTTP status of the error answer.
   *
   * @return the status, or {@link #NO_STATUS} when no answer was received
   */
  public int status() {
    return status;
  }

  /**
   * The operation that failed, named as the spec's operationId.
   *
   * @return e.g. {@code listAccessTokens}
   */
  public String operation() {
    return operation;
  }

  /**
   * The decoded error body: one of the generated models {@code FieldsError}, {@code DetailError},
   * {@code TxnError}, {@code RpcStatus}, {@code RateLimitError}, {@code LoginFailure} or {@code ScimError}.
   *
   * @return the body, or empty when the answer had none or it was not JSON
   */
  public Optional<Object> errorBody() {
    return Optional.ofNullable(errorBody);
  }

  /**
   * The decoded error body if it has the given type.
   *
   * @param <T> the model type
   * @param type the model class, e.g. {@code TxnError.class}
   * @return the body, or empty when it is absent or of another type
   */
  public <T> Optional<T> errorBody(Class<T> type) {
    return type.isInstance(errorBody) ? Optional.of(type.cast(errorBody)) : Optional.empty();
  }

  /**
   * The {@code X-RateLimit-*} headers of the error answer.
   *
   * @return the snapshot, or empty when the answer carried none
   */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  /**
   * How long the server asked the client to wait ({@code Retry-After} or {@code X-Retry-After}).
   *
   * @return the wait, or empty when the answer did not say
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
