package io.github.hubsdk.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hubsdk.emulator.standalone.Standalone.Answer;
import io.github.hubsdk.emulator.standalone.Standalone.Exit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone jar's command line: --help, bad flags, --seed (valid and invalid), --rate-limit, the admin token. */
class StandaloneCliIT {

  @TempDir
  Path dir;

  @Test
  void helpPrintsUsageAndExitsZero() throws Exception {
    Exit exit = Standalone.run("--help");
    assertThat(exit.code()).isZero();
    assertThat(exit.stdout()).contains("usage:", "--seed FILE", "--rate-limit N/SECONDS", "--admin-token",
        "--no-demo-seed");
  }

  @Test
  void badFlagsExitTwoWithOneLine() throws Exception {
    for (String[] args : new String[][] {{"--bogus"}, {"--port"}, {"--port", "x"}, {"--rate-limit", "10"},
        {"--admin-token", "short"}}) {
      Exit exit = Standalone.run(args);
      assertThat(exit.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(exit.stderr().strip().lines().count()).as(exit.stderr()).isEqualTo(1);
      assertThat(exit.stderr()).startsWith("hub-emulator: ");
    }
  }

  @Test
  void invalidSeedFileIsRefusedWithPathAndLine() throws Exception {
    Path seed = dir.resolve("bad-seed.json");
    Files.writeString(seed, "{\n  \"users\": [\n    {\"name\": \"mona\",\n     \"password\": 42}\n  ]\n}\n");
    Exit exit = Standalone.run("--port", "0", "--seed", seed.toString());
    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.stderr()).contains("bad-seed.json:4:", "/users/0/password", "must be a non-blank string");
    Files.writeString(seed, "{\n  \"users\": [,]\n}");
    Exit syntax = Standalone.run("--port", "0", "--seed", seed.toString());
    assertThat(syntax.code()).isEqualTo(2);
    assertThat(syntax.stderr()).contains("bad-seed.json:2:", "not valid JSON");
    Exit missing = Standalone.run("--port", "0", "--seed", dir.resolve("absent.json").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.stderr()).contains("absent.json");
  }

