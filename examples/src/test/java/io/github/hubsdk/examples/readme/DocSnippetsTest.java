package io.github.hubsdk.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of the project's Markdown is real code that a test compiles and runs: it must
 * equal a source file of some module ({@code src/test/java} or {@code src/main/java}), that file without its
 * {@code package} line, or a region of one between {@code // snippet:<name>} and {@code // end-snippet}
 * (indentation removed). {@code ```xml} blocks are Maven fragments, not Java: each is listed in
 * {@link #XML_BLOCKS} with why it is right; the user's pom of the JUnit quick start must name exactly the
 * artifacts the {@code examples} module compiles {@link MyDockerHubTest} with, at the build's own versions.
 */
class DocSnippetsTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```$", Pattern.DOTALL);
  static final Pattern START = Pattern.compile("^\\s*// snippet:([\\w.-]+)\\s*$");
  static final Pattern END = Pattern.compile("^\\s*// end-snippet\\s*$");
  static final Pattern DEPENDENCY = Pattern.compile("(?s)<dependency>.*?</dependency>");
  static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

  /** Maven fragments by a line they contain, and why each needs no Java source: keep this list short. */
  static final Map<String, String> XML_BLOCKS = Map.of(
      "<artifactId>hubsdk-sdk-extensions</artifactId>\n  <version>",
      "the SDK's coordinates; consumer-it's consume-bom project resolves this artifact on every build",
      "<artifactId>my-hub-automation</artifactId>",
      "a user's pom for the JUnit quick start; its dependencies and plugin pins are checked below",
      "<artifactId>hubsdk-bom</artifactId>",
      "the BOM import; consumer-it's consume-bom project imports the BOM exactly so");

  @Test
  void everyJavaBlockIsCodeUnderTest() {
    Map<String, String> sources = sources();
    List<String> unmatched = new ArrayList<>();
    int java = 0;
    for (Path doc : docs()) {
      for (Block block : blocks(doc)) {
        if (block.lang().equals("java")) {
          java++;
          if (!sources.containsKey(block.text())) {
            unmatched.add(ROOT.relativize(doc) + ":" + block.line() + " matches no source file or snippet region:\n"
                + block.text());
          }
        }
      }
    }
    assertThat(unmatched).isEmpty();
    assertThat(java).as("java blocks found").isGreaterThanOrEqualTo(6);
  }

  @Test
  void everyXmlBlockIsAccountedFor() {
    List<String> unexplained = new ArrayList<>();
    for (Path doc : docs()) {
      for (Block block : blocks(doc)) {
        if (block.lang().equals("xml")
            && XML_BLOCKS.keySet().stream().noneMatch(key -> block.text().contains(key))) {
          unexplained.add(ROOT.relativize(doc) + ":" + block.line() + "\n" + block.text());
        }
      }
    }
    assertThat(unexplained).isEmpty();
  }

  @Test
  void theUsersPomListsEveryTestDependency() throws IOException {
    Block deps = usersPom();
    String pom = Files.readString(ROOT.resolve("examples/pom.xml"));
    String dependencies = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
    Set<String> compiledWith = new TreeSet<>(artifacts(dependencies));
    compiledWith.remove("logback-classic"); // runtime only: the demo's log output, not needed to compile or run tests

    assertThat(new TreeSet<>(artifacts(deps.text()))).isEqualTo(compiledWith);
    assertThat(deps.text()).contains("<scope>test</scope>");
  }

  @Test
  void theQuickStartsPluginPinsAreTheBuildsOwn() throws IOException {
    Block plugins = usersPom();
    String pom = Files.readString(ROOT.resolve("pom.xml"));

    assertThat(plugins.text())
        .containsPattern("<artifactId>maven-compiler-plugin</artifactId>\\s*<version>"
            + Pattern.quote(property(pom, "compiler-plugin.version")) + "</version>")
        .containsPattern("<artifactId>maven-surefire-plugin</artifactId>\\s*<version>"
            + Pattern.quote(property(pom, "surefire.version")) + "</version>")
        .contains("<release>17</release>")
        .containsPattern("<artifactId>hubsdk-emulator</artifactId>\\s*<version>"
            + Pattern.quote(property(pom, "revision")) + "</version>")
        .containsPattern("<artifactId>junit-jupiter</artifactId>\\s*<version>"
            + Pattern.quote(property(pom, "junit.version")) + "</version>")
        .containsPattern("<artifactId>assertj-core</artifactId>\\s*<version>"
            + Pattern.quote(property(pom, "assertj.version")) + "</version>");
  }

  /** The user's pom of docs/emulator.md; the README's JUnit quick start names the same artifacts. */
  private static Block usersPom() {
    Block pom = blocks(ROOT.resolve("docs/emulator.md")).stream()
        .filter(b -> b.lang().equals("xml") && b.text().contains("<artifactId>my-hub-automation</artifactId>"))
        .findFirst().orElseThrow(() -> new AssertionError("docs/emulator.md has no user's pom"));
    String readme = readme();
    for (String artifact : artifacts(pom.text())) {
      assertThat(readme).as("the README's JUnit quick start names " + artifact).contains(":" + artifact + "`");
    }
    return pom;
  }

  private static String readme() {
    try {
      String text = Files.readString(ROOT.resolve("README.md"));
      int start = text.indexOf("## Quick start: the emulator in JUnit 5 tests");
      return text.substring(start, text.indexOf("\n## ", start + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertThat(m.find()).as(name + " in the root pom").isTrue();
    return m.group(1);
  }

  @Test
  void aRegionMatchesOnlyWhatIsBetweenItsMarkers() {
    Map<String, String> found = new LinkedHashMap<>();
    regions("x", List.of("class X {", "  void m() {", "    // snippet:demo", "    int a = 1;", "      a++;",
        "    // end-snippet", "  }", "}"), found);
    assertThat(found).containsKey("int a = 1;\n  a++;").hasSize(1);
  }

  record Block(String lang, String text, int line) {}

  static List<Path> docs() {
    List<Path> docs = new ArrayList<>();
    for (String top : List.of("README.md", "CONTRIBUTING.md", "SECURITY.md")) {
      if (Files.exists(ROOT.resolve(top))) {
        docs.add(ROOT.resolve(top));
      }
    }
    try (Stream<Path> md = Files.list(ROOT.resolve("docs")); Stream<Path> modules = Files.list(ROOT)) {
      md.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
      modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(docs::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  static List<Block> blocks(Path doc) {
    try {
      String text = Files.readString(doc);
      List<Block> blocks = new ArrayList<>();
      Matcher m = FENCE.matcher(text);
      while (m.find()) {
        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        blocks.add(new Block(m.group(1), normalize(m.group(2)), line));
      }
      return blocks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every whole file, file without its package line, and marked region, to the file it came from. */
  static Map<String, String> sources() {
    Map<String, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(ROOT, 12)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/test/java/") || p.toString().contains("/src/main/java/"))
          .filter(p -> !p.toString().contains("/target/")).toList()) {
        String text = Files.readString(file);
        String name = ROOT.relativize(file).toString();
        sources.put(normalize(text), name);
        sources.put(normalize(text.replaceFirst("^package [\\w.]+;\\n\\n?", "")), name);
        regions(name, text.lines().toList(), sources);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }

  static void regions(String name, List<String> lines, Map<String, String> into) {
    for (int i = 0; i < lines.size(); i++) {
      if (START.matcher(lines.get(i)).matches()) {
        int end = i + 1;
        while (end < lines.size() && !END.matcher(lines.get(end)).matches()) {
          end++;
        }
        List<String> body = lines.subList(i + 1, Math.min(end, lines.size()));
        int indent = body.stream().filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        into.put(normalize(body.stream().map(l -> l.isBlank() ? "" : l.substring(indent))
            .collect(Collectors.joining("\n"))), name);
      }
    }
  }

  /** The artifactIds of the {@code <dependency>} elements (plugins and comments aside). */
  static List<String> artifacts(String xml) {
    List<String> ids = new ArrayList<>();
    Matcher dependency = DEPENDENCY.matcher(xml.replaceAll("(?s)<!--.*?-->", ""));
    while (dependency.find()) {
      Matcher m = ARTIFACT.matcher(dependency.group());
      if (m.find()) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  static String normalize(String text) {
    return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
  }
}
