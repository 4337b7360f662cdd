package io.github.hubsdk.contracts.states;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a provider state hands to the request: Pact injects them where the consumer wrote
 * {@code ${key}}. A state that sets up a caller returns its JWT under {@link #BEARER}, so that a verifier
 * with nothing but the state values (a later self-contained pact: {@code Authorization} from
 * {@code ${bearer}}) can authenticate the request.
 */
public final class StateValues {

  /** The key of the JWT the request is sent with. */
  public static final String BEARER = "bearer";

  private StateValues() {
  }

  /** {@code values("uuid", id, "label", label)}: the pairs in order. */
  public static Map<String, Object> values(Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }

  /** The pairs plus the caller's JWT under {@link #BEARER}. */
  public static Map<String, Object> withBearer(String bearer, Object... keyValues) {
    Map<String, Object> out = values(keyValues);
    out.put(BEARER, bearer);
    return out;
  }
}
