package io.github.hubsdk.emulator;

/**
 * Sees every response before the emulator sends it (on the server thread, so the client cannot observe
 * the response before the listener has run). Dropped connections produce no exchange. A listener that
 * throws does not stop the response; the exception is printed to standard error.
 */
@FunctionalInterface
public interface ExchangeListener {

  /**
   * Called once per response.
   *
   * @param exchange the request and the response about to be sent
   */
  void onExchange(Exchange exchange);
}
