package io.github.hubsdk.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.generators.Generator;
import au.com.dius.pact.core.model.generators.ProviderStateGenerator;
import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.HttpsTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junit5.TestTarget;
import io.github.hubsdk.contracts.Contract;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.secrets.PactSecrets;
import io.github.hubsdk.contracts.states.StateValues;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kotlin.jvm.functions.Function0;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * What both provider verifications share: the Authorization header must be the bearer the provider states
 * returned (a real JWT of the state's user, a PAT-derived JWT, or a deliberately invalid one), put there by the
 * pact's own provider-state expression, and after all interactions the class proves that the pact holds exactly the interactions the
 * consumer tests write and that every one was verified or explicitly excluded, none silently skipped.
 * Subclasses register the provider-state classes on the context in a {@code @BeforeEach}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderVerification {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

  private final Set<String> verified = Collections.synchronizedSet(new TreeSet<>());

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  public void verify(PactVerificationContext context, HttpRequest request) {
    Interaction interaction = context.getInteraction();
    Map<String, Object> values = stateValues(context);
    checkValues(interaction, values);
    if (request.containsHeader("Authorization")) {
      assertThat(text(values.get(StateValues.BEARER))).as("the provider state of '%s' must return the bearer",
          interaction.getDescription()).isNotBlank();
      // The pact itself puts the state's bearer in the header (Contract.bearer): nothing here may patch it,
      // or a verifier in another language, which has no such hook, would fail where this one passes.
      if (!("Bearer " + values.get(StateValues.BEARER)).equals(request.getFirstHeader("Authorization").getValue())) {
        throw new AssertionError("the Authorization header of '" + interaction.getDescription()
            + "' does not come from the provider state's bearer (use Contract.bearer)");
      }
    }
    try {
      context.verifyInteraction();
    } catch (AssertionError e) {
      throw redacted(e);
    }
    verified.add(ConsumerInteractions.key(interaction));
  }

  /** What the provider states of the interaction being verified returned, merged in their order. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> stateValues(PactVerificationContext context) {
    Object values = context.getExecutionContext() == null ? null : context.getExecutionContext().get("providerState");
    return values instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /**
   * Pact turns a {@code ${key}} no state returned, or returned as null, into "" without a word; the request
   * then fails far from the cause, or worse, passes. Names keys only: in live mode the values are secrets.
   */
  static void checkValues(Interaction interaction, Map<String, Object> values) {
    values.forEach((key, value) -> assertThat(text(value)).as("provider-state value '%s' of '%s'", key,
        interaction.getDescription()).isNotBlank());
    if (!interaction.isSynchronousRequestResponse()) {
      return;
    }
    for (Map<String, Generator> category : interaction.asSynchronousRequestResponse().getRequest().getGenerators()
        .getCategories().values()) {
      for (Generator g : category.values()) {
        if (g instanceof ProviderStateGenerator p) {
          Matcher m = EXPRESSION.matcher(p.getExpression());
          while (m.find()) {
            if (!values.containsKey(m.group(1))) {
              throw new AssertionError("the provider states of '" + interaction.getDescription() + "' must return '"
                  + m.group(1) + "'; they returned " + new TreeSet<>(values.keySet()));
            }
          }
        }
      }
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /**
   * A failing verification's message quotes the requests and responses, which in live mode hold real JWTs and
   * access tokens: the same error type with those values redacted, the stack trace kept, and no cause (whose
   * message would repeat them).
   */
  static AssertionError redacted(AssertionError e) {
    String message = PactSecrets.redact(e.getMessage());
    AssertionError out;
    if (e instanceof AssertionFailedError) {
      out = new AssertionFailedError(message);
    } else {
      out = message == null ? new AssertionError() : new AssertionError(message);
    }
    if (out.getClass() != e.getClass()) {
      try {
        out = e.getClass().getConstructor(String.class).newInstance(message);
      } catch (ReflectiveOperationException | RuntimeException ignored) {
        // keep the nearest type constructed above
      }
    }
    out.setStackTrace(e.getStackTrace());
    return out;
  }

  /** Interactions ({@link ConsumerInteractions#key}) this class leaves out on purpose, with the reason. */
  protected Map<String, String> excluded() {
    return Map.of();
  }

  @AfterAll
  public void everyInteractionWasVerified() {
    Pact pact = DefaultPactReader.INSTANCE.loadPact(Contract.pactFile().toFile());
    // Exact, not a minimum: the consumer tests' @Pact methods say what the file must hold (ConsumerInteractions).
    assertThat(ConsumerInteractions.differences(pact)).as("%s against the consumer tests", Contract.pactFile())
        .isEmpty();
    Set<String> inPact = new TreeSet<>();
    pact.getInteractions().forEach(i -> inPact.add(ConsumerInteractions.key(i)));
    Set<String> expected = new TreeSet<>(inPact);
    expected.removeAll(excluded().keySet());
    assertThat(verified).as("interactions verified by %s", getClass().getSimpleName()).isEqualTo(expected);
    System.out.printf("%s: verified %d of %d interactions, excluded %d%n", getClass().getSimpleName(), verified.size(),
        inPact.size(), inPact.size() - expected.size());
  }

  protected static TestTarget target(String baseUrl) {
    try {
      URL url = URI.create(baseUrl).toURL();
      // Pact's default client retries a 429 after its Retry-After: the contract wants to see the 429 itself.
      Function0<IHttpClientFactory> noRetries = () -> provider -> HttpClients.custom().disableAutomaticRetries()
          .useSystemProperties().build();
      if (url.getProtocol().equals("https")) {
        return new HttpsTestTarget(url.getHost(), url.getPort() == -1 ? 443 : url.getPort(), "/", false, noRetries);
      }
      return new HttpTestTarget(url.getHost(), url.getPort() == -1 ? 80 : url.getPort(), "/", noRetries);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a URL: " + baseUrl, e);
    }
  }
}
