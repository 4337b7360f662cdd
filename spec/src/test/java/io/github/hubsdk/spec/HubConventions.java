package io.github.hubsdk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks of the house conventions that the generated Java, the emulator and the contracts read: the
 * {@code x-hub-*} and {@code x-implements} vendor extensions, rate-limit headers and 429s, HEAD answers
 * without bodies, secrets masked as {@code format: password}, and coverage of Docker's reference.
 * All read the raw YAML tree (following {@code $ref}s), like the other checks, one problem per line.
 */
final class HubConventions {

    static final String PAGING = "x-hub-paging";
    static final String IMPLEMENTS = "x-implements";
    static final String ANONYMOUS = "x-hub-anonymous";
    static final String LEGACY_PATHS = "x-hub-legacy-paths";
    static final String EXCEPTION = "x-hub-exception";
    static final String UNDOCUMENTED = "x-undocumented";
    static final String LINKED_PAGE = "io.github.hubsdk.openapi.catalog.LinkedPage";

    /** The paging kinds of {@code io.github.hubsdk.openapi.catalog.Paging} (besides NONE, which is no marker). */
    static final Set<String> PAGING_VALUES = Set.of("linked", "linked-total", "numbered", "scim");
    /** The page shapes, by the properties that make them. */
    private static final Map<String, List<String>> PAGE_SHAPES = Map.of(
            "linked", List.of("count", "next", "previous", "results"),
            "linked-total", List.of("total", "next", "previous", "results"),
            "scim", List.of("schemas", "totalResults", "startIndex", "itemsPerPage", "Resources"));
    /** The query parameters each paging kind needs. */
    private static final Map<String, List<String>> PAGING_PARAMETERS = Map.of(
            "linked", List.of("page", "page_size"),
            "linked-total", List.of("page", "page_size"),
            "numbered", List.of("page", "page_size"),
            "scim", List.of("startIndex", "count"));

    static final List<String> RATE_LIMIT_HEADERS = List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
    /** Property names that always hold a secret. {@code code} is one too, next to a 2FA token. */
    static final Set<String> SECRET_NAMES = Set.of("token", "secret", "password", "access_token", "login_2fa_token");

    private static final Pattern SUCCESS = Pattern.compile("2(\\d\\d|XX)");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern REFERENCE_LINE = Pattern.compile("(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) (/\\S*)");
    private static final Set<String> LITERALS = Set.of("example", "examples", "enum", "default");

    private HubConventions() {
    }

    // --- x-hub-paging ----------------------------------------------------------------------------------

    /**
     * {@code x-hub-paging} takes one of {@link #PAGING_VALUES}, only on a GET whose 200 body has the matching
     * shape and whose query parameters page that way; and every GET that answers a page shape, or takes
     * {@code page} and answers a list, carries it.
     */
    static List<String> paging(SpecDocument doc) {
        JsonNode raw = doc.raw();
        List<String> problems = new ArrayList<>();
        for (SpecChecks.Op op : SpecChecks.operations(doc)) {
            JsonNode node = raw.at(op.pointer());
            JsonNode marker = node.get(PAGING);
            JsonNode body = successBody(raw, node);
            String shape = pageShape(raw, body);
            Set<String> query = queryParameters(raw, op);
            if (marker == null) {
                if (shape != null) {
                    problems.add(op.label() + ": answers a " + shape + " page but has no " + PAGING);
                } else if (query.contains("page") && hasArrayProperty(raw, body)) {
                    problems.add(op.label() + ": takes page and answers a list but has no " + PAGING + " (numbered?)");
                }
                continue;
            }
            if (!marker.isTextual() || !PAGING_VALUES.contains(marker.asText())) {
                problems.add(op.label() + ": " + PAGING + " '" + marker.asText(marker.toString()) + "' is not one of "
                        + new TreeSet<>(PAGING_VALUES));
                continue;
            }
            String kind = marker.asText();
            if (!"GET".equals(op.method())) {
                problems.add(op.label() + ": " + PAGING + " on a " + op.method() + "; only lists (GET) page");
            }
            if (kind.equals("numbered")) {
                if (shape != null || !hasArrayProperty(raw, body) || deref(raw, body).path("properties").has("next")) {
                    problems.add(op.label() + ": " + PAGING + " numbered, but the 200 body is not a plain list object"
                            + " (an array property, no count/next links)" + (shape == null ? "" : "; it is a " + shape + " page"));
                }
            } else if (!kind.equals(shape)) {
                problems.add(op.label() + ": " + PAGING + " " + kind + ", but the 200 body " + (shape == null
                        ? "has no " + PAGE_SHAPES.get(kind) + " shape" : "is a " + shape + " page"));
            }
            if (kind.startsWith("linked") && kind.equals(shape)) {
                problems.addAll(linkShape(raw, deref(raw, body), op.label() + " 200 body"));
            }
            for (String p : PAGING_PARAMETERS.get(kind)) {
                if (!query.contains(p)) {
                    problems.add(op.label() + ": " + PAGING + " " + kind + " but no '" + p + "' query parameter");
                }
            }
        }
        return problems;
    }

