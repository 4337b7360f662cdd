package io.github.hubsdk.spec.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The regeneration-safety gate: docker-hub-api.yaml against baseline/docker-hub-api.yaml (the spec of the last
 * release; until there is one, the spec as of the first publishable build).
 *
 * <p>Fails on a breaking change unless the project's major version is greater than baseline/VERSION's, or
 * {@code -Dhubsdk.allowBreakingSpecChanges=true}, or the change is one of the reviewed lines of
 * {@code src/test/resources/compat/accepted-breaking-changes.txt} for this baseline (see
 * {@link AcceptedBreakingChanges}; that list must stay exact). Writes target/spec-compat/spec-diff.md and .html
 * either way.
 */
class SpecBaselineCheckTest {

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by spec/pom.xml)", name).isNotBlank();
        return value;
    }

    private static AcceptedBreakingChanges accepted() {
        URL list = SpecBaselineCheckTest.class.getResource("/compat/accepted-breaking-changes.txt");
        try {
            return list == null ? AcceptedBreakingChanges.none() : AcceptedBreakingChanges.read(Path.of(list.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void specHasNoUnannouncedBreakingChange() throws IOException {
        Path current = Path.of(property("hubsdk.spec.file"));
        Path baselineDir = Path.of(property("hubsdk.spec.baseline.dir"));
        Path baseline = baselineDir.resolve("docker-hub-api.yaml");
        Path reportDir = Path.of(property("hubsdk.spec.report.dir"));
        String version = property("hubsdk.revision");
        boolean allowed = Boolean.parseBoolean(property("hubsdk.allowBreakingSpecChanges"));
        assertThat(baseline).as("the baseline spec").exists();
        String baselineVersion = Files.readString(baselineDir.resolve("VERSION"), StandardCharsets.UTF_8).strip();
        boolean majorBumped = SpecVersionPolicy.majorBumped(baselineVersion, version);

        SpecCompatibility.Result result = SpecCompatibility.compare(baseline, current);
        AcceptedBreakingChanges.Verdict reviewed = accepted().apply(baselineVersion, result.breakingChanges());

        boolean fails = !reviewed.unaccepted().isEmpty() && !allowed && !majorBumped;
        List<String> verdict = new ArrayList<>();
        verdict.add("Baseline: `spec/baseline/docker-hub-api.yaml` (version " + baselineVersion + "); current: `spec/docker-hub-api.yaml` (version " + version + ").");
        if (!reviewed.accepted().isEmpty()) {
            verdict.add(reviewed.accepted().size() + " breaking change(s) are listed as reviewed and accepted in"
                    + " `spec/src/test/resources/compat/accepted-breaking-changes.txt`.");
        }
        if (!result.changed()) {
            verdict.add("**Verdict: PASS** - no changes.");
        } else if (!result.breaking()) {
            verdict.add("**Verdict: PASS** - compatible changes only.");
        } else if (reviewed.unaccepted().isEmpty()) {
            verdict.add("**Verdict: PASS (reviewed breaking changes)** - every breaking change is listed in"
                    + " accepted-breaking-changes.txt for baseline " + baselineVersion + ".");
        } else if (fails) {
            verdict.add("**Verdict: FAIL** - breaking changes without a major version bump. Either undo them, or bump the"
                    + " major part of `revision` in the root pom.xml above " + SpecVersionPolicy.major(baselineVersion)
                    + ", or build with `-Dhubsdk.allowBreakingSpecChanges=true` (see docs/changing-the-spec.md).");
        } else {
            verdict.add("**Verdict: PASS (breaking changes accepted)** - " + (majorBumped
                    ? "the major version " + SpecVersionPolicy.major(version) + " is greater than the baseline's."
                    : "-Dhubsdk.allowBreakingSpecChanges=true."));
        }
        Path report = SpecCompatibility.writeReport(result, "docker-hub-api.yaml compared with its baseline", verdict, reportDir);

        StringBuilder console = new StringBuilder("\n[spec-compat] ");
        console.append(result.breaking() ? result.breakingChanges().size() + " breaking change(s)"
                : result.changed() ? "compatible changes only" : "no changes").append(" against baseline ").append(baselineVersion);
        result.breakingChanges().forEach(b -> console.append("\n[spec-compat]   - ").append(b)
                .append(reviewed.accepted().contains(b) ? "  (accepted: accepted-breaking-changes.txt)" : ""));
        console.append("\n[spec-compat] report: ").append(report.toAbsolutePath())
                .append("\n[spec-compat]         ").append(reportDir.resolve("spec-diff.html").toAbsolutePath());
        System.out.println(console);

        if (!reviewed.problems().isEmpty()) {
            fail("compat/accepted-breaking-changes.txt is out of date:\n  - " + String.join("\n  - ", reviewed.problems()));
        }
        if (fails) {
            fail("Breaking change(s) to docker-hub-api.yaml against the baseline (version " + baselineVersion + "):\n  - "
                    + String.join("\n  - ", reviewed.unaccepted())
                    + "\nReport: " + report.toAbsolutePath()
                    + "\nBump the major version or pass -Dhubsdk.allowBreakingSpecChanges=true if this is intended.");
        }
    }
}
