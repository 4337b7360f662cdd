package io.github.hubsdk.emulator;

/**
 * Sees every response before the emulator sends it (on the server thread, so the client cannot observe
 * the response before the listener has run). Dropped connections produce no exchange. A listener that
 * throws (an assertion in a test, say) replaces the response with a 500 whose {@code detail} names the
 * exception type, so its failure reaches the client under test instead of passing unnoticed.
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
