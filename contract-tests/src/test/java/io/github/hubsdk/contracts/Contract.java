package io.github.hubsdk.contracts;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.core.model.matchingrules.NullMatcher;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import java.nio.file.Path;
import java.util.List;

/**
 * Names, provider states and matcher patterns shared by the consumer tests and both provider verifications.
 * Provider states are named as facts about the provider, so that any account can be made to satisfy them.
 */
public final class Contract {

  /** The consumer name in the pact file. */
  public static final String CONSUMER = "hubsdk-java";
  /** The provider name in the pact file. */
  public static final String PROVIDER = "docker-hub-api";

  // --- provider states --------------------------------------------------------------------------------
  /** Values: username, password, label (for a token to create; live runs clean up by this label). */
  public static final String USER = "user 'hubsdk' exists with password login";
  /** Values: username, password. */
  public static final String USER_2FA = "user 'hubsdk-2fa' exists with two-factor authentication";
  /** Values: login2faToken, code. */
  public static final String PENDING_2FA = "user 'hubsdk-2fa' has a pending two-factor login";
  /** Values: uuid. */
  public static final String PAT = "personal access token 'ci-token' exists";
  /** The bearer is a JWT from a PAT login; values: none. */
  public static final String PAT_JWT = "user 'hubsdk' is authenticated with a JWT issued from personal access token 'ci-token'";
  /** The bearer is not a valid JWT. */
  public static final String INVALID_JWT = "the caller's JWT is not valid";
  /** The next GET on the access tokens answers 429 with Retry-After 30. */
  public static final String RATE_LIMITED = "user 'hubsdk' has exhausted the rate limit";
  /** Values: namespace, repository, digest (an image tagged latest and 1.4). */
  public static final String IMAGES = "repository 'hubsdk/example' has images";
  /** Values: namespace, repository, digest. */
  public static final String IMAGE_DELETABLE = "image of repository 'hubsdk/example' is untagged and inactive";
  /** Values: namespace, repository, digest. */
  public static final String IMAGE_BUSY = "image of repository 'hubsdk/example' is tagged and recently pushed";
  /** Values: namespace, repository; the bearer belongs to that free-plan user. */
  public static final String FREE_PLAN = "user 'hubsdk-free' on the free plan owns repository 'hubsdk-free/app'";
  /** Values: account. */
  public static final String AUDIT = "organization 'hubsdk-org' owned by user 'hubsdk' has audit log events";
  /** Values: org. */
  public static final String ORG_BUSINESS = "organization 'hubsdk-org' on the Business plan is owned by user 'hubsdk'";
  /** Values: org. */
  public static final String ORG_TEAM = "organization 'hubsdk-team' on the Team plan is owned by user 'hubsdk'";

  /** Every state the consumer tests use; {@code EmulatorStatesCoverageTest} checks each has an emulator handler. */
  public static final List<String> STATES = List.of(USER, USER_2FA, PENDING_2FA, PAT, PAT_JWT, INVALID_JWT,
      RATE_LIMITED, IMAGES, IMAGE_DELETABLE, IMAGE_BUSY, FREE_PLAN, AUDIT, ORG_BUSINESS, ORG_TEAM);

  /**
   * How many interactions the consumer tests record at least; the verifications and the spec check refuse a
   * pact with fewer (a consumer test that silently stopped writing its interaction).
   */
  public static final int MIN_INTERACTIONS = 26;

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

  /** The request carries a bearer JWT (example: the fake one). */
  public static PactDslRequestWithPath bearer(PactDslRequestWithPath request) {
    return request.matchHeader("Authorization", BEARER, "Bearer " + FAKE_JWT);
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
