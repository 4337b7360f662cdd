package io.github.hubsdk.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The JUnit 5 example in the README is a real test class of this module, copied verbatim. */
class DocsExampleTest {

  @Test
  void theDocumentedExampleIsFieldInjectionExampleTest() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/io/github/hubsdk/emulator/junit/example/FieldInjectionExampleTest.java"));
    String docs = Files.readString(Path.of("../README.md"));

    assertThat(docs).contains("```java\n" + source.strip() + "\n```");
  }
}
