package io.github.hubsdk.emulator.internal.http;

/** What the HTTP edge hands requests to, and asks for the JSON of its own refusals. */
public interface EdgeHandler {

  /** Answers one request (on a connection thread; may block, e.g. for an injected delay). */
  RawResponse handle(RawRequest request) throws InterruptedException;

  /**
   * The answer to a request the edge refused before any operation could see it: a malformed request line
   * or header (400), a head too large (431), a request not received in time (408), too many connections
   * (503), an unsupported transfer coding (501).
   *
   * @param status the status
   * @param message what went wrong
   * @param remoteIp the client's address
   */
  RawResponse refuse(int status, String message, String remoteIp);
}
