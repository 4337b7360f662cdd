package io.github.hubsdk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves each check can fail: fixtures/valid.yaml passes every check, and each case below breaks it in
 * one way and expects the matching check to name every offender.
 */
class SpecChecksTest {

    private static final String LOGIN = "/paths/~1v2~1login/post";
    private static final String LIST = "/paths/~1v2~1pets/get";
    private static final String CREATE = "/paths/~1v2~1pets/post";
    private static final String GET = "/paths/~1v2~1pets~1{id}/get";
    private static final String DELETE = "/paths/~1v2~1pets~1{id}/delete";
    private static final String HEAD = "/paths/~1v2~1pets~1{id}/head";
    private static final String RESPONSES = "/components/responses";
    private static final String SCHEMAS = "/components/schemas";

    @TempDir
    Path tmp;

    @Test
    void validFixturePassesEveryCheck() throws Exception {
        SpecDocument doc = write(valid());
        Problems.assertNone("parser messages", SpecChecks.parserMessages(doc));
        Problems.assertNone("version problems", SpecChecks.openApiVersion(doc));
        Problems.assertNone("operation problems", SpecChecks.operationMetadata(doc));
        Problems.assertNone("security problems", SpecChecks.security(doc));
        Problems.assertNone("invalid examples", SpecChecks.exampleValidity(doc));
        Problems.assertNone("missing examples", SpecChecks.examplePresence(doc));
        Problems.assertNone("unused components", SpecChecks.unusedComponents(doc));
        Problems.assertNone("parameter problems", SpecChecks.parameters(doc));
        Problems.assertNone("seed coverage", SpecChecks.seedCoverage(doc, SeedDocument.read(fixture("seed.md"))));
        Problems.assertNone("paging markers", HubConventions.paging(doc));
        Problems.assertNone("x-implements", HubConventions.implementsMarker(doc));
        Problems.assertNone("anonymous markers", HubConventions.anonymousMarker(doc));
        Problems.assertNone("legacy paths", HubConventions.legacyPaths(doc));
        Problems.assertNone("exception markers", HubConventions.exceptionMarker(doc));
        Problems.assertNone("rate limits", HubConventions.rateLimits(doc));
        Problems.assertNone("HEAD bodies", HubConventions.headWithoutBodies(doc));
        Problems.assertNone("secrets", HubConventions.secrets(doc));
        Problems.assertNone("reference coverage", HubConventions.referenceCoverage(doc, readReferenceFixture()));
    }

