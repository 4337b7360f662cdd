package io.github.hubsdk.spec.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reviewed-exceptions list: only exact lines for the current baseline pass, and the list must stay exact. */
class AcceptedBreakingChangesTest {

    private static final String REMOVED = "GET /v2/x response 401: response field 'code' removed";
    private static final String OTHER = "GET /v2/x response 200: response field 'name' removed";

    private static AcceptedBreakingChanges list(String... lines) {
        return AcceptedBreakingChanges.parse("test", List.of(lines));
    }

    @Test
    void acceptsOnlyTheListedLines() {
        var verdict = list("# why", "baseline 0.1.0", REMOVED).apply("0.1.0", List.of(REMOVED, OTHER));
        assertThat(verdict.accepted()).containsExactly(REMOVED);
        assertThat(verdict.unaccepted()).containsExactly(OTHER);
        assertThat(verdict.problems()).isEmpty();
    }

    @Test
    void entriesForAnotherBaselineAcceptNothingAndAreReported() {
        var verdict = list("# why", "baseline 0.1.0", REMOVED).apply("1.0.0", List.of(REMOVED));
        assertThat(verdict.unaccepted()).containsExactly(REMOVED);
        assertThat(verdict.problems()).singleElement().asString().contains("entries for baseline 0.1.0", "the baseline is 1.0.0");
    }

    @Test
    void anEntryNoLongerReportedIsAProblem() {
        var verdict = list("# why", "baseline 0.1.0", REMOVED).apply("0.1.0", List.of());
        assertThat(verdict.problems()).singleElement().asString().contains("no longer reported", REMOVED);
    }

    @Test
    void eachGroupNeedsAReasonAndEntriesNeedAGroup() {
        assertThatThrownBy(() -> list("baseline 0.1.0", REMOVED)).hasMessageContaining("say why");
        assertThatThrownBy(() -> list("# why", REMOVED)).hasMessageContaining("before any 'baseline <version>' line");
    }

    @Test
    void noListAcceptsNothing() {
        var verdict = AcceptedBreakingChanges.none().apply("0.1.0", List.of(REMOVED));
        assertThat(verdict.unaccepted()).containsExactly(REMOVED);
        assertThat(verdict.problems()).isEmpty();
    }
}
