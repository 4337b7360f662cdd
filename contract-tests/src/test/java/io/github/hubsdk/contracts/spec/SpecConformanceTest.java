package io.github.hubsdk.contracts.spec;

import static io.github.hubsdk.contracts.Contract.*;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.core.model.V4Pact;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves the spec check passes a conforming interaction and fails on each kind of drift. */
class SpecConformanceTest {

  private static final SpecConformance CHECK = SpecConformance.ofSpec();

  private static PactDslWithProvider pact() {
    return ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER);
  }

  private static PactDslJsonBody token() {
    return new PactDslJsonBody().stringMatcher("uuid", UUID, EXAMPLE_UUID).stringType("client_id", "HUB")
        .stringType("creator_ip", "203.0.113.24").stringType("creator_ua", "hubsdk-java")
        .stringMatcher("created_at", RFC3339, EXAMPLE_TIME).nullValue("last_used").stringType("generated_by", "manual")
        .booleanType("is_active", true).stringValue("token", "").stringType("token_label", "ci-token")
        .array("scopes").stringValue("repo:read").closeArray().asBody();
  }

  private static List<String> check(V4Pact pact) {
    return CHECK.problems(pact);
  }

  @Test
  void conformingInteractionPasses() {
    V4Pact ok = pact().uponReceiving("good").method("GET").path("/v2/access-tokens/" + EXAMPLE_UUID)
        .matchHeader("Authorization", BEARER, "Bearer " + FAKE_JWT)
        .willRespondWith().status(200).body(token()).toPact(V4Pact.class);
    assertThat(check(ok)).isEmpty();
  }

  @Test
  void percentEncodedDigestInThePathIsDecodedFirst() {
    V4Pact ok = pact().uponReceiving("tags").method("GET")
        .path("/v2/namespaces/acme/repositories/web/images/" + EXAMPLE_DIGEST.replace(":", "%3A") + "/tags")
        .matchHeader("Authorization", BEARER, "Bearer " + FAKE_JWT)
        .willRespondWith().status(200).body(new PactDslJsonBody().integerType("count", 0).nullValue("next")
            .nullValue("previous").array("results").closeArray().asBody())
        .toPact(V4Pact.class);
    assertThat(check(ok)).isEmpty();
  }

  @Test
  void responseFieldOfTheWrongTypeFails() {
    PactDslJsonBody body = token();
    body.stringType("is_active", "yes");
    V4Pact bad = pact().uponReceiving("bad response").method("GET").path("/v2/access-tokens/" + EXAMPLE_UUID)
        .matchHeader("Authorization", BEARER, "Bearer " + FAKE_JWT)
        .willRespondWith().status(200).body(body).toPact(V4Pact.class);
    assertThat(check(bad)).singleElement().asString().startsWith("bad response: validation.response.body");
  }

  @Test
  void statusTheSpecDoesNotDocumentFails() {
    V4Pact bad = pact().uponReceiving("undocumented status").method("DELETE").path("/v2/access-tokens/" + EXAMPLE_UUID)
        .matchHeader("Authorization", BEARER, "Bearer " + FAKE_JWT)
        .willRespondWith().status(200).toPact(V4Pact.class);
    assertThat(check(bad)).anySatisfy(p -> assertThat(p).contains("validation.response.status.unknown"));
  }

  @Test
  void pathTheSpecDoesNotHaveFails() {
    V4Pact bad = pact().uponReceiving("unknown path").method("GET").path("/v2/repositories/acme")
        .matchHeader("Authorization", BEARER, "Bearer " + FAKE_JWT)
        .willRespondWith().status(200).toPact(V4Pact.class);
    assertThat(check(bad)).anySatisfy(p -> assertThat(p).contains("validation.request.path.missing"));
  }

  @Test
  void requestBodyMissingARequiredFieldFails() {
    V4Pact bad = pact().uponReceiving("bad request").method("POST").path("/v2/access-tokens")
        .matchHeader("Authorization", BEARER, "Bearer " + FAKE_JWT)
        .matchHeader("Content-Type", "application/json.*", "application/json")
        .body(new PactDslJsonBody().stringType("token_label", "x"))
        .willRespondWith().status(201).body(token()).toPact(V4Pact.class);
    assertThat(check(bad)).anySatisfy(p -> assertThat(p).startsWith("bad request: validation.request.body"));
  }

  @Test
  void malformedBodyIsAllowedOnlyWhereTheSpecAnswers400() {
    PactDslJsonBody blankSecret = new PactDslJsonBody().stringValue("identifier", "hubsdk").stringValue("secret", "");
    V4Pact rejected = pact().uponReceiving("rejected").method("POST").path("/v2/auth/token")
        .matchHeader("Content-Type", "application/json.*", "application/json").body(blankSecret)
        .willRespondWith().status(400).body(new PactDslJsonBody().object("fields").array("secret")
            .stringValue("This field may not be blank.").closeArray().closeObject())
        .toPact(V4Pact.class);
    assertThat(check(rejected)).isEmpty();
    V4Pact accepted = pact().uponReceiving("accepted").method("POST").path("/v2/auth/token")
        .matchHeader("Content-Type", "application/json.*", "application/json").body(blankSecret)
        .willRespondWith().status(200).body(new PactDslJsonBody().stringValue("access_token", FAKE_JWT))
        .toPact(V4Pact.class);
    assertThat(check(accepted)).anySatisfy(p -> assertThat(p).contains("validation.request.body.schema"));
  }

  @Test
  void a400StillNeedsASpecConformingAnswerAndPath() {
    V4Pact bad = pact().uponReceiving("bad rejection").method("POST").path("/v2/auth/token")
        .matchHeader("Content-Type", "application/json.*", "application/json")
        .body(new PactDslJsonBody().stringValue("identifier", "hubsdk").stringValue("secret", ""))
        .willRespondWith().status(400).body(new PactDslJsonBody().integerType("fields", 3)).toPact(V4Pact.class);
    assertThat(check(bad)).anySatisfy(p -> assertThat(p).contains("validation.response.body"));
    V4Pact unknown = pact().uponReceiving("unknown path").method("POST").path("/v2/auth/tokens")
        .willRespondWith().status(400).toPact(V4Pact.class);
    assertThat(check(unknown)).anySatisfy(p -> assertThat(p).contains("validation.request.path.missing"));
  }

  @Test
  void missingBearerFails() {
    V4Pact bad = pact().uponReceiving("no auth").method("GET").path("/v2/access-tokens/" + EXAMPLE_UUID)
        .willRespondWith().status(200).body(token()).toPact(V4Pact.class);
    assertThat(check(bad)).anySatisfy(p -> assertThat(p).contains("security"));
  }
}
