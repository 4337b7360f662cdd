package io.github.hubsdk.client;

import static io.github.hubsdk.client.HubStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Repository and tag arguments Docker Hub would reject are refused before anything is sent. */
class RepositoryInputCheckTest extends RefusedBeforeSending {


  static Stream<Arguments> invalidCalls() {
    return Stream.of(
        new Case("one-character name", () -> hub.repositories("acme").create("a")),
        new Case("256-character name", () -> hub.repositories("acme").create("a".repeat(256))),
        new Case("upper-case name", () -> hub.repository("acme", "Web")),
        new Case("name with a slash", () -> hub.repository("acme", "web/x")),
        new Case("double separator", () -> hub.repository("acme", "web--x")),
        new Case("leading separator", () -> hub.repository("acme", "-web")),
        new Case("blank namespace", () -> hub.repositories(" ")),
        new Case("dot-dot namespace", () -> hub.repository("..", "web")),
        new Case("101-character description", () -> NewRepository.builder("web").description("d".repeat(101)).build()),
        new Case("25,001-character README", () -> hub.repository("acme", "web").updateFullDescription("x".repeat(25_001))),
        new Case("an update of nothing", () -> hub.repository("acme", "web").update(null, null)),
        new Case("null description", () -> hub.repository("acme", "web").updateDescription(null)),
        new Case("delete without the right confirmation", () -> hub.repository("acme", "web").delete("acme/api")),
        new Case("delete with null confirmation", () -> hub.repository("acme", "web").delete(null)),
        new Case("tag starting with a dot", () -> hub.repository("acme", "web").tags().get(".x")),
        new Case("129-character tag", () -> hub.repository("acme", "web").tags().exists("t".repeat(129))),
        new Case("tag with a slash", () -> hub.repository("acme", "web").tags().delete("v1/x")),
        new Case("blank tag", () -> hub.repository("acme", "web").tags().delete(" ")),
        new Case("a rule that is no regex", () -> hub.repository("acme", "web").immutableTags().update(true, List.of("["))),
        new Case("a null rule list", () -> hub.repository("acme", "web").immutableTags().update(true, null)),
        new Case("a blank regex to verify", () -> hub.repository("acme", "web").immutableTags().verify(""))
    ).map(Arguments::of);
  }

  @Test
  void boundaryValuesAreAccepted() {
    stub.on("POST /v2/auth/token", r -> json(200, TestSupport.authTokenBody("opaque")));
    stub.on("POST /v2/namespaces/acme/repositories", r -> json(201, "{\"name\":\"ok\"}"));
    stub.on("HEAD /v2/namespaces/acme/repositories/a.b_c-d/tags/" + "T".repeat(128), r -> HubStub.noContent());
    hub.repositories("acme").create(NewRepository.builder("ab").description("d".repeat(100))
        .fullDescription("x".repeat(25_000)).build());
    hub.repositories("acme").create("a".repeat(255));
    hub.repository("acme", "a.b_c-d").tags().exists("T".repeat(128));
    assertThat(stub.requests("POST /v2/namespaces/acme/repositories")).hasSize(2);
    assertThat(stub.requests()).hasSize(4);
  }

  @Test
  void theNamespaceIsOneSegment() {
    stub.on("POST /v2/auth/token", r -> json(200, TestSupport.authTokenBody("opaque")));
    stub.on("GET /v2/namespaces/a%2Fb/repositories/web", r -> json(200, "{\"name\":\"web\"}"));
    assertThat(hub.repository("a/b", "web").get().getName()).isEqualTo("web");
    assertThat(hub.repository("acme", "web").toString()).isEqualTo("RepositoryOperations{acme/web}");
  }
}
