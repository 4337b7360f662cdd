package io.github.hubsdk.client;

import static io.github.hubsdk.client.TestSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hubsdk.client.TestSupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderAndJwtParsingTest {

  private final MutableClock clock = new MutableClock(T0);

  @Test
  void retryAfterForms() {
    assertThat(RetryAfter.parseValue("0", clock)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parseValue(" 120 ", clock)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parseValue(Long.toString(T0.getEpochSecond() + 42), clock)).isEqualTo(Duration.ofSeconds(42));
    assertThat(RetryAfter.parseValue(Long.toString(T0.getEpochSecond() - 42), clock))
        .as("a moment already past means no wait").isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parseValue("-5", clock)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parseValue("Thu, 26 Nov 2026 10:01:00 GMT", clock)).isEqualTo(Duration.ofSeconds(60));
    assertThat(RetryAfter.parseValue("soon", clock)).isNull();
    assertThat(RetryAfter.parseValue("", clock)).isNull();
    assertThat(RetryAfter.parseValue(null, clock)).isNull();
  }

  @Test
  void retryAfterWinsOverXRetryAfterAndHeaderNamesAreCaseInsensitive() {
    String x = Long.toString(T0.getEpochSecond() + 9);
    assertThat(RetryAfter.parse(Map.of("retry-after", List.of("3"), "X-Retry-After", List.of(x)), clock))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(RetryAfter.parse(Map.of("x-retry-after", List.of(x)), clock)).isEqualTo(Duration.ofSeconds(9));
    assertThat(RetryAfter.parse(Map.of(), clock)).isNull();
  }

  @Test
  void rateLimitHeadersToleratePartialAndMalformedValues() {
    assertThat(RateLimit.fromHeaders(Map.of(), T0)).isEmpty();
    RateLimit rl = RateLimit.fromHeaders(Map.of("x-ratelimit-remaining", List.of("5"),
        "X-RateLimit-Limit", List.of("lots")), T0).orElseThrow();
    assertThat(rl.remaining()).hasValue(5);
    assertThat(rl.limit()).isEmpty();
    assertThat(rl.reset()).isEmpty();
    // A reset beyond what an Instant holds (say, nanoseconds) is ignored, not thrown from every answer.
    RateLimit huge = RateLimit.fromHeaders(Map.of("X-RateLimit-Reset", List.of(Long.toString(Long.MAX_VALUE)),
        "X-RateLimit-Remaining", List.of("1")), T0).orElseThrow();
    assertThat(huge.reset()).isEmpty();
    assertThat(huge.remaining()).hasValue(1);
    assertThat(RetryAfter.parseValue(Long.toString(Long.MAX_VALUE), new TestSupport.MutableClock(T0))).isNull();
  }

  @Test
  void jwtExpiryIsReadWithoutVerification() {
    Instant exp = Instant.parse("2026-11-26T10:10:00Z");
    assertThat(Jwt.expiry(TestSupport.jwt("mona", exp))).contains(exp);
    // Payload lengths that need each amount of base64 padding.
    for (String sub : List.of("a", "ab", "abc", "abcd")) {
      assertThat(Jwt.expiry(TestSupport.jwt(sub, exp))).contains(exp);
    }
    String noExp = "eyJhbGciOiJIUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"sub\":\"mona\"}".getBytes(StandardCharsets.UTF_8)) + ".sig";
    assertThat(Jwt.expiry(noExp)).isEmpty();
    assertThat(Jwt.expiry("opaque")).isEmpty();
    assertThat(Jwt.expiry("a.!!!.c")).isEmpty();
    assertThat(Jwt.expiry(null)).isEmpty();
  }

  @Test
  void operationNamesComeFromFeignMethodKeys() {
    assertThat(HubErrorDecoder.operation("AccessTokensApi#getAccessToken(UUID)")).isEqualTo("getAccessToken");
    assertThat(HubErrorDecoder.operation("NextPageApi#listAccessTokens(URI)")).isEqualTo("listAccessTokens");
    assertThat(HubErrorDecoder.operation(null)).isEqualTo("unknown");
  }
}
