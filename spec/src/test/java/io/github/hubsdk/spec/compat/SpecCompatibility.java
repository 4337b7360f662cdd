package io.github.hubsdk.spec.compat;

import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;
import org.openapitools.openapidiff.core.output.HtmlRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/**
 * Compares two OpenAPI documents with openapi-diff and lists the changes that would break users of the SDK
 * generated from them.
 *
 * <p>Breaking: everything openapi-diff calls incompatible (a removed operation, parameter, response or media
 * type, a changed type, a new required request field or parameter, narrowed request constraints or enums,
 * widened response enums, ...) plus one rule of our own: a property removed from any schema, request or
 * response. openapi-diff accepts removing an optional response property (old clients ignore it on the wire),
 * but the generated model class then loses its getter, so code that reads it no longer compiles.
 * Additions (operations, optional fields, responses, headers) are not breaking.
 */
public final class SpecCompatibility {

    /** Outcome of one comparison. */
    public record Result(ChangedOpenApi diff, List<String> breakingChanges) {
        public boolean breaking() {
            return !breakingChanges.isEmpty();
        }

        public boolean changed() {
            return diff.isChanged().isDifferent();
        }
    }

    private SpecCompatibility() {
    }

    public static Result compare(Path baseline, Path current) {
        ChangedOpenApi diff = OpenApiCompare.fromLocations(baseline.toUri().toString(), current.toUri().toString());
        List<String> breaking = new ArrayList<>();
        for (Endpoint missing : diff.getMissingEndpoints()) {
            breaking.add(missing.getMethod() + " " + missing.getPathUrl() + ": operation removed");
        }
        for (ChangedOperation op : diff.getChangedOperations()) {
            operation(op, breaking);
        }
        // Anything openapi-diff judged incompatible that the walk above could not name.
        if (diff.isChanged().isIncompatible() && breaking.isEmpty()) {
            breaking.add("openapi-diff reports an incompatible change; see the full report below");
        }
        return new Result(diff, List.copyOf(breaking));
    }

    private static void operation(ChangedOperation op, List<String> out) {
        String where = op.getHttpMethod() + " " + op.getPathUrl();
        if (op.getOperationId() != null && op.getOperationId().isIncompatible()) {
            out.add(where + ": operationId changed (the generated method is renamed)");
        }
        parameters(op.getParameters(), where, out);
        requestBody(op.getRequestBody(), where + " request body", out);
        responses(op.getApiResponses(), where + " response", out);
        if (op.getSecurityRequirements() != null && op.getSecurityRequirements().isChanged().isIncompatible()) {
            out.add(where + ": security requirements tightened");
        }
    }

    private static void parameters(ChangedParameters params, String where, List<String> out) {
        if (params == null) {
            return;
        }
        for (Parameter p : params.getMissing()) {
            out.add(where + ": " + p.getIn() + " parameter '" + p.getName() + "' removed");
        }
        for (Parameter p : params.getIncreased()) {
            if (Boolean.TRUE.equals(p.getRequired())) {
                out.add(where + ": new required " + p.getIn() + " parameter '" + p.getName() + "'");
            }
        }
        for (ChangedParameter p : params.getChanged()) {
            String at = where + " " + p.getIn() + " parameter '" + p.getName() + "'";
            if (p.isChangeRequired() && Boolean.TRUE.equals(p.getNewParameter().getRequired())) {
                out.add(at + ": became required");
            }
            if (p.isChangeStyle() || p.isChangeExplode()) {
                out.add(at + ": serialization style changed");
            }
            for (Changed c : p.getChangedElements()) {
                if (c instanceof ChangedSchema s) {
                    schema(s, at, out);
                } else if (c instanceof ChangedContent content) {
                    content(content, at, out);
                }
            }
        }
    }

    private static void requestBody(ChangedRequestBody body, String where, List<String> out) {
        if (body == null) {
            return;
        }
        if (body.isChangeRequired() && body.getNewRequestBody() != null
                && Boolean.TRUE.equals(body.getNewRequestBody().getRequired())) {
            out.add(where + ": became required");
        }
        content(body.getContent(), where, out);
    }

    private static void responses(ChangedApiResponse responses, String where, List<String> out) {
        if (responses == null) {
            return;
        }
        for (String code : responses.getMissing().keySet()) {
            out.add(where + " " + code + ": response removed");
        }
        for (Map.Entry<String, ChangedResponse> e : responses.getChanged().entrySet()) {
            String at = where + " " + e.getKey();
            ChangedResponse r = e.getValue();
            headers(r.getHeaders(), at, out);
            content(r.getContent(), at, out);
        }
    }

