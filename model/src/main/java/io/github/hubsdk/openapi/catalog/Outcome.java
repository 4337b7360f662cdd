package io.github.hubsdk.openapi.catalog;

/**
 * One declared answer of an operation: its status and the schema of its body, plus the SDK exception the
 * spec names for it ({@code x-hub-exception} on the response) when the status alone does not say enough.
 *
 * @param status the HTTP status, or 0 for the spec's {@code default} answer
 * @param schema the body's schema name in {@code components/schemas} (e.g. {@code DetailError}), or
 *     null when the answer has no body
 * @param exception the exception kind, e.g. {@code PasswordLoginRequired}, or null
 */
public record Outcome(int status, String schema, String exception) {

  /** @return true for a 2xx answer */
  public boolean success() {
    return status >= 200 && status < 300;
  }
}
