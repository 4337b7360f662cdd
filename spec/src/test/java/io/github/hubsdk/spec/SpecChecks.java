package io.github.hubsdk.spec;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks on an OpenAPI document. Each returns every problem it finds, one readable line each, so a
 * failing build lists all offenders at once instead of one per run.
 */
final class SpecChecks {

    static final String BEARER_SCHEME = "bearerAuth";
    static final String REQUIRED_VERSION = "3.0.3";

    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern SUCCESS = Pattern.compile("2(\\d\\d|XX)");
    private static final Pattern CLIENT_ERROR = Pattern.compile("4(\\d\\d|XX)");
    private static final String COMPONENTS_PREFIX = "#/components/";
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private SpecChecks() {
    }

    record Op(String method, String path, PathItem item, Operation operation, String pointer) {
        String label() {
            return method + " " + path;
        }
    }

    static List<Op> operations(SpecDocument doc) {
        List<Op> ops = new ArrayList<>();
        if (doc.model().getPaths() == null) {
            return ops;
        }
        doc.model().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String m = method.name().toLowerCase(Locale.ROOT);
            ops.add(new Op(method.name(), path, item, op, "/paths/" + escape(path) + "/" + m));
        }));
        return ops;
    }

    static List<String> parserMessages(SpecDocument doc) {
        return doc.parserMessages();
    }

    static List<String> openApiVersion(SpecDocument doc) {
        String version = doc.raw().path("openapi").asText(null);
        return REQUIRED_VERSION.equals(version)
                ? List.of()
                : List.of("openapi is '" + version + "', expected '" + REQUIRED_VERSION + "'");
    }

    static List<String> operationMetadata(SpecDocument doc) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> byId = new TreeMap<>();
        for (Op op : operations(doc)) {
            Operation o = op.operation();
            String id = o.getOperationId();
            if (isBlank(id)) {
                problems.add(op.label() + ": no operationId");
            } else {
                if (!CAMEL_CASE.matcher(id).matches()) {
                    problems.add(op.label() + ": operationId '" + id + "' is not camelCase");
                }
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(op.label());
            }
            if (o.getTags() == null || o.getTags().isEmpty()) {
                problems.add(op.label() + ": no tag");
            }
            if (isBlank(o.getSummary())) {
                problems.add(op.label() + ": no summary");
            }
            if (isBlank(o.getDescription())) {
                problems.add(op.label() + ": no description");
            }
            Set<String> codes = o.getResponses() == null ? Set.of() : new TreeSet<>(o.getResponses().keySet());
            if (codes.stream().noneMatch(c -> SUCCESS.matcher(c).matches())) {
                problems.add(op.label() + ": no 2xx response (has " + codes + ")");
            }
            if (codes.stream().noneMatch(c -> CLIENT_ERROR.matcher(c).matches())) {
                problems.add(op.label() + ": no 4xx response (has " + codes + ")");
            }
        }
        byId.forEach((id, where) -> {
            if (where.size() > 1) {
                problems.add("operationId '" + id + "' is used by " + where.size() + " operations: " + where);
            }
        });
        return problems;
    }

    /**
     * Read from the raw tree: swagger-parser does not tell an absent {@code security} from an empty one.
     * {@link #BEARER_SCHEME} must exist and carry a JWT; every declared scheme is an HTTP bearer scheme (Docker
     * Hub's JWT, SCIM's token); every operation declares its security, names only declared schemes, and uses
     * {@code {}} only as the anonymous alternative beside a scheme (never alone: that is {@code security: []}).
     */
    static List<String> security(SpecDocument doc) {
        List<String> problems = new ArrayList<>();
        Components components = doc.model().getComponents();
        Map<String, SecurityScheme> schemes = components == null || components.getSecuritySchemes() == null
                ? Map.of()
                : components.getSecuritySchemes();
        SecurityScheme bearer = schemes.get(BEARER_SCHEME);
        if (bearer == null) {
            problems.add("components.securitySchemes." + BEARER_SCHEME + " is missing");
        } else if (!"JWT".equals(bearer.getBearerFormat())) {
            problems.add(BEARER_SCHEME + ": bearerFormat is '" + bearer.getBearerFormat() + "', expected 'JWT'");
        }
        schemes.forEach((name, scheme) -> {
            if (scheme.get$ref() != null) {
                problems.add(name + ": a $ref security scheme; declare it inline");
                return;
            }
            if (scheme.getType() != SecurityScheme.Type.HTTP) {
                problems.add(name + ": type is '" + scheme.getType() + "', expected 'http'");
            }
            if (!"bearer".equalsIgnoreCase(scheme.getScheme())) {
                problems.add(name + ": scheme is '" + scheme.getScheme() + "', expected 'bearer'");
            }
        });
        for (Op op : operations(doc)) {
            JsonNode security = doc.raw().at(op.pointer() + "/security");
            if (security.isMissingNode()) {
                problems.add(op.label() + ": does not declare security (use [] or - " + BEARER_SCHEME + ": [])");
                continue;
            }
            if (!security.isArray()) {
                problems.add(op.label() + ": security is not a list");
                continue;
            }
            boolean hasScheme = false;
            for (JsonNode requirement : security) {
                hasScheme |= requirement.isObject() && !requirement.isEmpty();
            }
            for (int i = 0; i < security.size(); i++) {
                JsonNode requirement = security.get(i);
                if (!requirement.isObject() || requirement.isEmpty()) {
                    if (!requirement.isObject() || !hasScheme) {
                        problems.add(op.label() + ": security[" + i + "] is {} (anonymous access) without a scheme beside it;"
                                + " declare security: [] for an operation without authentication");
                    }
                    continue;
                }
                for (Iterator<String> it = requirement.fieldNames(); it.hasNext(); ) {
                    String scheme = it.next();
                    if (!schemes.containsKey(scheme)) {
                        problems.add(op.label() + ": security[" + i + "] uses scheme '" + scheme
                                + "', which components.securitySchemes does not declare");
                    }
                }
            }
        }
        return problems;
    }

    static List<String> parameters(SpecDocument doc) {
        Set<String> problems = new LinkedHashSet<>();
        for (Op op : operations(doc)) {
            List<Parameter> all = new ArrayList<>();
            if (op.item().getParameters() != null) {
                all.addAll(op.item().getParameters());
            }
            if (op.operation().getParameters() != null) {
                all.addAll(op.operation().getParameters());
            }
            for (Parameter declared : all) {
                // A shared parameter is reported once, under its component name.
                Parameter p = declared;
                String label;
                if (declared.get$ref() != null) {
                    label = "components.parameters." + refName(declared.get$ref());
                    p = component(doc, Components::getParameters, declared.get$ref());
                    if (p == null) {
                        problems.add(op.label() + ": parameter $ref " + declared.get$ref() + " not found");
                        continue;
                    }
                } else {
                    label = op.label() + " parameter '" + p.getName() + "' (in " + p.getIn() + ")";
                }
                if (p.getSchema() == null) {
                    problems.add(label + ": has no schema");
                    continue;
                }
                Schema<?> schema = resolveSchema(doc, p.getSchema());
                if (schema == null) {
                    problems.add(label + ": schema $ref " + p.getSchema().get$ref() + " not found");
                    continue;
                }
                String type = schema.getType();
                if (isBlank(type)) {
                    problems.add(label + ": schema has no type");
                    continue;
                }
                String name = p.getName();
                if ("query".equals(p.getIn()) && ("startIndex".equals(name) || "count".equals(name))) {
                    // SCIM paging (RFC 7644): startIndex is 1-based; Docker Hub caps count at 200.
                    if (!"integer".equals(type)) {
                        problems.add(label + ": must be an integer (is " + type + ")");
                        continue;
                    }
                    if (schema.getMinimum() == null || schema.getMinimum().compareTo(BigDecimal.ONE) != 0) {
                        problems.add(label + ": minimum must be 1 (is " + schema.getMinimum() + ")");
                    }
                    if ("count".equals(name)
                            && (schema.getMaximum() == null || schema.getMaximum().compareTo(BigDecimal.valueOf(200)) != 0)) {
                        problems.add(label + ": maximum must be 200 (is " + schema.getMaximum() + ")");
                    }
                }
                if ("page".equals(name) || "page_size".equals(name)) {
                    if (!"integer".equals(type)) {
                        problems.add(label + ": must be an integer (is " + type + ")");
                        continue;
                    }
                    if (schema.getMinimum() == null) {
                        problems.add(label + ": has no minimum");
                    }
                    if ("page_size".equals(name)
                            && (schema.getMaximum() == null || schema.getMaximum().compareTo(BigDecimal.valueOf(100)) != 0)) {
                        problems.add(label + ": maximum must be 100 (is " + schema.getMaximum() + ")");
                    }
                }
            }
        }
        return new ArrayList<>(problems);
    }

    /**
     * Every request body and every response body (any media type: JSON, SCIM's JSON, CSV) needs an example,
     * either on the media type or on its schema (following $refs): the emulator and the docs serve them.
     */
    static List<String> examplePresence(SpecDocument doc) {
        List<String> problems = new ArrayList<>();
        JsonNode raw = doc.raw();
        for (Op op : operations(doc)) {
            JsonNode body = deref(raw, raw.at(op.pointer() + "/requestBody"));
            body.path("content").fields().forEachRemaining(e -> {
                if (!hasExample(raw, e.getValue())) {
                    problems.add(op.label() + " request body " + e.getKey() + ": no example");
                }
            });
            raw.at(op.pointer() + "/responses").fields().forEachRemaining(r ->
                    deref(raw, r.getValue()).path("content").fields().forEachRemaining(e -> {
                        if (!hasExample(raw, e.getValue())) {
                            problems.add(op.label() + " response " + r.getKey() + " " + e.getKey() + ": no example");
                        }
                    }));
        }
        return problems;
    }

    static List<String> exampleValidity(SpecDocument doc) {
        return new ExampleValidation(doc).run();
    }

    /**
     * Reachability from everything outside components (paths, top-level security). A component used only by
     * an unused component is unused too.
     */
    static List<String> unusedComponents(SpecDocument doc) {
        JsonNode raw = doc.raw();
        Set<String> used = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        RefCollector collector = new RefCollector(pending::add, name -> pending.add(COMPONENTS_PREFIX + "securitySchemes/" + escape(name)));
        raw.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("components")) {
                collector.walk(e.getKey(), e.getValue(), false);
            }
        });
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            if (!ref.startsWith(COMPONENTS_PREFIX) || !used.add(ref)) {
                continue;
            }
            JsonNode target = raw.at(ref.substring(1));
            if (!target.isMissingNode()) {
                collector.walk("", target, false);
            }
        }
        List<String> problems = new ArrayList<>();
        raw.path("components").fields().forEachRemaining(section -> {
            if (section.getKey().startsWith("x-")) {
                return;
            }
            section.getValue().fieldNames().forEachRemaining(name -> {
                String ref = COMPONENTS_PREFIX + section.getKey() + "/" + escape(name);
                if (!used.contains(ref)) {
                    problems.add("components/" + section.getKey() + "/" + name + " is not referenced");
                }
            });
        });
        return problems;
    }

    /**
     * Seed paths use {@code :name} and the spec {@code {name}}, and the names may differ, so both sides are
     * compared by shape.
     */
    static List<String> seedCoverage(SpecDocument doc, List<SeedDocument.SeedOperation> seed) {
        Set<String> inSpec = operations(doc).stream()
                .map(op -> op.method() + " " + SeedDocument.shape(op.path()))
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (SeedDocument.SeedOperation s : seed) {
            if (!inSpec.contains(s.method() + " " + SeedDocument.shape(s.path()))) {
                problems.add(s.method() + " " + s.path() + " is not in the spec (seed line: " + s.line() + ")");
            }
        }
        return problems;
    }

    private static final class ExampleValidation {
        // SchemaValidator key prefixes; they decide readOnly/writeOnly handling (a request ignores readOnly).
        private static final String REQUEST = "request.body";
        private static final String RESPONSE = "response.body";
        private static final String OTHER = "schema";

        private final SpecDocument doc;
        private final JsonNode raw;
        private final SchemaValidator validator;
        private final List<String> problems = new ArrayList<>();

        ExampleValidation(SpecDocument doc) {
            this.doc = doc;
            this.raw = doc.raw();
            // Strict on purpose (also the library's default, made explicit here): an example property that its
            // schema does not declare fails even without additionalProperties: false. The emulator serves these
            // examples, so one that drifted from its schema would send fields the generated SDK does not model.
            // An explicit additionalProperties (true or a schema) is honoured as written.
            LevelResolver levels = LevelResolver.create()
                    .withDefaultLevel(ValidationReport.Level.ERROR)
                    .withLevel(SchemaValidator.ADDITIONAL_PROPERTIES_KEY, ValidationReport.Level.ERROR)
                    .build();
            this.validator = new SchemaValidator(doc.model(), new MessageResolver(levels));
        }

        List<String> run() {
            // Components are visited once here; $ref uses elsewhere are skipped so nothing is reported twice.
            for (Op op : operations(doc)) {
                String pathPointer = op.pointer().substring(0, op.pointer().lastIndexOf('/'));
                parameters(op.item().getParameters(), pathPointer + "/parameters");
                parameters(op.operation().getParameters(), op.pointer() + "/parameters");
                RequestBody body = op.operation().getRequestBody();
                if (body != null && body.get$ref() == null) {
                    content(body.getContent(), op.pointer() + "/requestBody/content", REQUEST);
                }
                if (op.operation().getResponses() != null) {
                    op.operation().getResponses().forEach((code, response) ->
                            response(response, op.pointer() + "/responses/" + escape(code)));
                }
            }
            Components components = doc.model().getComponents();
            if (components != null) {
                forEach(components.getSchemas(), "/components/schemas", this::schema);
                forEach(components.getParameters(), "/components/parameters", this::parameter);
                forEach(components.getHeaders(), "/components/headers", this::header);
                forEach(components.getRequestBodies(), "/components/requestBodies",
                        (b, ptr) -> content(b.getContent(), ptr + "/content", REQUEST));
                forEach(components.getResponses(), "/components/responses", this::response);
            }
            return problems;
        }

        private <T> void forEach(Map<String, T> items, String pointer, BiConsumer<T, String> visit) {
            if (items != null) {
                items.forEach((name, item) -> visit.accept(item, pointer + "/" + escape(name)));
            }
        }

        private void parameters(List<Parameter> params, String pointer) {
            if (params != null) {
                for (int i = 0; i < params.size(); i++) {
                    parameter(params.get(i), pointer + "/" + i);
                }
            }
        }

        private void parameter(Parameter p, String pointer) {
            if (p.get$ref() != null) {
                return;
            }
            examples(pointer, p.getSchema(), OTHER);
            schema(p.getSchema(), pointer + "/schema");
            content(p.getContent(), pointer + "/content", OTHER);
        }

        private void header(Header h, String pointer) {
            if (h.get$ref() != null) {
                return;
            }
            examples(pointer, h.getSchema(), OTHER);
            schema(h.getSchema(), pointer + "/schema");
            content(h.getContent(), pointer + "/content", OTHER);
        }

        private void response(ApiResponse response, String pointer) {
            if (response.get$ref() != null) {
                return;
            }
            forEach(response.getHeaders(), pointer + "/headers", this::header);
            content(response.getContent(), pointer + "/content", RESPONSE);
        }

        private void content(Content content, String pointer, String keyPrefix) {
            if (content == null) {
                return;
            }
            content.forEach((mediaType, mt) -> {
                String mtPointer = pointer + "/" + escape(mediaType);
                examples(mtPointer, mt.getSchema(), keyPrefix);
                schema(mt.getSchema(), mtPointer + "/schema");
            });
        }

        private void schema(Schema<?> schema, String pointer) {
            if (schema == null || schema.get$ref() != null) {
                return;
            }
            JsonNode node = raw.at(pointer);
            if (node.has("example")) {
                validate(pointer + "/example", node.get("example"), schema, OTHER);
            }
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, p) -> schema(p, pointer + "/properties/" + escape(name)));
            }
            schema(schema.getItems(), pointer + "/items");
            schema(schema.getNot(), pointer + "/not");
            composed(schema.getAllOf(), pointer + "/allOf");
            composed(schema.getAnyOf(), pointer + "/anyOf");
            composed(schema.getOneOf(), pointer + "/oneOf");
            if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
                schema(additional, pointer + "/additionalProperties");
            }
        }

        private void composed(List<Schema> schemas, String pointer) {
            if (schemas != null) {
                for (int i = 0; i < schemas.size(); i++) {
                    schema(schemas.get(i), pointer + "/" + i);
                }
            }
        }

        /** The {@code example} and {@code examples} of a parameter, header or media type. */
        private void examples(String pointer, Schema<?> schema, String keyPrefix) {
            JsonNode owner = raw.at(pointer);
            boolean hasExamples = owner.has("example") || owner.path("examples").size() > 0;
            if (!hasExamples) {
                return;
            }
            if (schema == null) {
                problems.add(describe(pointer) + ": has an example but no schema to check it against");
                return;
            }
            if (owner.has("example")) {
                validate(pointer + "/example", owner.get("example"), schema, keyPrefix);
            }
            owner.path("examples").fields().forEachRemaining(e -> {
                String examplePointer = pointer + "/examples/" + escape(e.getKey());
                JsonNode example = deref(raw, e.getValue());
                if (example.has("value")) {
                    validate(examplePointer, example.get("value"), schema, keyPrefix);
                } else if (example.has("externalValue")) {
                    problems.add(describe(examplePointer) + ": externalValue cannot be checked; inline the value");
                } else {
                    problems.add(describe(examplePointer) + ": has no value");
                }
            });
        }

        private void validate(String pointer, JsonNode value, Schema<?> schema, String keyPrefix) {
            // The String overload treats a value for a string schema as unquoted text, so pass the node itself.
            ValidationReport report = validator.validate(() -> value, schema, keyPrefix);
            List<String> messages = new ArrayList<>();
            for (ValidationReport.Message m : report.getMessages()) {
                if (m.getLevel() == ValidationReport.Level.ERROR || m.getLevel() == ValidationReport.Level.WARN) {
                    messages.add(flatten(m));
                }
            }
            if (!messages.isEmpty()) {
                problems.add(describe(pointer) + " " + abbreviate(value.toString()) + " does not match its schema: "
                        + String.join("; ", messages));
            }
        }

        private static String flatten(ValidationReport.Message m) {
            String text = m.getMessage();
            if (!m.getNestedMessages().isEmpty()) {
                text += " [" + m.getNestedMessages().stream().map(ExampleValidation::flatten)
                        .collect(Collectors.joining("; ")) + "]";
            }
            return text;
        }

        private static String abbreviate(String json) {
            return json.length() <= 120 ? json : json.substring(0, 117) + "...";
        }
    }

    private static final Set<String> NAME_KEYED_MAPS =
            Set.of("properties", "responses", "headers", "encoding", "links", "callbacks");

    /**
     * Collects $refs and security-scheme names from a raw subtree, without reading literal values
     * (examples, enums, defaults, extensions) as if they were structure. In maps keyed by names (property
     * names, response codes, ...) a key is never a keyword: a property called "example" and the "default"
     * response are still walked.
     */
    private record RefCollector(Consumer<String> refs, Consumer<String> securityNames) {

        void walk(String key, JsonNode node, boolean nameKeyed) {
            if (node.isArray()) {
                if (key.equals("security")) {
                    node.forEach(requirement -> requirement.fieldNames().forEachRemaining(securityNames));
                    return;
                }
                node.forEach(child -> walk("", child, false));
                return;
            }
            if (!node.isObject()) {
                return;
            }
            node.fields().forEachRemaining(e -> {
                String k = e.getKey();
                JsonNode v = e.getValue();
                if (nameKeyed) {
                    walk("", v, false);
                } else if (k.equals("$ref") && v.isTextual()) {
                    refs.accept(v.asText());
                } else if (NAME_KEYED_MAPS.contains(k)) {
                    walk(k, v, true);
                } else if (k.equals("examples") && v.isObject()) {
                    // Example objects hold literal values; only a $ref to components/examples is structure.
                    v.forEach(example -> {
                        if (example.path("$ref").isTextual()) {
                            refs.accept(example.get("$ref").asText());
                        }
                    });
                } else if (k.equals("discriminator")) {
                    v.path("mapping").forEach(target -> {
                        String t = target.asText();
                        refs.accept(t.startsWith("#") ? t : COMPONENTS_PREFIX + "schemas/" + escape(t));
                    });
                } else if (!(k.equals("example") || k.equals("enum") || k.equals("default") || k.startsWith("x-"))) {
                    walk(k, v, false);
                }
            });
        }
    }

    private static boolean hasExample(JsonNode raw, JsonNode mediaType) {
        return mediaType.has("example")
                || mediaType.path("examples").size() > 0
                || schemaHasExample(raw, mediaType.path("schema"), new HashSet<>());
    }

    private static boolean schemaHasExample(JsonNode raw, JsonNode schema, Set<String> seen) {
        // Siblings of $ref are ignored in OpenAPI 3.0 (and by the validity check), so an example there does not count.
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText("");
            return ref.startsWith("#/") && seen.add(ref) && schemaHasExample(raw, raw.at(ref.substring(1)), seen);
        }
        return schema.has("example");
    }

    private static JsonNode deref(JsonNode raw, JsonNode node) {
        Set<String> seen = new HashSet<>();
        while (node.path("$ref").isTextual()) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/") || !seen.add(ref)) {
                break;
            }
            node = raw.at(ref.substring(1));
        }
        return node;
    }

    private static <T> T component(SpecDocument doc, Function<Components, Map<String, T>> section, String ref) {
        Components components = doc.model().getComponents();
        Map<String, T> items = components == null ? null : section.apply(components);
        return items == null ? null : items.get(refName(ref));
    }

    private static Schema<?> resolveSchema(SpecDocument doc, Schema<?> schema) {
        Set<String> seen = new HashSet<>();
        while (schema != null && schema.get$ref() != null) {
            if (!seen.add(schema.get$ref())) {
                return null;
            }
            schema = component(doc, Components::getSchemas, schema.get$ref());
        }
        return schema;
    }

    private static String refName(String ref) {
        return unescape(ref.substring(ref.lastIndexOf('/') + 1));
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /** "/paths/~1v2~1x/get/responses/200/..." becomes "GET /v2/x responses/200/...". */
    static String describe(String pointer) {
        List<String> segments = new ArrayList<>();
        for (String s : pointer.substring(1).split("/", -1)) {
            segments.add(unescape(s));
        }
        if (segments.size() >= 3 && segments.get(0).equals("paths")) {
            String rest = String.join("/", segments.subList(3, segments.size()));
            return HTTP_METHODS.contains(segments.get(2))
                    ? segments.get(2).toUpperCase(Locale.ROOT) + " " + segments.get(1) + " " + rest
                    : "path " + segments.get(1) + " " + segments.get(2) + (rest.isEmpty() ? "" : "/" + rest);
        }
        return String.join("/", segments);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
