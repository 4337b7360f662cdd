package io.github.hubsdk.spec;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

final class Problems {

    private Problems() {
    }

    static void assertNone(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " " + what + ":\n  - " + String.join("\n  - ", problems));
        }
    }
}