    static Stream<Arguments> brokenDocuments() {
        Function<SpecDocument, List<String>> parser = SpecChecks::parserMessages;
        Function<SpecDocument, List<String>> version = SpecChecks::openApiVersion;
        Function<SpecDocument, List<String>> operations = SpecChecks::operationMetadata;
        Function<SpecDocument, List<String>> security = SpecChecks::security;
        Function<SpecDocument, List<String>> validity = SpecChecks::exampleValidity;
        Function<SpecDocument, List<String>> presence = SpecChecks::examplePresence;
        Function<SpecDocument, List<String>> unused = SpecChecks::unusedComponents;
        Function<SpecDocument, List<String>> params = SpecChecks::parameters;
        Function<SpecDocument, List<String>> seed = doc -> SpecChecks.seedCoverage(doc, readSeedFixture());
        Function<SpecDocument, List<String>> paging = HubConventions::paging;
        Function<SpecDocument, List<String>> implementing = HubConventions::implementsMarker;
        Function<SpecDocument, List<String>> anonymous = HubConventions::anonymousMarker;
        Function<SpecDocument, List<String>> legacy = HubConventions::legacyPaths;
        Function<SpecDocument, List<String>> exceptions = HubConventions::exceptionMarker;
        Function<SpecDocument, List<String>> rateLimits = HubConventions::rateLimits;
        Function<SpecDocument, List<String>> head = HubConventions::headWithoutBodies;
        Function<SpecDocument, List<String>> secrets = HubConventions::secrets;
        Function<SpecDocument, List<String>> reference = doc -> HubConventions.referenceCoverage(doc, readReferenceFixture());
        return Stream.of(
                // parser
                c("misspelt operation field", parser, d -> obj(d, LIST).put("summery", "typo"), "summery"),
                c("dangling $ref", parser, d -> obj(d, GET + "/responses/200/content/application~1json/schema")
                        .put("$ref", "#/components/schemas/Nope"), "Nope"),
                // version
                c("openapi 3.0.1", version, d -> d.put("openapi", "3.0.1"), "'3.0.1'"),
                // operations
                c("no operationId", operations, d -> obj(d, LIST).remove("operationId"),
                        "GET /v2/pets: no operationId"),
                c("snake_case operationId", operations, d -> obj(d, LIST).put("operationId", "list_pets"),
                        "'list_pets' is not camelCase"),
                c("duplicate operationId", operations, d -> obj(d, GET).put("operationId", "listPets"),
                        "'listPets' is used by 2 operations: [GET /v2/pets, GET /v2/pets/{id}]"),
                many("no tags, two operations", operations, d -> {
                    obj(d, LIST).remove("tags");
                    obj(d, DELETE).putArray("tags");
                }, "GET /v2/pets: no tag", "DELETE /v2/pets/{id}: no tag"),
                c("blank summary", operations, d -> obj(d, CREATE).put("summary", " "), "POST /v2/pets: no summary"),
                c("no description", operations, d -> obj(d, LOGIN).remove("description"),
                        "POST /v2/login: no description"),
                c("no 2xx", operations, d -> obj(d, GET + "/responses").remove("200"),
                        "GET /v2/pets/{id}: no 2xx response"),
                c("no 4xx", operations, d -> obj(d, DELETE + "/responses").remove(List.of("404", "429")),
                        "DELETE /v2/pets/{id}: no 4xx response"),
                // security
                c("security not declared", security, d -> obj(d, LIST).remove("security"),
                        "GET /v2/pets: does not declare security"),
                c("anonymous alternative", security, d -> obj(d, GET).set("security", yaml("[{}]")),
                        "GET /v2/pets/{id}: security[0] is {}"),
                c("foreign scheme", security, d -> obj(d, DELETE).set("security", yaml("[{apiKey: []}]")),
                        "security[0] uses scheme 'apiKey'"),
                c("no bearerFormat", security, d -> obj(d, "/components/securitySchemes/bearerAuth")
                        .remove("bearerFormat"), "bearerFormat is 'null'"),
                c("basic instead of bearer", security, d -> obj(d, "/components/securitySchemes/bearerAuth")
                        .put("scheme", "basic"), "scheme is 'basic'"),
                c("no bearerAuth scheme", security, d -> obj(d, "/components/securitySchemes").remove("bearerAuth"),
                        "components.securitySchemes.bearerAuth is missing"),
                c("anonymous alternative alone among several", security, d -> obj(d, LIST).set("security", yaml("[{}, {}]")),
                        "GET /v2/pets: security[0] is {}", "GET /v2/pets: security[1] is {}"),
                c("second scheme not a bearer", security, d -> obj(d, "/components/securitySchemes")
                        .set("scimAuth", yaml("{type: apiKey, in: header, name: X-Scim}")), "scimAuth: type is"),
                // example validity
                c("enum value", validity, d -> obj(d, "/components/requestBodies/NewPet/content/application~1json/example")
                        .put("status", "sold"), "components/requestBodies/NewPet", "sold"),
                c("additionalProperties: false", validity, d -> obj(d, SCHEMAS + "/Pet/example").put("colour", "red"),
                        "components/schemas/Pet/example", "colour"),
                c("undeclared property, additionalProperties unset", validity, d -> obj(d, SCHEMAS + "/Error/example")
                        .put("hint", "typo'd or stale"), "components/schemas/Error/example", "hint"),
                c("additionalProperties schema", validity, d -> obj(d, SCHEMAS + "/Pet/example/labels").put("size", 3),
                        "components/schemas/Pet/example", "integer"),
                c("required property missing", validity, d -> obj(d, SCHEMAS + "/Pet/example").remove("name"),
                        "components/schemas/Pet/example", "name"),
                c("malformed date-time", validity, d -> obj(d, SCHEMAS + "/Pet/example").put("born", "yesterday"),
                        "components/schemas/Pet/example", "yesterday"),
                c("date without time", validity, d -> obj(d, SCHEMAS + "/Pet/example").put("born", "2021-02-24"),
                        "components/schemas/Pet/example", "2021-02-24"),
                c("null where not nullable", validity, d -> obj(d, SCHEMAS + "/Pet/example").putNull("name"),
                        "components/schemas/Pet/example", "null"),
                c("null inside an array item", validity, d -> obj(d, SCHEMAS + "/PetPage/example/results/0")
                        .putNull("born"), "components/schemas/PetPage/example"),
                c("wrong type in a response example", validity, d -> obj(d, LOGIN + "/responses/200/content/application~1json/example")
                        .put("token", 42), "POST /v2/login responses/200/content/application/json/example"),
                c("named example", validity, d -> obj(d, LOGIN + "/requestBody/content/application~1json/examples/password/value")
                        .put("otp", "123456"), "POST /v2/login requestBody/content/application/json/examples/password", "otp"),
                c("referenced example", validity, d -> obj(d, "/components/examples/StoredCredentials/value")
                        .remove("password"), "POST /v2/login requestBody/content/application/json/examples/stored"),
                c("property-level example", validity, d -> obj(d, SCHEMAS + "/NewPet/properties/name").put("example", ""),
                        "components/schemas/NewPet/properties/name/example"),
                c("string where an integer is expected", validity, d -> obj(d, "/paths/~1v2~1pets~1{id}/parameters/0")
                        .put("example", "7"), "path /v2/pets/{id} parameters/0/example"),
                many("two offenders, parameter and header", validity, d -> {
                    obj(d, "/components/parameters/Page").put("example", 0);
                    obj(d, "/components/headers/RateLimitRemaining").put("example", -1);
                }, "components/parameters/Page/example", "components/headers/RateLimitRemaining/example"),
                c("inline parameter with $ref schema", validity, d -> obj(d, LIST + "/parameters/2").put("example", "sold"),
                        "GET /v2/pets parameters/2/example"),
                // example presence
                c("request body without example", presence, d -> obj(d, "/components/requestBodies/NewPet/content/application~1json")
                        .remove("example"), "POST /v2/pets request body application/json: no example"),
                c("inline response without example", presence, d -> obj(d, LOGIN + "/responses/200/content/application~1json")
                        .remove("example"), "POST /v2/login response 200 application/json: no example"),
                many("schema example removed", presence, d -> obj(d, SCHEMAS + "/Error").remove("example"),
                        "POST /v2/pets response 400 application/json: no example",
                        "GET /v2/pets/{id} response 404 application/json: no example",
                        "DELETE /v2/pets/{id} response 404 application/json: no example"),
                c("example beside a $ref", presence, d -> {
                    obj(d, SCHEMAS + "/Error").remove("example");
                    obj(d, GET + "/responses").set("404", yaml("{description: gone, content: {application/json: "
                            + "{schema: {$ref: '#/components/schemas/Error', example: {message: x}}}}}"));
                }, "GET /v2/pets/{id} response 404 application/json: no example"),
                // unused components
                many("unused schema and what only it uses", unused, d -> {
                    obj(d, SCHEMAS).set("Orphan", yaml("{type: object, properties: {pet: {$ref: '#/components/schemas/Lonely'}}}"));
                    obj(d, SCHEMAS).set("Lonely", yaml("{type: string}"));
                }, "components/schemas/Orphan is not referenced", "components/schemas/Lonely is not referenced"),
                many("every kind of component", unused, d -> {
                    obj(d, "/components/responses").set("Gone", yaml("{description: gone}"));
                    obj(d, "/components/parameters").set("Q", yaml("{name: q, in: query, schema: {type: string}}"));
                    obj(d, "/components/requestBodies").set("Spare", yaml("{content: {text/plain: {schema: {type: string}}}}"));
                    obj(d, "/components/examples").set("Spare", yaml("{value: 1}"));
                    obj(d, "/components/headers").set("X-Spare", yaml("{schema: {type: string}}"));
                    obj(d, "/components/securitySchemes").set("apiKey", yaml("{type: apiKey, in: header, name: X-Key}"));
                }, "components/responses/Gone", "components/parameters/Q", "components/requestBodies/Spare",
                        "components/examples/Spare", "components/headers/X-Spare", "components/securitySchemes/apiKey"),
                c("a $ref inside an example value is not a use", unused, d -> {
                    obj(d, SCHEMAS).set("Decoy", yaml("{type: string}"));
                    obj(d, SCHEMAS + "/Error/example").set("detail", yaml("{$ref: '#/components/schemas/Decoy'}"));
                }, "components/schemas/Decoy is not referenced"),
                // parameters
                c("page without minimum", params, d -> obj(d, "/components/parameters/Page/schema").remove("minimum"),
                        "components.parameters.Page: has no minimum"),
                c("page_size maximum 500", params, d -> obj(d, "/components/parameters/PageSize/schema").put("maximum", 500),
                        "components.parameters.PageSize: maximum must be 100 (is 500)"),
                c("page_size without maximum", params, d -> obj(d, "/components/parameters/PageSize/schema").remove("maximum"),
                        "components.parameters.PageSize: maximum must be 100 (is null)"),
                c("page as a string", params, d -> obj(d, "/components/parameters/Page/schema").put("type", "string"),
                        "components.parameters.Page: must be an integer (is string)"),
                many("untyped inline parameter", params, d -> obj(d, "/paths/~1v2~1pets~1{id}/parameters/0/schema").remove("type"),
                        "GET /v2/pets/{id} parameter 'id' (in path): schema has no type",
                        "DELETE /v2/pets/{id} parameter 'id' (in path): schema has no type"),
                c("content instead of schema", params, d -> {
                    ObjectNode status = obj(d, LIST + "/parameters/2");
                    status.remove("schema");
                    status.remove("example");
                    status.set("content", yaml("{application/json: {schema: {type: string}}}"));
                }, "GET /v2/pets parameter 'status' (in query): has no schema"),
                // SCIM paging parameters
                c("SCIM count above 200", params, d -> arr(d, LIST + "/parameters")
                        .add(yaml("{name: count, in: query, schema: {type: integer, minimum: 1, maximum: 500}}")),
                        "GET /v2/pets parameter 'count' (in query): maximum must be 200 (is 500)"),
                c("SCIM startIndex from 0", params, d -> arr(d, LIST + "/parameters")
                        .add(yaml("{name: startIndex, in: query, schema: {type: integer, minimum: 0}}")),
                        "GET /v2/pets parameter 'startIndex' (in query): minimum must be 1 (is 0)"),
                // seed coverage
                c("seed operation missing", seed, d -> obj(d, "/paths/~1v2~1pets~1{id}").remove("delete"),
                        "DELETE /v2/pets/{petId} is not in the spec"),
                c("seed path missing", seed, d -> obj(d, "/paths").remove("/v2/login"),
                        "POST /v2/login is not in the spec"),
                // x-hub-paging
                c("unknown paging kind", paging, d -> obj(d, LIST).put("x-hub-paging", "cursor"),
                        "GET /v2/pets: x-hub-paging 'cursor' is not one of [linked, linked-total, numbered, scim]"),
                many("paging marker on a single object", paging, d -> obj(d, GET).put("x-hub-paging", "linked"),
                        "GET /v2/pets/{id}: x-hub-paging linked, but the 200 body has no [count, next, previous, results] shape",
                        "GET /v2/pets/{id}: x-hub-paging linked but no 'page' query parameter"),
                c("linked page without a marker", paging, d -> obj(d, LIST).remove("x-hub-paging"),
                        "GET /v2/pets: answers a linked page but has no x-hub-paging"),
                c("wrong paging kind", paging, d -> obj(d, LIST).put("x-hub-paging", "linked-total"),
                        "GET /v2/pets: x-hub-paging linked-total, but the 200 body is a linked page"),
                c("numbered on a linked page", paging, d -> obj(d, LIST).put("x-hub-paging", "numbered"),
                        "x-hub-paging numbered, but the 200 body is not a plain list object"),
                c("scim without SCIM parameters", paging, d -> obj(d, LIST).put("x-hub-paging", "scim"),
                        "GET /v2/pets: x-hub-paging scim but no 'startIndex' query parameter"),
                c("paging on a POST", paging, d -> obj(d, CREATE).put("x-hub-paging", "linked"),
                        "POST /v2/pets: x-hub-paging on a POST"),
                c("next not a URI", paging, d -> obj(d, SCHEMAS + "/PetPage/properties/next").remove("format"),
                        "GET /v2/pets 200 body: 'next' must be type: string, format: uri, nullable: true"),
                c("numbered list without a marker", paging, d -> {
                    obj(d, LIST).remove("x-hub-paging");
                    ObjectNode page = obj(d, SCHEMAS + "/PetPage");
                    page.remove(List.of("x-implements", "required", "example"));
                    obj(d, SCHEMAS + "/PetPage/properties").remove(List.of("count", "next", "previous"));
                }, "GET /v2/pets: takes page and answers a list but has no x-hub-paging"),
                // x-implements
                c("x-implements on an item", implementing, d -> obj(d, SCHEMAS + "/Pet")
                        .set("x-implements", yaml("['io.github.hubsdk.openapi.catalog.LinkedPage<Pet>']")),
                        "components/schemas/Pet: x-implements"),
                c("linked page without x-implements", implementing, d -> obj(d, SCHEMAS + "/PetPage").remove("x-implements"),
                        "components/schemas/PetPage: a linked page must declare x-implements: ['io.github.hubsdk.openapi.catalog.LinkedPage<Pet>']"),
                c("x-implements with the wrong item", implementing, d -> obj(d, SCHEMAS + "/PetPage")
                        .set("x-implements", yaml("['io.github.hubsdk.openapi.catalog.LinkedPage<Error>']")),
                        "'io.github.hubsdk.openapi.catalog.LinkedPage<Error>' does not match its results"),
                c("int64 count", implementing, d -> obj(d, SCHEMAS + "/PetPage/properties/count").put("format", "int64"),
                        "components/schemas/PetPage: 'count' must be integer/int32"),
                c("previous not nullable", implementing, d -> obj(d, SCHEMAS + "/PetPage/properties/previous").remove("nullable"),
                        "components/schemas/PetPage: 'previous' must be type: string, format: uri, nullable: true"),
                // x-hub-anonymous
                many("anonymous marker and {} disagree", anonymous, d -> {
                    obj(d, GET).remove("x-hub-anonymous");
                    obj(d, LIST).put("x-hub-anonymous", true);
                }, "GET /v2/pets/{id}: security allows anonymous callers ({}) but x-hub-anonymous is not true",
                        "GET /v2/pets: x-hub-anonymous: true but security has no {} alternative"),
                c("anonymous marker as text", anonymous, d -> obj(d, GET).put("x-hub-anonymous", "yes"),
                        "GET /v2/pets/{id}: x-hub-anonymous must be true or false"),
                // x-hub-legacy-paths
                c("legacy path outside /v2/", legacy, d -> obj(d, LIST).set("x-hub-legacy-paths", yaml("['/animals']")),
                        "GET /v2/pets x-hub-legacy-paths '/animals': does not start with /v2/"),
                c("legacy path with a trailing slash", legacy, d -> obj(d, LIST).set("x-hub-legacy-paths", yaml("['/v2/animals/']")),
                        "'/v2/animals/': ends with '/'"),
                many("legacy path renames the parameter", legacy, d -> obj(d, GET).set("x-hub-legacy-paths", yaml("['/v2/animals/{petId}']")),
                        "GET /v2/pets/{id} x-hub-legacy-paths '/v2/animals/{petId}': {petId} is not a path parameter of the operation [id]",
                        "GET /v2/pets/{id} x-hub-legacy-paths '/v2/animals/{petId}': drops {id}, which is then not a field of the JSON request body"),
                c("legacy path drops a parameter that is no body field", legacy, d -> obj(d, GET)
                        .set("x-hub-legacy-paths", yaml("['/v2/animals']")), "'/v2/animals': drops {id}"),
                c("legacy path is another operation", legacy, d -> obj(d, CREATE).set("x-hub-legacy-paths", yaml("['/v2/login']")),
                        "POST /v2/pets x-hub-legacy-paths '/v2/login': POST on it is an operation of this document"),
                c("legacy path is the own path", legacy, d -> obj(d, LIST).set("x-hub-legacy-paths", yaml("['/v2/pets/']")),
                        "'/v2/pets/': is the operation's own path"),
                c("legacy paths not a list", legacy, d -> obj(d, LIST).put("x-hub-legacy-paths", "/v2/animals"),
                        "GET /v2/pets: x-hub-legacy-paths must be a non-empty list of paths"),
                // x-hub-exception
                c("409 without Conflict", exceptions, d -> obj(d, RESPONSES + "/Conflict").remove("x-hub-exception"),
                        "POST /v2/pets response 409: must be a components/responses entry with x-hub-exception: Conflict"),
                c("inline 409", exceptions, d -> obj(d, CREATE + "/responses").set("409", yaml("{description: taken}")),
                        "POST /v2/pets response 409: must be a components/responses entry"),
                c("exception on an inline response", exceptions, d -> obj(d, CREATE + "/responses/400").put("x-hub-exception", "Invalid"),
                        "POST /v2/pets response 400: x-hub-exception belongs on a shared components/responses entry"),
                c("lower-case exception kind", exceptions, d -> obj(d, RESPONSES + "/Conflict").put("x-hub-exception", "conflict"),
                        "components/responses/Conflict: x-hub-exception must be a PascalCase kind"),
                // rate limits
                c("2xx without X-RateLimit-Reset", rateLimits, d -> obj(d, LIST + "/responses/200/headers").remove("X-RateLimit-Reset"),
                        "GET /v2/pets response 200: no X-RateLimit-Reset header"),
                c("inline rate-limit header", rateLimits, d -> obj(d, LOGIN + "/responses/200/headers")
                        .set("X-RateLimit-Limit", yaml("{schema: {type: integer}}")),
                        "POST /v2/login response 200: no X-RateLimit-Limit header as a $ref to components/headers"),
                c("no 429", rateLimits, d -> obj(d, DELETE + "/responses").remove("429"),
                        "DELETE /v2/pets/{id}: no 429 response"),
                c("429 without Retry-After", rateLimits, d -> obj(d, RESPONSES + "/TooManyRequests").remove("headers"),
                        "GET /v2/pets response 429: no Retry-After header"),
                // HEAD
                c("HEAD answer with a body", head, d -> obj(d, HEAD + "/responses/404").put("$ref", "#/components/responses/NotFound"),
                        "HEAD /v2/pets/{id} response 404: declares a body"),
                // secrets
                c("unmasked token in an inline response", secrets, d -> obj(d, LOGIN
                        + "/responses/200/content/application~1json/schema/properties/token").remove("format"),
                        "POST /v2/login responses/200/content/application/json/schema/properties/token: holds a secret"),
                c("unmasked password in a component", secrets, d -> obj(d, SCHEMAS + "/Credentials/properties/password").remove("format"),
                        "components/schemas/Credentials/properties/password: holds a secret"),
                many("2FA code and nested access_token", secrets, d -> obj(d, SCHEMAS).set("TwoFactor", yaml(
                        "{type: object, properties: {login_2fa_token: {type: string, format: password}, code: {type: string},"
                                + " session: {type: object, properties: {access_token: {type: string}}}}}")),
                        "components/schemas/TwoFactor/properties/code: holds a secret",
                        "components/schemas/TwoFactor/properties/session/properties/access_token: holds a secret"),
                // Docker's reference
                c("reference operation missing", reference, d -> obj(d, "/paths/~1v2~1pets~1{id}").remove("delete"),
                        "DELETE /v2/pets/{} (Docker's reference) is not an operation of the spec"),
                c("extra operation not marked", reference, d -> obj(d, HEAD).remove("x-undocumented"),
                        "HEAD /v2/pets/{id}: not in Docker's reference; mark it x-undocumented: true (or deprecated)"),
                c("reference operation marked undocumented", reference, d -> obj(d, GET).put("x-undocumented", true),
                        "GET /v2/pets/{id}: is in Docker's reference but marked x-undocumented"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void reportsEveryOffender(String name, Consumer<ObjectNode> breakage, Function<SpecDocument, List<String>> check,
                              List<String> expected, boolean separateLines) throws IOException {
        ObjectNode doc = valid();
        breakage.accept(doc);
        List<String> problems = check.apply(write(doc));
        assertThat(problems).as("%s: problems reported", name).isNotEmpty();
        for (String fragment : expected) {
            assertThat(problems).as("%s: problems reported, expecting one to contain '%s'", name, fragment)
                    .anyMatch(p -> p.contains(fragment));
        }
        if (separateLines) {
            for (String line : problems) {
                assertThat(expected.stream().filter(line::contains)).as("%s: offenders named in one line: %s", name, line)
                        .hasSizeLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aDroppedPathParameterIsFineWhenTheBodyCarriesIt() throws IOException {
        ObjectNode doc = valid();
        ObjectNode shelterPets = obj(doc, "/paths").putObject("/v2/shelters/{name}/pets");
        ObjectNode post = (ObjectNode) doc.at(CREATE).deepCopy();
        post.put("operationId", "createShelterPet");
        post.set("x-hub-legacy-paths", yaml("['/v2/shelter-pets']"));
        // NewPet has a `name` field, so the legacy path may drop {name}: the body carries it.
        post.set("parameters", yaml("[{name: name, in: path, required: true, schema: {type: string}}]"));
        shelterPets.set("post", post);
        Problems.assertNone("legacy paths", HubConventions.legacyPaths(write(doc)));
    }

    @Test
    void aPathParameterDroppedByALegacyPathMustBeABodyField() throws IOException {
        ObjectNode doc = valid();
        ObjectNode shelterPets = obj(doc, "/paths").putObject("/v2/shelters/{shelter}/pets");
        ObjectNode post = (ObjectNode) doc.at(CREATE).deepCopy();
        post.put("operationId", "createShelterPet");
        post.set("x-hub-legacy-paths", yaml("['/v2/shelter-pets']"));
        post.set("parameters", yaml("[{name: shelter, in: path, required: true, schema: {type: string}}]"));
        shelterPets.set("post", post);
        assertThat(HubConventions.legacyPaths(write(doc)))
                .containsExactly("POST /v2/shelters/{shelter}/pets x-hub-legacy-paths '/v2/shelter-pets': drops {shelter},"
                        + " which is then not a field of the JSON request body");
        obj(doc, SCHEMAS + "/NewPet/properties").set("shelter", yaml("{type: string}"));
        Problems.assertNone("legacy paths", HubConventions.legacyPaths(write(doc)));
    }

    @Test
    void aSecondBearerSchemeAndAnAnonymousAlternativeAreAccepted() throws IOException {
        ObjectNode doc = valid();
        obj(doc, "/components/securitySchemes").set("scimAuth", yaml("{type: http, scheme: bearer}"));
        obj(doc, DELETE).set("security", yaml("[{scimAuth: []}]"));
        obj(doc, LIST).set("security", yaml("[{bearerAuth: []}, {}]"));
        Problems.assertNone("security problems", SpecChecks.security(write(doc)));
    }

    @Test
    void aCodeWithoutATwoFactorTokenIsNoSecret() throws IOException {
        ObjectNode doc = valid();
        obj(doc, SCHEMAS + "/Error/properties").set("code", yaml("{type: integer, format: int32}"));
        Problems.assertNone("secrets", HubConventions.secrets(write(doc)));
    }

    @Test
    void aDeprecatedOperationNeedNotBeInTheReference() throws IOException {
        ObjectNode doc = valid();
        obj(doc, HEAD).remove("x-undocumented");
        obj(doc, HEAD).put("deprecated", true);
        Problems.assertNone("reference coverage", HubConventions.referenceCoverage(write(doc), readReferenceFixture()));
    }

    @Test
    void everyResponseBodyNeedsAnExampleWhateverItsMediaType() throws IOException {
        ObjectNode doc = valid();
        obj(doc, GET + "/responses/200/content").set("text/csv", yaml("{schema: {type: string}}"));
        assertThat(SpecChecks.examplePresence(write(doc))).containsExactly("GET /v2/pets/{id} response 200 text/csv: no example");
    }

    @Test
    void referenceLinesAreNormalisedAndMalformedOnesRejected() throws IOException {
        assertThat(readReferenceFixture()).contains("POST /v2/login", "GET /v2/pets/{}");
        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "GET /v2/pets\nfetch /v2/pets\n");
        assertThatThrownBy(() -> HubConventions.readReferenceOperations(bad)).hasMessageContaining("not 'METHOD /path'");
    }

    @Test
    void aPropertyNamedExampleStillCountsAsAUse() throws IOException {
        ObjectNode doc = valid();
        obj(doc, SCHEMAS).set("Extra", yaml("{type: string}"));
        obj(doc, SCHEMAS + "/Error/properties").set("example", yaml("{$ref: '#/components/schemas/Extra'}"));
        Problems.assertNone("unused components", SpecChecks.unusedComponents(write(doc)));
    }

    @Test
    void nullIsAcceptedWhereNullable() throws IOException {
        ObjectNode doc = valid();
        obj(doc, SCHEMAS + "/PetPage/example/results/0").putNull("adopted_at");
        ((ArrayNode) doc.at(SCHEMAS + "/PetPage/example/results")).add(doc.at(SCHEMAS + "/Pet/example").deepCopy());
        Problems.assertNone("invalid examples", SpecChecks.exampleValidity(write(doc)));
    }

    @Test
    void explicitAdditionalPropertiesTrueIsHonoured() throws IOException {
        ObjectNode doc = valid();
        obj(doc, SCHEMAS + "/Error").put("additionalProperties", true);
        obj(doc, SCHEMAS + "/Error/example").put("hint", "Error allows any property");
        Problems.assertNone("invalid examples", SpecChecks.exampleValidity(write(doc)));
    }

    @Test
    void duplicateYamlKeysAreRejected() throws IOException {
        Path file = tmp.resolve("dup.yaml");
        Files.writeString(file, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\npaths: {}\n");
        assertThatThrownBy(() -> SpecDocument.load(file)).hasMessageContaining("Duplicate field 'paths'");
    }

    @Test
    void missingDocumentIsNamed() {
        Path file = tmp.resolve("absent.yaml");
        assertThatThrownBy(() -> SpecDocument.load(file)).hasMessageContaining(file.toString()).hasMessageContaining("does not exist");
    }

    private static Arguments c(String name, Function<SpecDocument, List<String>> check,
                               Consumer<ObjectNode> breakage, String... expected) {
        return arguments(name, breakage, check, List.of(expected), false);
    }

    /** Several offenders: each must get its own line, proving the check does not stop at the first. */
    private static Arguments many(String name, Function<SpecDocument, List<String>> check,
                                  Consumer<ObjectNode> breakage, String... offenders) {
        return arguments(name, breakage, check, List.of(offenders), true);
    }

    private static ArrayNode arr(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!node.isArray()) {
            throw new IllegalArgumentException("fixture has no array at " + pointer);
        }
        return (ArrayNode) node;
    }

    private static ObjectNode obj(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!node.isObject()) {
            throw new IllegalArgumentException("fixture has no object at " + pointer);
        }
        return (ObjectNode) node;
    }

    private static JsonNode yaml(String text) {
        try {
            return SpecDocument.YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode valid() throws IOException {
        try (InputStream in = SpecChecksTest.class.getResourceAsStream("/fixtures/valid.yaml")) {
            return (ObjectNode) SpecDocument.YAML.readTree(in);
        }
    }

    private SpecDocument write(ObjectNode doc) throws IOException {
        Path file = Files.createTempFile(tmp, "spec", ".yaml");
        SpecDocument.YAML.writeValue(file.toFile(), doc);
        return SpecDocument.load(file);
    }

    static Path fixture(String name) {
        try {
            return Path.of(SpecChecksTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SeedDocument.SeedOperation> readSeedFixture() {
        return SeedDocument.read(fixture("seed.md"));
    }

    private static List<String> readReferenceFixture() {
        return HubConventions.readReferenceOperations(fixture("reference-operations.txt"));
    }
}
