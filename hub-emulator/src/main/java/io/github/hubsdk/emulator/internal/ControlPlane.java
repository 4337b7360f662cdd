package io.github.hubsdk.emulator.internal;

import io.github.hubsdk.emulator.internal.http.RawRequest;
import io.github.hubsdk.emulator.internal.http.RawResponse;

/**
 * The emulator's own HTTP API under a prefix Docker Hub never uses ({@code /_emulator/}), asked by the
 * request pipeline before anything else: what it claims is never recorded, rate-counted, matched by an
 * expectation or routed to an operation. Internal API.
 */
public interface ControlPlane {

  /** The reserved prefix; no Docker Hub path starts with an underscore segment. */
  String PREFIX = "/_emulator";

  /** Whether the raw path is the control API's (then {@link #handle} answers it). */
  static boolean isControlPath(String rawPath) {
    return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
  }

  /** Answers one control request. */
  RawResponse handle(RawRequest request);

  /** Told of every Docker Hub request (not control ones) before it is answered. */
  void apiRequestSeen();
}