    /** {@code next}/{@code previous} as nullable absolute URIs, {@code results} an array. */
    private static List<String> linkShape(JsonNode raw, JsonNode schema, String where) {
        List<String> problems = new ArrayList<>();
        JsonNode props = schema.path("properties");
        for (String link : List.of("next", "previous")) {
            JsonNode p = deref(raw, props.path(link));
            if (!"string".equals(p.path("type").asText()) || !"uri".equals(p.path("format").asText())
                    || !p.path("nullable").asBoolean(false)) {
                problems.add(where + ": '" + link + "' must be type: string, format: uri, nullable: true (null on the last page)");
            }
        }
        if (!"array".equals(deref(raw, props.path("results")).path("type").asText())) {
            problems.add(where + ": 'results' must be an array");
        }
        return problems;
    }

    // --- x-implements ----------------------------------------------------------------------------------

    /**
     * A {@code {count, next, previous, results}} schema of components/schemas implements
     * {@code LinkedPage<Item>} (Item: the results' item schema) with an int32 count; no other schema has
     * {@code x-implements}.
     */
    static List<String> implementsMarker(SpecDocument doc) {
        JsonNode raw = doc.raw();
        List<String> problems = new ArrayList<>();
        raw.path("components").path("schemas").fields().forEachRemaining(e -> {
            String where = "components/schemas/" + e.getKey();
            JsonNode schema = e.getValue();
            JsonNode marker = schema.get(IMPLEMENTS);
            boolean linked = "linked".equals(pageShape(raw, schema));
            if (marker != null && (!marker.isArray() || marker.isEmpty()
                    || !allTextual(marker))) {
                problems.add(where + ": " + IMPLEMENTS + " must be a list of interface names");
                return;
            }
            if (!linked) {
                if (marker != null) {
                    problems.add(where + ": " + IMPLEMENTS + " " + marker + " but it is not a {count, next, previous, results} page");
                }
                return;
            }
            String item = refName(schema.path("properties").path("results").path("items").path("$ref").asText(""));
            String expected = LINKED_PAGE + "<" + (item.isEmpty() ? "?" : item) + ">";
            if (item.isEmpty()) {
                problems.add(where + ": a linked page's results must be an array of a components/schemas $ref");
            } else if (marker == null || !texts(marker).contains(expected)) {
                problems.add(where + ": a linked page must declare " + IMPLEMENTS + ": ['" + expected + "']");
            }
            for (JsonNode m : marker == null ? List.<JsonNode>of() : marker) {
                if (m.asText().startsWith(LINKED_PAGE) && !m.asText().equals(expected)) {
                    problems.add(where + ": " + IMPLEMENTS + " '" + m.asText() + "' does not match its results (" + expected + ")");
                }
            }
            JsonNode count = deref(raw, schema.path("properties").path("count"));
            if (!"integer".equals(count.path("type").asText()) || !"int32".equals(count.path("format").asText())) {
                problems.add(where + ": 'count' must be integer/int32 (LinkedPage.getCount() is an Integer)");
            }
            problems.addAll(linkShape(raw, schema, where));
        });
        return problems;
    }

    // --- x-hub-anonymous -------------------------------------------------------------------------------

    /** {@code x-hub-anonymous: true} exactly where security offers the anonymous alternative {@code {}}. */
    static List<String> anonymousMarker(SpecDocument doc) {
        JsonNode raw = doc.raw();
        List<String> problems = new ArrayList<>();
        for (SpecChecks.Op op : SpecChecks.operations(doc)) {
            JsonNode node = raw.at(op.pointer());
            boolean anonymous = false;
            for (JsonNode requirement : node.path("security")) {
                anonymous |= requirement.isObject() && requirement.isEmpty();
            }
            JsonNode marker = node.get(ANONYMOUS);
            if (marker != null && !marker.isBoolean()) {
                problems.add(op.label() + ": " + ANONYMOUS + " must be true or false (is " + marker + ")");
                continue;
            }
            boolean marked = marker != null && marker.asBoolean();
            if (anonymous && !marked) {
                problems.add(op.label() + ": security allows anonymous callers ({}) but " + ANONYMOUS + " is not true");
            } else if (!anonymous && marked) {
                problems.add(op.label() + ": " + ANONYMOUS + ": true but security has no {} alternative");
            }
        }
        return problems;
    }

