package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest extends EmulatorTestSupport {

  @Test
  void offByDefaultYetEveryAnswerCarriesTheHeadersAsOnTheLiveHub() {
    start();
    String jwt = hub.accessTokenFor("hubsdk");
    long reset = T0.plus(Duration.ofMinutes(1)).getEpochSecond();
    Resp r = get("/v2/access-tokens", jwt);
    assertThat(r.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(Integer.MAX_VALUE));
    assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(Integer.MAX_VALUE - 1));
    assertThat(r.header("X-RateLimit-Reset")).isEqualTo(Long.toString(reset));
    Resp error = get("/v2/access-tokens/not-a-uuid", jwt);
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(Integer.MAX_VALUE - 2));
    for (int i = 0; i < 5; i++) {
      assertThat(get("/v2/access-tokens", jwt).status()).as("never limited").isEqualTo(200);
    }
  }

  @Test
  void everyResponseCarriesTheHeadersAndTheExcessGets429WithRetryAfterSeconds() {
    start(b -> b.rateLimit(3, Duration.ofMinutes(1)));
    String jwt = hub.accessTokenFor("hubsdk");
    long reset = T0.plus(Duration.ofMinutes(1)).getEpochSecond();
    Resp first = get("/v2/access-tokens", jwt);
    assertThat(first.header("X-RateLimit-Limit")).isEqualTo("3");
    assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("2");
    assertThat(first.header("X-RateLimit-Reset")).isEqualTo(Long.toString(reset));
    Resp error = get("/v2/access-tokens/not-a-uuid", jwt);
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.header("X-RateLimit-Remaining")).as("errors count and carry the headers").isEqualTo("1");
    assertThat(get("/v2/access-tokens", jwt).header("X-RateLimit-Remaining")).isEqualTo("0");

    clock.advance(Duration.ofSeconds(20));
    Resp limited = get("/v2/access-tokens", jwt);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().get("detail").asText()).isEqualTo("Rate limit exceeded");
    assertThat(limited.json().get("error").asBoolean()).isFalse();
    assertThat(limited.header("Retry-After")).isEqualTo("40");
    assertThat(limited.header("X-Retry-After")).isNull();
    assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(get("/v2/auditlogs/hubsdk", jwt).status()).as("every operation is limited").isEqualTo(429);

    clock.advance(Duration.ofSeconds(40));
    Resp next = get("/v2/access-tokens", jwt);
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.header("X-RateLimit-Remaining")).isEqualTo("2");
  }

  @Test
  void retryAfterCanBeAUnixTimestampAndXRetryAfterCanBeAdded() {
    start(b -> b.rateLimit(1, Duration.ofSeconds(30)).retryAfterFormat(RetryAfterFormat.UNIX_TIMESTAMP)
        .xRetryAfterHeader(true));
    String jwt = hub.accessTokenFor("hubsdk");
    assertThat(get("/v2/access-tokens", jwt).status()).isEqualTo(200);
    Resp limited = get("/v2/access-tokens", jwt);
    assertThat(limited.status()).isEqualTo(429);
    String at = Long.toString(T0.plusSeconds(30).getEpochSecond());
    assertThat(limited.header("Retry-After")).isEqualTo(at);
    assertThat(limited.header("X-Retry-After")).isEqualTo(at);
  }
}
