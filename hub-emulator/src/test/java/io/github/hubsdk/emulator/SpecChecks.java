package io.github.hubsdk.emulator;

import java.util.List;

/**
 * A public face of {@link SpecValidator} for tests in other packages (the end-to-end tests): checks every
 * response, and every request the emulator accepted, against spec/docker-hub-api.yaml.
 */
public final class SpecChecks implements ExchangeListener {

  private final SpecValidator validator = new SpecValidator();

  @Override
  public void onExchange(Exchange exchange) {
    validator.onExchange(exchange);
  }

  /**
   * The mismatches so far.
   *
   * @return one line per response or request that does not match the spec
   */
  public List<String> failures() {
    return validator.failures();
  }

  /**
   * How many exchanges were checked.
   *
   * @return the count
   */
  public int validated() {
    return validator.validated();
  }
}