    // --- x-hub-legacy-paths ----------------------------------------------------------------------------

    /**
     * Each legacy path starts with /v2/, has no trailing slash, uses only the operation's path parameters
     * (by name), and is no operation of the document; a path parameter it drops must be a field of the
     * JSON request body (createRepository's namespace).
     */
    static List<String> legacyPaths(SpecDocument doc) {
        JsonNode raw = doc.raw();
        List<String> problems = new ArrayList<>();
        List<SpecChecks.Op> ops = SpecChecks.operations(doc);
        Set<String> operations = ops.stream().map(o -> o.method() + " " + normalize(o.path())).collect(Collectors.toSet());
        for (SpecChecks.Op op : ops) {
            JsonNode marker = raw.at(op.pointer()).get(LEGACY_PATHS);
            if (marker == null) {
                continue;
            }
            if (!marker.isArray() || marker.isEmpty() || !allTextual(marker)) {
                problems.add(op.label() + ": " + LEGACY_PATHS + " must be a non-empty list of paths");
                continue;
            }
            Set<String> own = pathParameters(op.path());
            Set<String> body = requestBodyFields(raw, raw.at(op.pointer()));
            Set<String> seen = new HashSet<>();
            for (JsonNode entry : marker) {
                String legacy = entry.asText();
                String at = op.label() + " " + LEGACY_PATHS + " '" + legacy + "'";
                if (!seen.add(legacy)) {
                    problems.add(at + ": listed twice");
                }
                if (!legacy.startsWith("/v2/")) {
                    problems.add(at + ": does not start with /v2/");
                }
                if (legacy.length() > 1 && legacy.endsWith("/")) {
                    problems.add(at + ": ends with '/' (a trailing slash is optional everywhere; write none)");
                }
                Set<String> params = pathParameters(legacy);
                for (String p : params) {
                    if (!own.contains(p)) {
                        problems.add(at + ": {" + p + "} is not a path parameter of the operation " + own);
                    }
                }
                for (String p : own) {
                    if (!params.contains(p) && !body.contains(p)) {
                        problems.add(at + ": drops {" + p + "}, which is then not a field of the JSON request body");
                    }
                }
                if (normalize(legacy).equals(normalize(op.path()))) {
                    problems.add(at + ": is the operation's own path");
                } else if (operations.contains(op.method() + " " + normalize(legacy))) {
                    problems.add(at + ": " + op.method() + " on it is an operation of this document");
                }
            }
        }
        return problems;
    }

    // --- x-hub-exception -------------------------------------------------------------------------------

    /**
     * {@code x-hub-exception} only on shared components/responses entries, as a PascalCase kind; every 409 is
     * such an entry with {@code x-hub-exception: Conflict}.
     */
    static List<String> exceptionMarker(SpecDocument doc) {
        JsonNode raw = doc.raw();
        List<String> problems = new ArrayList<>();
        raw.path("components").path("responses").fields().forEachRemaining(e -> {
            JsonNode kind = e.getValue().get(EXCEPTION);
            if (kind != null && (!kind.isTextual() || !kind.asText().matches("[A-Z][A-Za-z0-9]*"))) {
                problems.add("components/responses/" + e.getKey() + ": " + EXCEPTION + " must be a PascalCase kind (is " + kind + ")");
            }
        });
        for (SpecChecks.Op op : SpecChecks.operations(doc)) {
            raw.at(op.pointer() + "/responses").fields().forEachRemaining(r -> {
                JsonNode response = r.getValue();
                if (response.has(EXCEPTION)) {
                    problems.add(op.label() + " response " + r.getKey() + ": " + EXCEPTION
                            + " belongs on a shared components/responses entry");
                }
                if (r.getKey().equals("409")) {
                    String ref = response.path("$ref").asText("");
                    JsonNode target = deref(raw, response);
                    if (ref.isEmpty() || !"Conflict".equals(target.path(EXCEPTION).asText())) {
                        problems.add(op.label() + " response 409: must be a components/responses entry with "
                                + EXCEPTION + ": Conflict");
                    }
                }
            });
        }
        return problems;
    }

    // --- rate limits, HEAD -----------------------------------------------------------------------------

