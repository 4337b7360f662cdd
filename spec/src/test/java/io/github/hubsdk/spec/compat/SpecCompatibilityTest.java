package io.github.hubsdk.spec.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker itself, on a small fixture and edits of it that users would or would not notice. */
class SpecCompatibilityTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    private Path base;

    @BeforeEach
    void writeBase() throws IOException {
        base = dir.resolve("base.yaml");
        try (InputStream in = getClass().getResourceAsStream("/compat/base.yaml")) {
            Files.write(base, in.readAllBytes());
        }
    }

    private Path edited(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode doc = (ObjectNode) YAML.readTree(base.toFile());
        edit.accept(doc);
        Path file = Files.createTempFile(dir, "edited", ".yaml");
        YAML.writeValue(file.toFile(), doc);
        return file;
    }

    private static ObjectNode schema(ObjectNode doc, String name) {
        return (ObjectNode) doc.at("/components/schemas/" + name);
    }

    private static ObjectNode properties(ObjectNode doc, String name) {
        return (ObjectNode) schema(doc, name).get("properties");
    }

    private static ObjectNode operation(ObjectNode doc, String path, String method) {
        return (ObjectNode) doc.get("paths").get(path).get(method);
    }

    private SpecCompatibility.Result compareWith(Consumer<ObjectNode> edit) throws IOException {
        return SpecCompatibility.compare(base, edited(edit));
    }

    @Test
    void identicalDocumentsHaveNoChanges() {
        SpecCompatibility.Result result = SpecCompatibility.compare(base, base);
        assertThat(result.changed()).isFalse();
        assertThat(result.breaking()).isFalse();
    }

    @Test
    void removedOperationIsBreaking() throws IOException {
        var result = compareWith(doc -> ((ObjectNode) doc.get("paths").get("/v2/access-tokens/{uuid}")).remove("delete"));
        assertThat(result.breakingChanges()).anySatisfy(b -> assertThat(b)
                .contains("DELETE /v2/access-tokens/{uuid}").contains("operation removed"));
    }

    @Test
    void removedResponseFieldIsBreaking() throws IOException {
        // Optional field: openapi-diff alone would let this pass; the generated getter disappears.
        var result = compareWith(doc -> properties(doc, "AccessToken").remove("last_used"));
        assertThat(result.breakingChanges())
                .anySatisfy(b -> assertThat(b).contains("POST /v2/access-tokens response 201")
                        .contains("response field 'last_used' removed"))
                .anySatisfy(b -> assertThat(b).contains("GET /v2/access-tokens response 200 .results[]")
                        .contains("'last_used' removed"));
    }

    @Test
    void removedRequestFieldIsBreaking() throws IOException {
        var result = compareWith(doc -> properties(doc, "CreateAccessTokenRequest").remove("description"));
        assertThat(result.breakingChanges()).anySatisfy(b -> assertThat(b).contains("request field 'description' removed"));
    }

    @Test
    void narrowedTypeIsBreaking() throws IOException {
        var result = compareWith(doc -> {
            ObjectNode expires = (ObjectNode) properties(doc, "CreateAccessTokenRequest").get("expires_at");
            expires.put("type", "integer");
            expires.remove("format");
        });
        assertThat(result.breakingChanges()).anySatisfy(b -> assertThat(b)
                .contains(".expires_at").contains("type changed from string (date-time) to integer"));
    }

    @Test
    void narrowedParameterTypeIsBreaking() throws IOException {
        var result = compareWith(doc -> ((ObjectNode) operation(doc, "/v2/access-tokens", "get")
                .get("parameters").get(0).get("schema")).put("type", "boolean"));
        assertThat(result.breakingChanges()).anySatisfy(b -> assertThat(b)
                .contains("query parameter 'page'").contains("type changed"));
    }

    @Test
    void newRequiredRequestFieldIsBreaking() throws IOException {
        var result = compareWith(doc -> {
            properties(doc, "CreateAccessTokenRequest").putObject("team").put("type", "string");
            ((ArrayNode) schema(doc, "CreateAccessTokenRequest").get("required")).add("team");
        });
        assertThat(result.breakingChanges()).anySatisfy(b -> assertThat(b)
                .contains("POST /v2/access-tokens request body").contains("now required: team"));
    }

    @Test
    void newRequiredParameterIsBreaking() throws IOException {
        var result = compareWith(doc -> ((ArrayNode) operation(doc, "/v2/access-tokens", "get").get("parameters"))
                .addObject().put("name", "org").put("in", "query").put("required", true)
                .putObject("schema").put("type", "string"));
        assertThat(result.breakingChanges()).anySatisfy(b -> assertThat(b).contains("new required query parameter 'org'"));
    }

    @Test
    void narrowedRequestEnumAndLengthAreBreaking() throws IOException {
        var result = compareWith(doc -> {
            ObjectNode props = properties(doc, "CreateAccessTokenRequest");
            ((ArrayNode) props.get("scopes").get("items").get("enum")).remove(3);
            ((ObjectNode) props.get("token_label")).put("maxLength", 50);
        });
        assertThat(result.breakingChanges())
                .anySatisfy(b -> assertThat(b).contains("enum values removed [repo:public_read]"))
                .anySatisfy(b -> assertThat(b).contains(".token_label").contains("max length narrowed"));
    }

    @Test
    void removedResponseIsBreaking() throws IOException {
        var result = compareWith(doc -> {
            ObjectNode responses = (ObjectNode) operation(doc, "/v2/access-tokens/{uuid}", "delete").get("responses");
            responses.remove("204");
            responses.putObject("200").put("description", "Deleted");
        });
        assertThat(result.breakingChanges()).anySatisfy(b -> assertThat(b).contains("response 204: response removed"));
    }

    @Test
    void additionsAreNotBreaking() throws IOException {
        var result = compareWith(doc -> {
            // a new operation
            ObjectNode patch = ((ObjectNode) doc.get("paths").get("/v2/access-tokens/{uuid}")).putObject("patch");
            patch.put("operationId", "updateAccessToken");
            patch.set("parameters", operation(doc, "/v2/access-tokens/{uuid}", "delete").get("parameters").deepCopy());
            patch.putObject("responses").putObject("200").put("description", "Updated");
            // new optional request and response fields, a new optional parameter
            properties(doc, "CreateAccessTokenRequest").putObject("note").put("type", "string");
            properties(doc, "AccessToken").putObject("created_by").put("type", "string");
            ((ArrayNode) operation(doc, "/v2/access-tokens", "get").get("parameters")).addObject()
                    .put("name", "page_size").put("in", "query").put("required", false)
                    .putObject("schema").put("type", "integer");
            // new responses and response headers
            ObjectNode responses = (ObjectNode) operation(doc, "/v2/access-tokens", "get").get("responses");
            responses.putObject("429").put("description", "Too many requests")
                    .putObject("headers").putObject("Retry-After").putObject("schema").put("type", "integer");
            ((ObjectNode) responses.get("200")).putObject("headers").putObject("X-RateLimit-Remaining")
                    .putObject("schema").put("type", "integer");
            // a new schema
            schema(doc, "AccessToken").put("description", "An access token");
        });
        assertThat(result.changed()).isTrue();
        assertThat(result.breakingChanges()).isEmpty();
    }

    @Test
    void reportNamesEachBreakingChange() throws IOException {
        var result = compareWith(doc -> properties(doc, "AccessToken").remove("is_active"));
        Path report = SpecCompatibility.writeReport(result, "Spec compatibility", List.of("Verdict: FAIL"), dir.resolve("report"));
        String md = Files.readString(report);
        assertThat(md).contains("# Spec compatibility", "Verdict: FAIL", "## Breaking changes (",
                "response field 'is_active' removed", "## All changes (openapi-diff)");
        assertThat(dir.resolve("report/spec-diff.html")).exists();
    }

    @Test
    void majorVersionPolicy() {
        assertThat(SpecVersionPolicy.major("0.1.0-SNAPSHOT")).isZero();
        assertThat(SpecVersionPolicy.major("12.0")).isEqualTo(12);
        assertThat(SpecVersionPolicy.majorBumped("0.1.0", "1.0.0-SNAPSHOT")).isTrue();
        assertThat(SpecVersionPolicy.majorBumped("0.1.0", "0.9.0")).isFalse();
        assertThat(SpecVersionPolicy.majorBumped("1.2.0", "1.2.0-SNAPSHOT")).isFalse();
        assertThatThrownBy(() -> SpecVersionPolicy.major("${revision}")).isInstanceOf(IllegalArgumentException.class);
    }

}