    private static void headers(ChangedHeaders headers, String where, List<String> out) {
        if (headers == null) {
            return;
        }
        for (String name : headers.getMissing().keySet()) {
            out.add(where + ": header '" + name + "' removed");
        }
        headers.getChanged().forEach((name, h) -> {
            if (h.isCoreChanged().isIncompatible() || h.isChanged().isIncompatible()) {
                out.add(where + ": header '" + name + "' changed incompatibly");
            }
        });
    }

    private static void content(ChangedContent content, String where, List<String> out) {
        if (content == null) {
            return;
        }
        for (String mediaType : content.getMissing().keySet()) {
            out.add(where + ": media type " + mediaType + " removed");
        }
        for (Map.Entry<String, ChangedMediaType> e : content.getChanged().entrySet()) {
            schema(e.getValue().getSchema(), where, out);
        }
    }

    private static void schema(ChangedSchema s, String where, List<String> out) {
        if (s == null) {
            return;
        }
        boolean response = s.getContext() != null && s.getContext().isResponse();
        String side = response ? "response" : "request";
        if (s.isChangedType()) {
            out.add(where + ": type changed from " + typeOf(s.getOldSchema()) + " to " + typeOf(s.getNewSchema()));
        }
        for (String name : s.getMissingProperties().keySet()) {
            out.add(where + ": " + side + " field '" + name + "' removed");
        }
        ChangedRequired required = s.getRequired();
        if (required != null && !response && !required.getIncreased().isEmpty()) {
            List<String> newlyRequired = required.getIncreased();
            out.add(where + ": request field(s) now required: " + String.join(", ", newlyRequired));
        }
        if (required != null && response && !required.getMissing().isEmpty()) {
            out.add(where + ": response field(s) no longer always present: " + String.join(", ", required.getMissing()));
        }
        ChangedEnum<?> enumeration = s.getEnumeration();
        if (enumeration != null && enumeration.isIncompatible()) {
            out.add(where + ": enum values " + (response ? "added " + enumeration.getIncreased() : "removed " + enumeration.getMissing()));
        }
        for (Changed c : List.of(
                nullSafe(s.getMaxLength()), nullSafe(s.getMinLength()), nullSafe(s.getNumericRange()),
                nullSafe(s.getPattern()), nullSafe(s.getReadOnly()), nullSafe(s.getWriteOnly()),
                nullSafe(s.getMaxProperties()), nullSafe(s.getMinProperties()))) {
            if (c != NONE && c.isIncompatible()) {
                out.add(where + ": " + describe(c) + " narrowed");
            }
        }
        if (s.isDiscriminatorPropertyChanged()) {
            out.add(where + ": discriminator changed");
        }
        if (s.getOneOfSchema() != null && s.getOneOfSchema().isIncompatible()) {
            out.add(where + ": oneOf alternatives changed incompatibly");
        }
        s.getChangedProperties().forEach((name, child) -> schema(child, where + " ." + name, out));
        schema(s.getItems(), where + "[]", out);
        schema(s.getAddProp(), where + " additionalProperties", out);
    }

    private static final Changed NONE = new Changed() {
        @Override
        public org.openapitools.openapidiff.core.model.DiffResult isChanged() {
            return org.openapitools.openapidiff.core.model.DiffResult.NO_CHANGES;
        }
    };

    private static Changed nullSafe(Changed c) {
        return c == null ? NONE : c;
    }

    private static String describe(Changed c) {
        return c.getClass().getSimpleName().replaceFirst("^Changed", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String typeOf(io.swagger.v3.oas.models.media.Schema<?> schema) {
        if (schema == null) {
            return "(none)";
        }
        String type = Objects.toString(schema.getType(), schema.get$ref() != null ? schema.get$ref() : "object");
        return schema.getFormat() == null ? type : type + " (" + schema.getFormat() + ")";
    }

    /** openapi-diff's own rendering of the whole diff. */
    public static String render(Render render, ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            render.render(diff, writer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code spec-diff.md} and {@code spec-diff.html} into {@code dir}.
     *
     * @return the markdown report's path
     */
    public static Path writeReport(Result result, String title, List<String> verdict, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        verdict.forEach(line -> md.append(line).append("\n\n"));
        if (result.breaking()) {
            md.append("## Breaking changes (").append(result.breakingChanges().size()).append(")\n\n");
            result.breakingChanges().forEach(b -> md.append("- ").append(b).append('\n'));
            md.append('\n');
        } else {
            md.append("## Breaking changes\n\nNone.\n\n");
        }
        md.append("## All changes (openapi-diff)\n\n");
        md.append(result.changed() ? render(new MarkdownRender(), result.diff()) : "No changes.\n");
        Path markdown = dir.resolve("spec-diff.md");
        Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("spec-diff.html"), render(new HtmlRender(title, ""), result.diff()),
                StandardCharsets.UTF_8);
        return markdown;
    }
}