    /**
     * Every 2xx answer carries the three X-RateLimit-* headers as $refs to components/headers, and every
     * operation declares a 429 that carries Retry-After.
     */
    static List<String> rateLimits(SpecDocument doc) {
        JsonNode raw = doc.raw();
        List<String> problems = new ArrayList<>();
        for (SpecChecks.Op op : SpecChecks.operations(doc)) {
            JsonNode responses = raw.at(op.pointer() + "/responses");
            responses.fields().forEachRemaining(r -> {
                if (!SUCCESS.matcher(r.getKey()).matches()) {
                    return;
                }
                JsonNode headers = deref(raw, r.getValue()).path("headers");
                for (String name : RATE_LIMIT_HEADERS) {
                    JsonNode header = headers.path(name);
                    if (!header.path("$ref").asText("").startsWith("#/components/headers/")) {
                        problems.add(op.label() + " response " + r.getKey() + ": no " + name
                                + " header as a $ref to components/headers");
                    }
                }
            });
            if (!responses.has("429")) {
                problems.add(op.label() + ": no 429 response (every call can be rate limited)");
            } else if (!deref(raw, responses.get("429")).path("headers").has("Retry-After")) {
                problems.add(op.label() + " response 429: no Retry-After header");
            }
        }
        return problems;
    }

    /** A HEAD answer never has a body, so no HEAD response declares content. */
    static List<String> headWithoutBodies(SpecDocument doc) {
        JsonNode raw = doc.raw();
        List<String> problems = new ArrayList<>();
        for (SpecChecks.Op op : SpecChecks.operations(doc)) {
            if (!"HEAD".equals(op.method())) {
                continue;
            }
            raw.at(op.pointer() + "/responses").fields().forEachRemaining(r -> {
                if (deref(raw, r.getValue()).path("content").size() > 0) {
                    problems.add(op.label() + " response " + r.getKey() + ": declares a body; HEAD answers have none");
                }
            });
            if (raw.at(op.pointer()).has("requestBody")) {
                problems.add(op.label() + ": HEAD with a request body");
            }
        }
        return problems;
    }

    // --- secrets ---------------------------------------------------------------------------------------

    /**
     * Every property that holds a secret ({@link #SECRET_NAMES}, and a {@code code} beside a 2FA token) is a
     * string with {@code format: password}, so the generated toString() masks it. Looks at every schema of
     * the document, components and inline alike.
     */
    static List<String> secrets(SpecDocument doc) {
        List<String> problems = new ArrayList<>();
        walkSchemas(doc.raw(), doc.raw(), "", problems);
        return problems;
    }

