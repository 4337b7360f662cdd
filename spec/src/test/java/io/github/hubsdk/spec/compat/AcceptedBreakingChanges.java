package io.github.hubsdk.spec.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Breaking changes against the baseline that were made on purpose and reviewed, one exact line of
 * {@link SpecCompatibility}'s output each, grouped under the baseline version they apply to:
 *
 * <pre>
 * # why (a comment line is required before each group of entries)
 * baseline 0.1.0
 * GET /v2/auditlogs/{account} response 401: response field 'code' removed
 * </pre>
 *
 * <p>Narrower than {@code -Dhubsdk.allowBreakingSpecChanges=true}: only the listed lines pass, any other
 * breaking change still fails the build. The list must stay exact: an entry that is no longer reported, or
 * a group for another baseline (after a release refreshed the baseline), is itself a problem, so the file
 * is emptied when the baseline moves on.
 */
public record AcceptedBreakingChanges(Map<String, Set<String>> byBaseline) {

    private static final String BASELINE = "baseline ";

    public static AcceptedBreakingChanges none() {
        return new AcceptedBreakingChanges(Map.of());
    }

    public static AcceptedBreakingChanges read(Path file) {
        try {
            return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AcceptedBreakingChanges parse(String source, List<String> lines) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        String current = null;
        boolean commented = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                commented = true;
                continue;
            }
            if (line.startsWith(BASELINE)) {
                if (!commented) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": say why above '" + line + "' (a # comment)");
                }
                current = line.substring(BASELINE.length()).strip();
                groups.computeIfAbsent(current, k -> new LinkedHashSet<>());
                commented = false;
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": an entry before any 'baseline <version>' line");
            }
            groups.get(current).add(line);
        }
        return new AcceptedBreakingChanges(groups);
    }

    /** Outcome of applying the list to one comparison. */
    public record Verdict(List<String> unaccepted, List<String> accepted, List<String> problems) {
    }

    /**
     * @param baselineVersion the baseline's VERSION
     * @param breaking what {@link SpecCompatibility} reports
     * @return the breaking changes not accepted, those accepted, and problems with the list itself
     */
    public Verdict apply(String baselineVersion, List<String> breaking) {
        Set<String> accepted = byBaseline.getOrDefault(baselineVersion, Set.of());
        List<String> unaccepted = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (String b : breaking) {
            (accepted.contains(b) ? used : unaccepted).add(b);
        }
        List<String> problems = new ArrayList<>();
        for (String a : accepted) {
            if (!breaking.contains(a)) {
                problems.add("accepted for baseline " + baselineVersion + " but no longer reported (remove it): " + a);
            }
        }
        byBaseline.keySet().stream().filter(v -> !v.equals(baselineVersion)).forEach(v ->
                problems.add("entries for baseline " + v + ", but the baseline is " + baselineVersion
                        + " (remove them: the baseline now contains those changes)"));
        return new Verdict(List.copyOf(unaccepted), List.copyOf(used), List.copyOf(problems));
    }
}
