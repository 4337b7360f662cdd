package io.github.hubsdk.contracts.provider;

import static io.github.hubsdk.contracts.Contract.CONSUMER;
import static io.github.hubsdk.contracts.Contract.PROVIDER;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pact would send "" for a value no state returned; the verification refuses, naming keys but no values. */
class StateValuesCheckTest {

  private static final String SECRET = "real-looking-secret-value";

  private static Interaction interaction() {
    V4Pact pact = ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER).given("s")
        .uponReceiving("getAccessToken: x").method("PATCH").pathFromProviderState("/v2/access-tokens/${uuid}",
            "/v2/access-tokens/b30bbf97-506c-4ecd-aabc-842f3cb484fb")
        .body(new PactDslJsonBody().valueFromProviderState("token_label", "${label}", "x"))
        .willRespondWith().status(200).toPact(V4Pact.class);
    return pact.getInteractions().get(0);
  }

  @Test
  void everyExpressionNeedsAValue() {
    assertThatThrownBy(() -> ProviderVerification.checkValues(interaction(), Map.of("uuid", "u", "bearer", SECRET)))
        .hasMessageContaining("must return 'label'").hasMessageNotContaining(SECRET);
    assertThatCode(() -> ProviderVerification.checkValues(interaction(), Map.of("uuid", "u", "label", "l")))
        .doesNotThrowAnyException();
  }

  @Test
  void blankValuesAreRefused() {
    assertThatThrownBy(() -> ProviderVerification.checkValues(interaction(), Map.of("uuid", " ", "label", "l")))
        .hasMessageContaining("'uuid'");
  }
}
