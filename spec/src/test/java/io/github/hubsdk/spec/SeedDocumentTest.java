package io.github.hubsdk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedDocumentTest {

    @Test
    void readsFencedRequestLinesOnly() {
        assertThat(SeedDocument.read(SpecChecksTest.fixture("seed.md")))
                .extracting(op -> op.method() + " " + op.path())
                .containsExactly(
                        "POST /v2/login",
                        "GET /v2/pets",
                        "POST /v2/pets",
                        "GET /v2/pets/{petId}",
                        "DELETE /v2/pets/{petId}");
    }

    @Test
    void keepsTheOriginalLineForMessages() {
        assertThat(SeedDocument.read(SpecChecksTest.fixture("seed.md")).get(1).line())
                .isEqualTo("GET {{baseUrl}}/v2/pets?page=1&page_size=10&status=tempor in sit in");
    }

    @Test
    void comparesPathsByShape() {
        assertThat(SeedDocument.toTemplate("/v2/namespaces/:namespace/repositories/:repository/images"))
                .isEqualTo("/v2/namespaces/{namespace}/repositories/{repository}/images");
        assertThat(SeedDocument.shape("/v2/orgs/{name}/settings"))
                .isEqualTo(SeedDocument.shape("/v2/orgs/{org_name}/settings"))
                .isEqualTo("/v2/orgs/{}/settings");
        assertThat(SeedDocument.shape("/v2/orgs/{name}/settings")).isNotEqualTo(SeedDocument.shape("/v2/orgs/{name}"));
    }

    @Test
    void missingSeedFailsWithItsPath(@TempDir Path tmp) {
        Path absent = tmp.resolve("docker-hub-api.md");
        assertThatThrownBy(() -> SeedDocument.read(absent))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Seed document missing")
                .hasMessageContaining(absent.toString());
    }
}
