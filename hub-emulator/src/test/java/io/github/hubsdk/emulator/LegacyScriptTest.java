package io.github.hubsdk.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calls a shell script or an older client sends, in the order the hub-emulator README's "Test your
 * existing scripts" section runs them with curl: log in at {@code /v2/users/login/}, then
 * {@code Authorization: JWT <token>} (or {@code Bearer}), create a repository with the namespace in the body,
 * set its description, read it and its tags, delete a tag, delete the repository. Every read is also made on
 * the documented path at the same moment, and the two answers must be equal: the legacy paths are aliases of
 * the documented operations, not second implementations. Each scheme runs with and without trailing slashes.
 */
class LegacyScriptTest extends EmulatorTestSupport {

  static Stream<Arguments> schemesAndSlashes() {
    return Stream.of(Arguments.of("JWT", "/"), Arguments.of("JWT", ""), Arguments.of("Bearer", "/"),
        Arguments.of("Bearer", ""));
  }

  private void startSeeded() {
    start(b -> b.seed(s -> {
      s.user("mona", "s3cret-pw");
      s.org("acme", Plan.TEAM).owners("mona");
      s.repository("acme", "web").description("Front end").tags(30);
    }));
  }

  @ParameterizedTest(name = "Authorization: {0} ..., trailing slash \"{1}\"")
  @MethodSource("schemesAndSlashes")
  void theScriptRunsAndEveryLegacyAnswerEqualsTheDocumentedOne(String scheme, String slash) {
    startSeeded();
    Map<String, String> auth = Map.of("Authorization", scheme + " " + legacyLogin(slash));

    // 1. create with the namespace in the body, as GitHub Actions and scripts do
    Resp created = send("POST", "/v2/repositories" + slash, null, Map.of("namespace", "acme", "name", "scripted",
        "description", "made by a script", "is_private", false, "registry", "docker"), auth);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    Resp createdDocumented = send("POST", "/v2/namespaces/acme/repositories", null,
        Map.of("name", "scripted-twin", "description", "made by a script", "is_private", false), auth);
    assertThat(createdDocumented.status()).as("%s", createdDocumented).isEqualTo(201);
    assertThat(withoutName(created.json())).isEqualTo(withoutName(createdDocumented.json()));

    // 2. set its descriptions (the operation's only path is the legacy form)
    Resp patched = send("PATCH", "/v2/repositories/acme/scripted" + slash, null,
        Map.of("description", "short", "full_description", "# README\nlong text"), auth);
    assertThat(patched.status()).as("%s", patched).isEqualTo(200);

    // 3. reads: repository, namespace listing, tag listing (two pages), one tag
    sameAnswer("/v2/repositories/acme/scripted" + slash, "/v2/namespaces/acme/repositories/scripted", auth);
    JsonNode repo = get("/v2/namespaces/acme/repositories/scripted", auth);
    assertThat(repo.get("description").asText()).isEqualTo("short");
    assertThat(repo.get("full_description").asText()).isEqualTo("# README\nlong text");
    sameAnswer("/v2/repositories/acme" + slash, "/v2/namespaces/acme/repositories", auth);
    sameAnswer("/v2/repositories/acme" + slash + "?page_size=2&page=2", "/v2/namespaces/acme/repositories?page_size=2&page=2",
        auth);
    sameAnswer("/v2/repositories/acme/web/tags" + slash + "?page_size=25",
        "/v2/namespaces/acme/repositories/web/tags?page_size=25", auth);
    sameAnswer("/v2/repositories/acme/web/tags" + slash + "?page_size=25&page=2",
        "/v2/namespaces/acme/repositories/web/tags?page_size=25&page=2", auth);
    String tag = get("/v2/namespaces/acme/repositories/web/tags", auth).get("results").get(0).get("name").asText();
    sameAnswer("/v2/repositories/acme/web/tags/" + tag + slash, "/v2/namespaces/acme/repositories/web/tags/" + tag,
        auth);

    // 4. delete a tag, then the repository (both only exist on the legacy paths)
    Resp tagDeleted = send("DELETE", "/v2/repositories/acme/web/tags/" + tag + slash, null, null, auth);
    assertThat(tagDeleted.status()).as("%s", tagDeleted).isEqualTo(204);
    assertThat(send("GET", "/v2/namespaces/acme/repositories/web/tags/" + tag, null, null, auth).status())
        .isEqualTo(404);
    assertThat(get("/v2/namespaces/acme/repositories/web/tags", auth).get("count").asInt()).isEqualTo(29);
    Resp repoDeleted = send("DELETE", "/v2/repositories/acme/scripted" + slash, null, null, auth);
    assertThat(repoDeleted.status()).as("%s", repoDeleted).isIn(202, 204);
    assertThat(send("GET", "/v2/repositories/acme/scripted" + slash, null, null, auth).status()).isEqualTo(404);
    sameAnswer("/v2/repositories/acme" + slash, "/v2/namespaces/acme/repositories", auth);
  }

