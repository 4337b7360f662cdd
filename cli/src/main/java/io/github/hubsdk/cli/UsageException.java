package io.github.hubsdk.cli;

/** A mistake in how the tool was called (exit code 2), found after parsing: a missing credential, a bad name. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
