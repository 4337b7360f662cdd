package io.github.hubsdk.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.HttpsTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junit5.TestTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hubsdk.contracts.Contract;
import io.github.hubsdk.contracts.secrets.PactSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.MalformedURLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kotlin.jvm.functions.Function0;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/**
 * What both provider verifications share: the Authorization header is replaced at verification time by the
 * bearer the provider state chose (a real JWT of the state's user, a PAT-derived JWT, or a deliberately
 * invalid one), and after all interactions the class proves that every interaction of the pact was
 * verified or explicitly excluded, none silently skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderVerification {

  /** A JWT-shaped value whose signature no provider accepts. */
  protected static final String BAD_SIGNATURE_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJodWJzZGsifQ.bm90LWEtdmFsaWQtc2lnbmF0dXJl";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Set by the state handlers for the interaction being verified. */
  protected volatile String bearer;

  private final Set<String> verified = Collections.synchronizedSet(new TreeSet<>());

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  public void verify(PactVerificationContext context, HttpRequest request) {
    String description = context.getInteraction().getDescription();
    if (request.containsHeader("Authorization")) {
      assertThat(bearer).as("the provider state of '%s' must choose the bearer", description).isNotBlank();
      request.setHeader("Authorization", "Bearer " + bearer);
    }
    try {
      context.verifyInteraction();
    } catch (AssertionError e) {
      throw redacted(e);
    }
    verified.add(description);
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

  /** Interactions this class leaves out on purpose, with the reason; empty for the emulator. */
  protected Map<String, String> excluded() {
    return Map.of();
  }

  @AfterAll
  public void everyInteractionWasVerified() {
    Set<String> inPact = new TreeSet<>(interactionDescriptions());
    Set<String> expected = new TreeSet<>(inPact);
    expected.removeAll(excluded().keySet());
    assertThat(inPact).as("interactions in %s", Contract.pactFile()).hasSizeGreaterThanOrEqualTo(Contract.MIN_INTERACTIONS);
    assertThat(verified).as("interactions verified by %s", getClass().getSimpleName()).isEqualTo(expected);
    System.out.printf("%s: verified %d of %d interactions, excluded %d%n", getClass().getSimpleName(), verified.size(),
        inPact.size(), inPact.size() - expected.size());
  }

  protected static Set<String> interactionDescriptions() {
    try {
      JsonNode pact = JSON.readTree(Contract.pactFile().toFile());
      Set<String> out = new TreeSet<>();
      pact.path("interactions").forEach(i -> out.add(i.path("description").asText()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("the consumer tests did not write " + Contract.pactFile(), e);
    }
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

  protected static Map<String, Object> values(Object... keyValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }
}
