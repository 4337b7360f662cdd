package io.github.hubsdk.emulator.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The socket's input with a deadline: every read waits at most until the deadline (the socket's read
 * timeout is set to what is left before each read), so a client that trickles a byte now and then cannot
 * stretch a request beyond it.
 */
final class DeadlineInput extends InputStream {

  /** The deadline passed while waiting for the client. */
  static final class DeadlineException extends IOException {
    DeadlineException() {
      super("deadline passed", null);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private volatile long deadlineNanos = Long.MAX_VALUE;

  DeadlineInput(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  void deadlineIn(long millis) {
    deadlineNanos = System.nanoTime() + millis * 1_000_000L;
  }

  private void arm() throws IOException {
    long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
    if (left <= 0) {
      throw new DeadlineException();
    }
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, left)));
  }

  @Override
  public int read() throws IOException {
    arm();
    try {
      return in.read();
    } catch (SocketTimeoutException e) {
      throw new DeadlineException();
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    arm();
    try {
      return in.read(b, off, len);
    } catch (SocketTimeoutException e) {
      throw new DeadlineException();
    }
  }
}
