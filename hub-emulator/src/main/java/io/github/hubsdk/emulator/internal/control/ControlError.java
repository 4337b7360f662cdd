package io.github.hubsdk.emulator.internal.control;

import java.util.Map;

/** A control request refused with a status, a code and a message. */
final class ControlError extends RuntimeException {
  final int status;
  final String code;
  final Map<String, String> headers;

  ControlError(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  ControlError(int status, String code, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }

  static ControlError badRequest(String message) {
    return new ControlError(400, "bad_request", message);
  }

  static ControlError methodNotAllowed(String allow) {
    return new ControlError(405, "method_not_allowed", "allowed: " + allow, Map.of("Allow", allow));
  }
}
