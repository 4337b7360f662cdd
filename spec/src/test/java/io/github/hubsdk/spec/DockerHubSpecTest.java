package io.github.hubsdk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks of {@link SpecChecks}, run against the real spec/docker-hub-api.yaml. */
class DockerHubSpecTest {

    private static final Path SPEC = Path.of(System.getProperty("hubsdk.spec.file", "docker-hub-api.yaml"));
    private static final Path SEED =
            Path.of(System.getProperty("hubsdk.seed.file", "seed/docker-hub-api.md"));

    // Pinned so that a seed parser that finds nothing (or half) cannot pass the coverage check vacuously.
    private static final int SEED_OPERATIONS = 14;
    private static final int SEED_PATHS = 10;
    // Docker's reference (info.version 2-beta) has 54 operations; pinned for the same reason.
    private static final int REFERENCE_OPERATIONS = 54;

    private static SpecDocument spec;

    private static synchronized SpecDocument spec() {
        if (!Files.isRegularFile(SPEC)) {
            fail("spec/docker-hub-api.yaml missing: expected it at " + SPEC.toAbsolutePath().normalize());
        }
        if (spec == null) {
            spec = SpecDocument.load(SPEC);
        }
        return spec;
    }

    @Test
    void parsesWithoutErrorsOrWarnings() {
        Problems.assertNone("swagger-parser messages", SpecChecks.parserMessages(spec()));
    }

    @Test
    void isOpenApi303() {
        Problems.assertNone("version problems", SpecChecks.openApiVersion(spec()));
    }

    @Test
    void everyOperationIsFullyDescribed() {
        Problems.assertNone("operation problems", SpecChecks.operationMetadata(spec()));
    }

    @Test
    void everyOperationDeclaresSecurityAndBearerAuthIsAJwt() {
        Problems.assertNone("security problems", SpecChecks.security(spec()));
    }

    @Test
    void everyExampleMatchesItsSchema() {
        Problems.assertNone("invalid examples", SpecChecks.exampleValidity(spec()));
    }

    @Test
    void everyRequestBodyAndJsonResponseHasAnExample() {
        Problems.assertNone("missing examples", SpecChecks.examplePresence(spec()));
    }

    @Test
    void everyComponentIsUsed() {
        Problems.assertNone("unused components", SpecChecks.unusedComponents(spec()));
    }

    @Test
    void everyParameterIsTypedAndPagingIsBounded() {
        Problems.assertNone("parameter problems", SpecChecks.parameters(spec()));
    }

    @Test
    void coversEveryOperationOfTheSeed() {
        List<SeedDocument.SeedOperation> seed = SeedDocument.read(SEED);
        assertThat(seed).as("request lines parsed from %s", SEED).hasSize(SEED_OPERATIONS);
        assertThat(seed.stream().map(SeedDocument.SeedOperation::path).distinct())
                .as("distinct paths in %s", SEED).hasSize(SEED_PATHS);
        Problems.assertNone("seed operations missing from the spec", SpecChecks.seedCoverage(spec(), seed));
    }

    @Test
    void everyListOperationDeclaresHowItPages() {
        Problems.assertNone("x-hub-paging problems", HubConventions.paging(spec()));
    }

    @Test
    void everyLinkedPageImplementsLinkedPage() {
        Problems.assertNone("x-implements problems", HubConventions.implementsMarker(spec()));
    }

    @Test
    void anonymousAccessIsMarkedExactlyWhereSecurityAllowsIt() {
        Problems.assertNone("x-hub-anonymous problems", HubConventions.anonymousMarker(spec()));
    }

    @Test
    void legacyPathsUseTheOperationsParameters() {
        Problems.assertNone("x-hub-legacy-paths problems", HubConventions.legacyPaths(spec()));
    }

    @Test
    void exceptionKindsAreOnSharedResponsesAndEveryConflictIsOne() {
        Problems.assertNone("x-hub-exception problems", HubConventions.exceptionMarker(spec()));
    }

    @Test
    void everySuccessCarriesRateLimitHeadersAndEveryOperationDeclares429() {
        Problems.assertNone("rate-limit problems", HubConventions.rateLimits(spec()));
    }

    @Test
    void headAnswersHaveNoBodies() {
        Problems.assertNone("HEAD problems", HubConventions.headWithoutBodies(spec()));
    }

    @Test
    void everySecretIsMasked() {
        Problems.assertNone("unmasked secrets", HubConventions.secrets(spec()));
    }

    /** reference-operations.txt is a test resource derived from Docker's reference; nothing outside the module is read. */
    @Test
    void coversDockerReferenceAndMarksEveryOtherOperation() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/reference-operations.txt").toURI());
        List<String> reference = HubConventions.readReferenceOperations(file);
        assertThat(reference).as("operations listed in %s", file).hasSize(REFERENCE_OPERATIONS).doesNotHaveDuplicates();
        Problems.assertNone("reference coverage problems", HubConventions.referenceCoverage(spec(), reference));
    }

    @Test
    void isPackagedAsTheClasspathResourceDockerHubApiYaml() throws IOException {
        byte[] onDisk = Files.readAllBytes(spec().path());
        try (InputStream resource = getClass().getResourceAsStream("/docker-hub-api.yaml")) {
            assertThat(resource).as("classpath resource /docker-hub-api.yaml").isNotNull();
            assertThat(resource.readAllBytes()).isEqualTo(onDisk);
        }
    }
}