  @Test
  void seedFileServesEverySection() throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, """
        {
          "version": 1,
          "users": [
            {"name": "mona", "password": "mona-password", "plan": "team", "twoFactorCode": "123456",
             "profile": {"fullName": "Mona Lisa", "company": "Acme"}},
            {"name": "dev", "password": "dev-password"}
          ],
          "organizations": [{"name": "acme", "plan": "business", "owners": ["dev"], "members": ["mona"],
                             "restrictedImages": {"enabled": true, "allowOfficialImages": false}}],
          "repositories": [{"namespace": "acme", "name": "web", "generatedImages": 3,
                            "images": [{"digest": "sha256:%s", "pushed": "P3D", "pulled": "PT5H", "tags": ["latest"]}]}],
          "accessTokens": [{"owner": "dev", "label": "ci", "scopes": ["repo:admin"], "secret": "dckr_pat_devsecret42",
                            "created": "P30D", "lastUsed": "PT2H", "expires": "P90D"}],
          "organizationAccessTokens": [{"org": "acme", "label": "deploy", "secret": "dckr_oat_acmesecret42"}],
          "auditEvents": [{"account": "acme", "action": "repo.tag.push", "name": "acme/web", "actor": "dev",
                           "at": "PT5H", "data": {"tag": "latest"}}]
        }
        """.formatted("ab".repeat(32)));
    try (Standalone hub = Standalone.start("--port", "0", "--no-demo-seed", "--seed", seed.toString())) {
      Answer twoFactor = hub.post("/v2/users/login", "{\"username\":\"mona\",\"password\":\"mona-password\"}");
      assertThat(twoFactor.status()).isEqualTo(401);
      assertThat(twoFactor.json().get("login_2fa_token").asText()).isNotBlank();
      String dev = hub.login("dev", "dckr_pat_devsecret42");
      hub.login("acme", "dckr_oat_acmesecret42");
      String password = hub.login("dev", "dev-password");
      Answer images = hub.get("/v2/namespaces/acme/repositories/web/images?page_size=100",
          "Authorization", "Bearer " + dev);
      assertThat(images.status()).as(images.raw().body()).isEqualTo(200);
      assertThat(images.json().get("count").asInt()).isEqualTo(4);
      Answer audit = hub.get("/v2/auditlogs/acme", "Authorization", "Bearer " + password);
      assertThat(audit.status()).as(audit.raw().body()).isEqualTo(200);
      assertThat(audit.raw().body()).contains("repo.tag.push");
      JsonNode tokens = hub.get("/v2/access-tokens", "Authorization", "Bearer " + password).json();
      assertThat(tokens.at("/results/0/token_label").asText()).isEqualTo("ci");
      assertThat(tokens.at("/results/0/last_used").asText()).isNotBlank();
      Answer profile = hub.get("/v2/users/mona", "Authorization", "Bearer " + password);
      assertThat(profile.json().get("full_name").asText()).isEqualTo("Mona Lisa");
      assertThat(hub.banner).anyMatch(l -> l.contains("seeded from"));
    }
  }

  @Test
  void rateLimitFlag() throws Exception {
    try (Standalone hub = Standalone.start("--port", "0", "--rate-limit", "2/3600")) {
      assertThat(hub.get("/v2/users/hubsdk").status()).isEqualTo(401);
      assertThat(hub.get("/v2/users/hubsdk").status()).isEqualTo(401);
      assertThat(hub.get("/v2/users/hubsdk").status()).isEqualTo(429);
      assertThat(hub.get("/_emulator/rate-limit").json().get("limit").asInt()).isEqualTo(2);
    }
  }

  @Test
  void beyondLoopbackTheControlApiNeedsTheAdminToken() throws Exception {
    String token = "given-admin-token-0123456789";
    try (Standalone hub = Standalone.start("--port", "0", "--bind", "0.0.0.0", "--admin-token", token)) {
      Answer refused = hub.get("/_emulator/health");
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().get("error").asText()).isEqualTo("unauthorized");
      assertThat(refused.raw().body()).doesNotContain(token);
      assertThat(hub.get("/_emulator/health", "Authorization", "Bearer wrong-token-0123456789").status()).isEqualTo(401);
      assertThat(hub.get("/_emulator/health", "Authorization", "Bearer " + token).status()).isEqualTo(200);
      assertThat(hub.get("/_emulator/health", "X-Emulator-Token", token).status()).isEqualTo(200);
      assertThat(hub.get("/_emulator/health?token=" + token).status()).isEqualTo(200);
      // The Docker Hub API itself needs no admin token.
      hub.login("hubsdk", "hubsdk-password");
      assertThat(String.join("\n", hub.banner)).doesNotContain(token);
    }
    try (Standalone hub = Standalone.start("--port", "0", "--bind", "0.0.0.0")) {
      waitForBanner(hub, "admin token");
      Matcher generated = Pattern.compile("admin token \\(printed once\\): (\\S+)").matcher(String.join("\n", hub.banner));
      assertThat(generated.find()).as(hub.banner.toString()).isTrue();
      assertThat(hub.get("/_emulator/health").status()).isEqualTo(401);
      assertThat(hub.get("/_emulator/health", "Authorization", "Bearer " + generated.group(1)).status()).isEqualTo(200);
    }
    try (Standalone hub = Standalone.start("--port", "0", "--no-control-api")) {
      assertThat(hub.get("/_emulator/health").status()).isEqualTo(404);
    }
  }

  private static void waitForBanner(Standalone hub, String text) throws InterruptedException {
    for (int i = 0; i < 100 && hub.banner.stream().noneMatch(l -> l.contains(text)); i++) {
      Thread.sleep(50);
    }
  }
}
