package io.github.hubsdk.contracts;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.core.model.matchingrules.NullMatcher;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import io.github.hubsdk.contracts.states.StateValues;
import java.nio.file.Path;

/**
 * Names, matcher patterns and example values shared by the consumer tests and both provider verifications.
 * The provider states are named per tag in {@code io.github.hubsdk.contracts.states}.
 */
public final class Contract {

  /** The consumer name in the pact file. */
  public static final String CONSUMER = "hubsdk-java";
  /** The provider name in the pact file. */
  public static final String PROVIDER = "docker-hub-api";

  // --- matcher patterns -----------------------------------------------------------------------------------
  /** Three base64url parts. */
  public static final String JWT = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
  /** The Authorization header of every authenticated request. */
  public static final String BEARER = "Bearer " + JWT;
  /** A JWT-shaped value that is not a secret: header {"alg":"none"}, claims {"sub":"hubsdk","exp":4102444800}. */
  public static final String FAKE_JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJodWJzZGsiLCJleHAiOjQxMDI0NDQ4MDB9.not-a-signature";
  /** Canonical lower-case UUID. */
  public static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  /** A manifest digest. */
  public static final String DIGEST = "sha256:[a-f0-9]{64}";
  /** RFC 3339 date-time with optional fraction and zone offset (the Hub sends 0, 3 or 6 fraction digits). */
  public static final String RFC3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})";
  /** The PAT secret format. */
  public static final String PAT_SECRET = "dckr_pat_[A-Za-z0-9_-]+";

  // --- example values (none is a secret of any account) ---------------------------------------------------
  /** Example token id. */
  public static final String EXAMPLE_UUID = "b30bbf97-506c-4ecd-aabc-842f3cb484fb";
  /** Example digest of a tagged image. */
  public static final String EXAMPLE_DIGEST = "sha256:5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9";
  /** Example date-time. */
  public static final String EXAMPLE_TIME = "2026-11-26T09:14:02.118Z";

  /**
   * Values the consumer tests hand to the SDK as secrets. The pact files must contain none of them
   * ({@code PactFileSecretsIT}); the requests carry provider-state expressions instead.
   */
  public static final String CONSUMER_PASSWORD = "consumer-only-password-7Qx";
  /** Second factor code the consumer test types in. */
  public static final String CONSUMER_2FA_CODE = "731902";
  /** The one-time token of the 2FA step as the consumer test's mock answers it. */
  public static final String EXAMPLE_2FA_TOKEN = "2fa-example-one-time-token";

  /** A nullable RFC 3339 timestamp: null or a date-time (example null). */
  public static PactDslJsonBody nullableTime(PactDslJsonBody body, String name) {
    return body.or(name, null, NullMatcher.INSTANCE, new RegexMatcher(RFC3339));
  }

  /** A nullable absolute URL, e.g. a page's next/previous link (example null). */
  public static PactDslJsonBody nullableUrl(PactDslJsonBody body, String name) {
    return body.or(name, null, NullMatcher.INSTANCE, new RegexMatcher("https?://\\S+"));
  }

  /** A page of a list operation without its results: the nullable next/previous links. */
  public static PactDslJsonBody pageBody() {
    return nullableUrl(nullableUrl(new PactDslJsonBody(), "next"), "previous");
  }

  /** The provider-state expression of the Authorization header: the JWT of the state's caller. */
  public static final String BEARER_EXPRESSION = "Bearer ${" + StateValues.BEARER + "}";

  /**
   * The request carries a bearer JWT (example: the fake one). The header comes from the provider state's
   * {@code bearer} value, so the pact is self-contained: any verifier that can call a state-change URL (the
   * emulator's {@code /_emulator/pact/provider-states}) sends a real JWT, with no hook of its own.
   */
  public static PactDslRequestWithPath bearer(PactDslRequestWithPath request) {
    return request.matchHeader("Authorization", BEARER, "Bearer " + FAKE_JWT)
        .headerFromProviderState("Authorization", BEARER_EXPRESSION, "Bearer " + FAKE_JWT);
  }

  /** The request has a JSON body: Content-Type application/json, any parameters. */
  public static PactDslRequestWithPath json(PactDslRequestWithPath request) {
    return request.matchHeader("Content-Type", "application/json(;.*)?", "application/json");
  }

  /** The authenticated request for the first page of a list: page 1, page_size 100 (any numbers match). */
  public static PactDslRequestWithPath firstPage(PactDslRequestWithPath request) {
    return bearer(request.matchQuery("page", "\\d+", "1").matchQuery("page_size", "\\d+", "100"));
  }

  /** Where the consumer tests write and the verifications read the pacts. */
  public static Path pactDir() {
    return Path.of(System.getProperty("pact.rootDir", "target/pacts"));
  }

  /** The pact file of this consumer/provider pair. */
  public static Path pactFile() {
    return pactDir().resolve(CONSUMER + "-" + PROVIDER + ".json");
  }

  private Contract() {
  }
}