  @ParameterizedTest(name = "trailing slash \"{1}\", {0}")
  @MethodSource("schemesAndSlashes")
  void aLegacyCallThatDoesNotExistIsAJson404(String scheme, String slash) {
    // Not spec-validated: these paths are in no spec; what matters is that the answer is still JSON.
    try (DockerHubEmulator plain = DockerHubEmulator.builder().clock(MutableClock.fixed(T0))
        .seed(s -> s.user("mona", "s3cret-pw")).start()) {
      hub = plain;
      Map<String, String> auth = Map.of("Authorization", scheme + " " + legacyLogin(slash));
      for (String path : new String[] {"/v2/repositories/hubsdk/example/comments" + slash,
          "/v2/repositories/hubsdk/example/builds/history" + slash,
          "/v2/repositories/hubsdk/example/tags/latest/images/x" + slash}) {
        Resp r = send("GET", path, null, null, auth);
        assertThat(r.status()).as("%s -> %s", path, r).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().isObject()).as("a JSON object: %s", r).isTrue();
      }
    }
  }

  @Test
  void anUnknownSchemeIsA401OnLegacyAndDocumentedPathsAlike() {
    startSeeded();
    for (String path : new String[] {"/v2/repositories/acme/web/", "/v2/namespaces/acme/repositories/web",
        "/v2/user/", "/v2/repositories/acme/"}) {
      Resp token = send("GET", path, null, null, Map.of("Authorization", "Token " + legacyLogin("/")));
      Resp documentedAnonymous = send("GET", path, null, null, Map.of("Authorization", "Basic eDp5"));
      assertThat(token.status()).as("%s with 'Token x': %s", path, token).isEqualTo(401);
      assertThat(documentedAnonymous.status()).as("%s with Basic: %s", path, documentedAnonymous).isEqualTo(401);
      assertThat(token.json()).isEqualTo(documentedAnonymous.json());
    }
  }

  /** {@code POST /v2/users/login/} as a script sends it: username and password, the token from {"token"}. */
  private String legacyLogin(String slash) {
    Resp r = post("/v2/users/login" + slash, null, Map.of("username", "mona", "password", "s3cret-pw"));
    assertThat(r.status()).as("legacy login: %s", r).isEqualTo(200);
    return r.json().get("token").asText();
  }

  private JsonNode get(String path, Map<String, String> auth) {
    Resp r = send("GET", path, null, null, auth);
    assertThat(r.status()).as("GET %s: %s", path, r).isEqualTo(200);
    return r.json();
  }

  /** Both paths answer 200 with equal bodies, once the paths inside next/previous links are set aside. */
  private void sameAnswer(String legacy, String documented, Map<String, String> auth) {
    Resp l = send("GET", legacy, null, null, auth);
    Resp d = send("GET", documented, null, null, auth);
    assertThat(l.status()).as("GET %s: %s", legacy, l).isEqualTo(200);
    assertThat(d.status()).as("GET %s: %s", documented, d).isEqualTo(200);
    assertThat(l.header("Content-Type")).isEqualTo(d.header("Content-Type"));
    assertThat(withoutLinks(l.json())).as("%s vs %s", legacy, documented).isEqualTo(withoutLinks(d.json()));
    if (d.json().has("next")) {
      assertThat(linkQuery(l.json().get("next"))).isEqualTo(linkQuery(d.json().get("next")));
      assertThat(linkQuery(l.json().get("previous"))).isEqualTo(linkQuery(d.json().get("previous")));
    }
  }

  private static JsonNode withoutLinks(JsonNode page) {
    JsonNode copy = page.deepCopy();
    if (copy instanceof ObjectNode o) {
      o.remove("next");
      o.remove("previous");
    }
    return copy;
  }

  private static JsonNode withoutName(JsonNode repo) {
    ObjectNode copy = repo.deepCopy();
    copy.remove("name");
    return copy;
  }

  /** A link's query (which page, which size), or "null": its path names whichever form was called. */
  private static String linkQuery(JsonNode link) {
    if (link == null || link.isNull()) {
      return "null";
    }
    String s = link.asText();
    int q = s.indexOf('?');
    return q < 0 ? "" : s.substring(q);
  }
}