    private static void walkSchemas(JsonNode raw, JsonNode node, String pointer, List<String> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkSchemas(raw, node.get(i), pointer + "/" + i, problems);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String childPointer = pointer + "/" + SpecChecks.escape(key);
            if (LITERALS.contains(key) || key.startsWith("x-")) {
                continue;
            }
            if (key.equals("properties") && e.getValue().isObject()) {
                JsonNode props = e.getValue();
                List<String> names = new ArrayList<>();
                props.fieldNames().forEachRemaining(names::add);
                boolean twoFactor = names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains("2fa"));
                for (String name : names) {
                    String propPointer = childPointer + "/" + SpecChecks.escape(name);
                    if (SECRET_NAMES.contains(name) || (twoFactor && name.equals("code"))) {
                        JsonNode p = deref(raw, props.get(name));
                        if (!"string".equals(p.path("type").asText()) || !"password".equals(p.path("format").asText())) {
                            problems.add(SpecChecks.describe(propPointer) + ": holds a secret; declare type: string,"
                                    + " format: password (toString() then masks it)");
                        }
                    }
                    walkSchemas(raw, props.get(name), propPointer, problems);
                }
                continue;
            }
            walkSchemas(raw, e.getValue(), childPointer, problems);
        }
    }

    // --- Docker's reference ----------------------------------------------------------------------------

    /** Lines "METHOD /path" of reference-operations.txt; '#' comments and blank lines are skipped. */
    static List<String> readReferenceOperations(Path file) {
        List<String> lines = new ArrayList<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                Matcher m = REFERENCE_LINE.matcher(l);
                if (!m.matches()) {
                    throw new IllegalArgumentException(file + ":" + n + ": not 'METHOD /path': " + line);
                }
                lines.add(m.group(1) + " " + normalize(m.group(2)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /**
     * Every operation of Docker's reference is in the document (parameter names and a trailing slash
     * ignored); every other operation is marked {@code x-undocumented: true} or deprecated; and none of the
     * reference's is marked {@code x-undocumented}.
     */
    static List<String> referenceCoverage(SpecDocument doc, List<String> reference) {
        JsonNode raw = doc.raw();
        List<String> problems = new ArrayList<>();
        Set<String> ref = new LinkedHashSet<>();
        for (String line : reference) {
            int space = line.indexOf(' ');
            String normalized = line.substring(0, space).toUpperCase(Locale.ROOT) + " " + normalize(line.substring(space + 1));
            if (!ref.add(normalized)) {
                problems.add(line + ": listed twice in the reference operations");
            }
        }
        Set<String> ours = new HashSet<>();
        for (SpecChecks.Op op : SpecChecks.operations(doc)) {
            String key = op.method() + " " + normalize(op.path());
            ours.add(key);
            JsonNode node = raw.at(op.pointer());
            JsonNode undocumented = node.get(UNDOCUMENTED);
            if (undocumented != null && !undocumented.isBoolean()) {
                problems.add(op.label() + ": " + UNDOCUMENTED + " must be true or false (is " + undocumented + ")");
            }
            boolean markedUndocumented = undocumented != null && undocumented.asBoolean();
            boolean deprecated = node.path("deprecated").asBoolean(false);
            if (ref.contains(key)) {
                if (markedUndocumented) {
                    problems.add(op.label() + ": is in Docker's reference but marked " + UNDOCUMENTED);
                }
            } else if (!markedUndocumented && !deprecated) {
                problems.add(op.label() + ": not in Docker's reference; mark it " + UNDOCUMENTED + ": true (or deprecated)");
            }
        }
        for (String line : ref) {
            if (!ours.contains(line)) {
                problems.add(line + " (Docker's reference) is not an operation of the spec");
            }
        }
        return problems;
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** {@code /v2/orgs/{org}/} becomes {@code /v2/orgs/{}}. */
    static String normalize(String path) {
        String p = TEMPLATE.matcher(path).replaceAll("{}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    static Set<String> pathParameters(String path) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = TEMPLATE.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The schema of the 200 (else the first 2xx) answer's JSON body, unresolved; a missing node if none. */
    private static JsonNode successBody(JsonNode raw, JsonNode operation) {
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.has("200") ? responses.get("200") : null;
        if (response == null) {
            for (Iterator<String> it = responses.fieldNames(); it.hasNext() && response == null; ) {
                String code = it.next();
                if (SUCCESS.matcher(code).matches()) {
                    response = responses.get(code);
                }
            }
        }
        return response == null ? MissingNode.getInstance() : jsonSchema(deref(raw, response).path("content"));
    }

    private static Set<String> requestBodyFields(JsonNode raw, JsonNode operation) {
        JsonNode schema = deref(raw, jsonSchema(deref(raw, operation.path("requestBody")).path("content")));
        Set<String> names = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode jsonSchema(JsonNode content) {
        for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getKey().toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
            if (type.equals("application/json") || type.endsWith("+json")) {
                return e.getValue().path("schema");
            }
        }
        return MissingNode.getInstance();
    }

    /** "linked", "linked-total", "scim" or null, by the properties of the (resolved) schema. */
    static String pageShape(JsonNode raw, JsonNode schema) {
        JsonNode props = deref(raw, schema).path("properties");
        for (Map.Entry<String, List<String>> shape : PAGE_SHAPES.entrySet()) {
            if (shape.getValue().stream().allMatch(props::has)) {
                return shape.getKey();
            }
        }
        return null;
    }

    private static boolean hasArrayProperty(JsonNode raw, JsonNode schema) {
        for (JsonNode p : deref(raw, schema).path("properties")) {
            if ("array".equals(deref(raw, p).path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> queryParameters(JsonNode raw, SpecChecks.Op op) {
        Set<String> names = new HashSet<>();
        String pathPointer = op.pointer().substring(0, op.pointer().lastIndexOf('/'));
        for (JsonNode list : List.of(raw.at(pathPointer + "/parameters"), raw.at(op.pointer() + "/parameters"))) {
            for (JsonNode p : list) {
                JsonNode param = deref(raw, p);
                if ("query".equals(param.path("in").asText())) {
                    names.add(param.path("name").asText());
                }
            }
        }
        return names;
    }

    static JsonNode deref(JsonNode raw, JsonNode node) {
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

    private static String refName(String ref) {
        return ref.startsWith("#/components/schemas/") ? ref.substring("#/components/schemas/".length()) : "";
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
