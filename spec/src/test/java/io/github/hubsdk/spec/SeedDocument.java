package io.github.hubsdk.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The request lines of the Postman-derived seed document (kept as spec/seed/docker-hub-api.md). */
final class SeedDocument {

    // The query part may contain spaces ("active_from=tempor in sit in"), so take the rest of the line.
    private static final Pattern REQUEST_LINE =
            Pattern.compile("(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS|TRACE)\\s+\\{\\{baseUrl}}(\\S.*)");
    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{[^/}]*}");

    record SeedOperation(String method, String path, String line) {
    }

    private SeedDocument() {
    }

    static List<SeedOperation> read(Path markdown) {
        if (!Files.isRegularFile(markdown)) {
            throw new IllegalStateException("Seed document missing: " + markdown.toAbsolutePath().normalize()
                    + " (the repository keeps it as spec/seed/docker-hub-api.md;"
                    + " set -Dhubsdk.seed.file to point elsewhere)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SeedOperation> operations = new ArrayList<>();
        boolean inFence = false;
        for (String line : lines) {
            String text = line.strip();
            if (text.startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            Matcher m = REQUEST_LINE.matcher(text);
            if (inFence && m.matches()) {
                String target = m.group(2);
                int query = target.indexOf('?');
                String path = (query < 0 ? target : target.substring(0, query)).strip();
                operations.add(new SeedOperation(m.group(1), toTemplate(path), text));
            }
        }
        return operations;
    }

    /** {@code /v2/orgs/:name/settings} becomes {@code /v2/orgs/{name}/settings}. */
    static String toTemplate(String path) {
        return Stream.of(path.split("/", -1))
                .map(segment -> segment.startsWith(":") ? "{" + segment.substring(1) + "}" : segment)
                .collect(Collectors.joining("/"));
    }

    /** Parameter names are not part of a path's identity: {@code /a/{x}} and {@code /a/{y}} are one path. */
    static String shape(String templatePath) {
        return TEMPLATE_PARAM.matcher(templatePath).replaceAll("{}");
    }
}
