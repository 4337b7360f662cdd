package io.github.hubsdk.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One OpenAPI document seen two ways: swagger-parser's model (as written, $refs unresolved) for structure,
 * and the raw YAML tree for literal values. The raw tree is needed because swagger-parser silently drops example values it cannot
 * cast to the schema's type (an invalid date-time example becomes null), which would hide exactly the
 * examples the checks are meant to catch.
 */
record SpecDocument(Path path, OpenAPI model, List<String> parserMessages, JsonNode raw) {

    // Duplicate keys are a real authoring mistake (a second `get:` silently replaces the first).
    static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static SpecDocument load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(path.toAbsolutePath().normalize() + " does not exist");
        }
        JsonNode raw;
        try {
            raw = YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(path + " is not valid YAML: " + e.getMessage(), e);
        }
        if (raw == null || !raw.isObject()) {
            throw new IllegalArgumentException(path + " is not a YAML mapping");
        }
        // Resolved parse: what a consumer of the document (the generator) sees, so its messages are the verdict.
        SwaggerParseResult resolved = parse(path, true);
        List<String> messages = resolved.getMessages() == null ? List.of() : List.copyOf(resolved.getMessages());
        // Unresolved parse for the model: resolving inlines parameter $refs and moves path-level parameters into
        // each operation, after which the model no longer mirrors the raw tree the checks walk beside it.
        SwaggerParseResult result = parse(path, false);
        if (resolved.getOpenAPI() == null || result.getOpenAPI() == null) {
            throw new IllegalArgumentException(path + " could not be read as OpenAPI: " + messages);
        }
        return new SpecDocument(path, result.getOpenAPI(), messages, raw);
    }

    private static SwaggerParseResult parse(Path path, boolean resolve) {
        ParseOptions options = new ParseOptions();
        options.setResolve(resolve);
        return new OpenAPIV3Parser().readLocation(path.toAbsolutePath().toString(), null, options);
    }
}
