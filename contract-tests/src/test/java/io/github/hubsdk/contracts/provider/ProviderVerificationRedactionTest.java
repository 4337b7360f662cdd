package io.github.hubsdk.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.contracts.Contract;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A failing verification's message loses its real tokens but keeps its type and the fake examples. */
class ProviderVerificationRedactionTest {

  private static final String REAL_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZWFsLXVzZXIifQ.c2lnbmF0dXJlLXBhcnQ";
  private static final String REAL_PAT = "dckr_pat_s3cr3tValue-abc_123";
  private static final String REAL_OAT = "dckr_oat_0rgS3cret";

  public static final class CustomAssertion extends AssertionError {
    public CustomAssertion(String message) {
      super(message);
    }
  }

  private static String message() {
    return "expected header 'Authorization: Bearer " + REAL_JWT + "' body {\"token\":\"" + REAL_PAT + "\",\"org\":\""
        + REAL_OAT + "\"} example " + Contract.FAKE_JWT + " dckr_pat_EXAMPLEnotArealSecret0000000";
  }

  private static void assertRedacted(AssertionError out) {
    assertThat(out.getMessage()).doesNotContain(REAL_JWT, REAL_PAT, REAL_OAT, "s3cr3t", "0rgS3cret")
        .contains("<redacted JWT>", "dckr_pat_<redacted>", "dckr_oat_<redacted>", Contract.FAKE_JWT,
            "dckr_pat_EXAMPLEnotArealSecret0000000", "expected header 'Authorization: Bearer ");
    assertThat(out.getCause()).isNull();
  }

  @Test
  void plainAssertionErrorKeepsItsType() {
    AssertionError in = new AssertionError(message(), new RuntimeException(REAL_JWT));
    AssertionError out = ProviderVerification.redacted(in);
    assertThat(out.getClass()).isEqualTo(AssertionError.class);
    assertThat(out.getStackTrace()).isEqualTo(in.getStackTrace());
    assertRedacted(out);
  }

  @Test
  void opentest4jAssertionKeepsItsType() {
    AssertionError out = ProviderVerification.redacted(new AssertionFailedError(message()));
    assertThat(out).isExactlyInstanceOf(AssertionFailedError.class);
    assertRedacted(out);
  }

  @Test
  void subclassWithAStringConstructorKeepsItsType() {
    AssertionError out = ProviderVerification.redacted(new CustomAssertion(message()));
    assertThat(out).isExactlyInstanceOf(CustomAssertion.class);
    assertRedacted(out);
  }

  @Test
  void nullMessageStaysNull() {
    assertThat(ProviderVerification.redacted(new AssertionError()).getMessage()).isNull();
  }
}
