package io.github.hubsdk.contracts.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.contracts.Contract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner finds what it must find. */
class PactSecretsTest {

  @Test
  void cleanTextHasNoFinding() {
    String text = "{\"token\":\"" + PactSecrets.EXAMPLE_PAT + "\",\"Authorization\":\"Bearer " + Contract.FAKE_JWT + "\"}";
    assertThat(PactSecrets.findings(text, List.of("s3cret-pass"))).isEmpty();
  }

  @Test
  void knownSecretIsFoundWithoutBeingEchoed() {
    List<String> findings = PactSecrets.findings("{\"secret\":\"s3cret-pass\"}", List.of("s3cret-pass"));
    assertThat(findings).singleElement().asString().doesNotContain("s3cret-pass");
  }

  @Test
  void realLookingTokensAreFound() {
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtb25hIn0.c2lnbmF0dXJl";
    assertThat(PactSecrets.findings("{\"a\":\"dckr_pat_abcdefghijklmnopqrstuvwxyz0\",\"b\":\"" + jwt + "\"}", List.of()))
        .hasSize(2);
  }
}
