package io.github.hubsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * action.yml against the rules of GitHub's metadata syntax for composite actions (the schema is not available
 * offline here, so its rules for this kind of action are checked one by one), and the README's workflow example.
 */
class ActionYamlTest {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theActionIsAValidCompositeAction() throws Exception {
    JsonNode a = YAML.readTree(Files.readString(Path.of("action.yml")));
    assertThat(Set.of("name", "description", "author", "branding", "inputs", "outputs", "runs"))
        .containsAll(iterable(a.fieldNames()));
    assertThat(a.get("name").asText()).isNotBlank();
    assertThat(a.get("description").asText()).isNotBlank();
    a.get("inputs").fields().forEachRemaining(e -> {
      assertThat(e.getKey()).matches("[A-Za-z_][A-Za-z0-9_-]*");
      assertThat(e.getValue().get("description").asText()).as(e.getKey()).isNotBlank();
      assertThat(Set.of("description", "required", "default", "deprecationMessage"))
          .containsAll(iterable(e.getValue().fieldNames()));
    });
    a.get("outputs").fields().forEachRemaining(e -> {
      assertThat(e.getValue().get("description").asText()).isNotBlank();
      assertThat(e.getValue().get("value").asText()).as("composite outputs need a value").contains("${{");
    });
    JsonNode runs = a.get("runs");
    assertThat(runs.get("using").asText()).isEqualTo("composite");
    assertThat(runs.get("steps").size()).isPositive();
    for (JsonNode step : runs.get("steps")) {
      assertThat(step.has("run") ^ step.has("uses")).as("a step runs or uses: " + step).isTrue();
      if (step.has("run")) {
        assertThat(step.get("shell").asText()).as("composite run steps need a shell").isEqualTo("bash");
        assertThat(step.get("run").asText()).as("inputs reach scripts through env, never interpolated")
            .doesNotContain("${{");
      }
    }
    Matcher refs = Pattern.compile("\\$\\{\\{\\s*inputs\\.([A-Za-z0-9_-]+)").matcher(Files.readString(
        Path.of("action.yml")));
    while (refs.find()) {
      assertThat(a.get("inputs").has(refs.group(1))).as("input " + refs.group(1) + " is declared").isTrue();
    }
    assertThat(a.at("/branding/icon").asText()).isNotBlank();
  }

  @Test
  void theReadmeWorkflowExampleParsesAndUsesTheAction() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(m.find()).as("a yaml block").isTrue();
    JsonNode wf = YAML.readTree(m.group(1));
    // YAML 1.1 readers take the key on as the boolean true; GitHub reads it as "on".
    JsonNode on = wf.has("on") ? wf.get("on") : wf.get("true");
    assertThat(on.at("/schedule/0/cron").asText()).matches("[0-9*/,-]+( [0-9*/,-]+){4}");
    JsonNode steps = wf.get("jobs").elements().next().get("steps");
    boolean usesAction = false;
    for (JsonNode s : steps) {
      usesAction |= s.path("uses").asText().startsWith("hubsdk/hubsdk-java/cli@");
    }
    assertThat(usesAction).isTrue();
  }

  static <T> Iterable<T> iterable(Iterator<T> it) {
    return () -> it;
  }
}
