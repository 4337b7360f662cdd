package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The seed document is checked on parse (with line and column) and applied through the Seeder. */
class SeedDocumentTest {

  private static InvalidSeedException refusal(String json) {
    try {
      SeedDocument.parse(json, "t.json");
    } catch (InvalidSeedException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void textProblemsAreLocated() {
    InvalidSeedException unknownField = refusal("{\"users\": [{\"name\": \"a\", \"password\": \"p\", \"plann\": \"pro\"}]}");
    assertThat(unknownField.pointer()).isEqualTo("/users/0/plann");
    assertThat(unknownField.line()).isEqualTo(1);
    assertThat(unknownField.problem()).contains("unknown field 'plann'", "plan");
    InvalidSeedException section = refusal("{\n\"user\": []\n}");
    assertThat(section.pointer()).isEqualTo("/user");
    assertThat(section.line()).isEqualTo(2);
    assertThat(section.getMessage()).startsWith("t.json:2:9: /user: unknown field 'user'");
    assertThat(refusal("{\"repositories\": [{\"namespace\": \"a\", \"name\": \"b\", \"images\": [{\"digest\": \"sha256:x\","
        + " \"pushed\": \"P1D\"}]}]}").pointer()).isEqualTo("/repositories/0/images/0/digest");
    assertThat(refusal("{\"accessTokens\": [{\"owner\": \"a\", \"label\": \"l\", \"scopes\": [\"repo:root\"]}]}")
        .pointer()).isEqualTo("/accessTokens/0/scopes/0");
    InvalidSeedException badSecret = refusal("{\"accessTokens\": [{\"owner\": \"a\", \"label\": \"l\","
        + " \"scopes\": [\"repo:read\"], \"secret\": \"plain-secret-value\"}]}");
    assertThat(badSecret.pointer()).isEqualTo("/accessTokens/0/secret");
    assertThat(badSecret.getMessage()).as("a secret is never echoed").doesNotContain("plain-secret-value");
    assertThat(refusal("{\"users\": [{\"name\": \"a\", \"password\": 12345678}]}").getMessage())
        .doesNotContain("12345678");
    assertThat(refusal("{\"auditEvents\": [{\"account\": \"a\", \"action\": \"x\", \"name\": \"n\", \"actor\": \"a\","
        + " \"at\": \"yesterday\"}]}").pointer()).isEqualTo("/auditEvents/0/at");
    assertThat(refusal("{\"users\": [], \"users\": []}").problem()).contains("Duplicate field 'users'");
    assertThat(refusal("[]").problem()).contains("must be an object");
    assertThat(refusal("").line()).isEqualTo(1);
    assertThat(refusal("{\"version\": 2}").pointer()).isEqualTo("/version");
  }

  @Test
  void appliedThroughTheSeederWithTimesRelativeToTheSeedingTime() {
    Instant start = Instant.parse("2026-11-26T10:00:00Z");
    SeedDocument doc = SeedDocument.parse("""
        {"users": [{"name": "mona", "password": "pw", "plan": "free"}],
         "organizations": [{"name": "acme", "plan": "team", "owners": ["mona"]}],
         "accessTokens": [{"owner": "mona", "label": "ci", "scopes": ["repo:read"], "created": "P2D",
                           "expires": "P1D", "active": false}]}
        """, "t.json");
    try (DockerHubEmulator hub = DockerHubEmulator.builder().clock(MutableClock.fixed(start)).seed(doc::apply).start()) {
      assertThat(hub.accessTokenFor("mona")).isNotBlank();
      SeedDocument.Result again = hub.seed(SeedDocument.parse(
          "{\"organizationAccessTokens\": [{\"org\": \"acme\", \"label\": \"deploy\"}]}", "more.json"));
      assertThat(again.tokens()).hasSize(1);
      assertThat(again.tokens().get(0).token().secret()).startsWith("dckr_oat_");
      assertThat(again.counts()).containsEntry("organizationAccessTokens", 1).containsEntry("users", 0);
      hub.reset();
      assertThat(hub.accessTokenFor(again.tokens().get(0).token())).isNotBlank();
      assertThatThrownBy(() -> hub.seed(SeedDocument.parse("{\"users\": [{\"name\": \"mona\", \"password\": \"x\"}]}",
          "dup.json"))).isInstanceOf(InvalidSeedException.class).hasMessageContaining("dup.json:1:")
          .hasMessageContaining("/users/0");
    }
  }

  @Test
  void theControlApiIsOnForLoopbackOnlyAndNeverWithoutATokenBeyondIt() throws Exception {
    try (DockerHubEmulator hub = DockerHubEmulator.builder().start()) {
      assertThat(hub.controlApiEnabled()).isTrue();
    }
    try (DockerHubEmulator hub = DockerHubEmulator.builder().controlApi(false).start()) {
      assertThat(hub.controlApiEnabled()).isFalse();
    }
    java.net.InetAddress any = java.net.InetAddress.getByName("0.0.0.0");
    try (DockerHubEmulator hub = DockerHubEmulator.builder().bindAddress(any).start()) {
      assertThat(hub.controlApiEnabled()).isFalse();
    }
    assertThatThrownBy(() -> DockerHubEmulator.builder().bindAddress(any).controlApi(true).start())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("adminToken");
    assertThatThrownBy(() -> DockerHubEmulator.builder().adminToken("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
