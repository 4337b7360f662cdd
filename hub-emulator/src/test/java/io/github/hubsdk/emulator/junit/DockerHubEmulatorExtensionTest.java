package io.github.hubsdk.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.Seeder;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs sample test classes (static nested classes, which Surefire does not pick up by itself) through the
 * JUnit Platform launcher and checks what the extension did to them.
 */
class DockerHubEmulatorExtensionTest {

  /** What the samples saw, by key; read after the launcher returns. */
  static final Map<String, Object> SEEN = new ConcurrentHashMap<>();
  static final String SDK_VISIBLE = "hubsdk.test.emulatorOnly.sdkVisible";

  static TestExecutionSummary run(Class<?> sample) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample)).build(), listener);
    return listener.getSummary();
  }

  static String failures(TestExecutionSummary summary) {
    return summary.getFailures().stream()
        .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
        .collect(Collectors.joining("\n"));
  }

  static void assertRefused(int port) {
    assertThatThrownBy(() -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      }
    }).as("port %d after the class ended", port).isInstanceOf(ConnectException.class);
  }

  // --- samples ------------------------------------------------------------------------------------------

  @EnableDockerHubEmulator
  static class ClosedAfterTheClass {
    static DockerHubEmulator hub;
    static DockerHubClient client;

    @Test
    void useBoth() {
      SEEN.put("closed.hub", hub);
      assertThat(client.accessTokens().list().toList()).isEmpty();
    }
  }

  @EnableDockerHubEmulator(resetBeforeEach = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ScenarioWithoutReset {
    DockerHubClient client;

    @Test
    @Order(1)
    void create() {
      client.accessTokens().create("step-1", List.of(AccessTokenScope.REPO_READ));
    }

    @Test
    @Order(2)
    void stillThere() {
      assertThat(client.accessTokens().list().toList()).hasSize(1);
    }
  }

  @EnableDockerHubEmulator
  static class BadSeedSignature {
    @EmulatorSeed
    static String seed(Seeder s) {
      return "no";
    }

    @Test
    void never() {}
  }

  @EnableDockerHubEmulator
  static class InstanceSeedInPerClassMode {
    @EmulatorSeed
    void seed(Seeder s) {}

    @Test
    void never() {}
  }

  @EnableDockerHubEmulator(perTest = true)
  static class PerTestHasNothingInBeforeAll {
    @org.junit.jupiter.api.BeforeAll
    static void before(DockerHubEmulator hub) {}

    @Test
    void never() {}
  }

  @EnableDockerHubEmulator(defaultSeed = false)
  static class NoDefaultUserForTheClient {
    @Test
    void never(DockerHubClient client) {}
  }

  @EnableDockerHubEmulator(clock = "yesterday")
  static class BadClock {
    @Test
    void never(DockerHubEmulator hub) {}
  }

  @EnableDockerHubEmulator
  static class EmulatorOnly {
    static DockerHubEmulator hub;
    String otherField = "not injected";

    @Test
    void works(DockerHubEmulator parameter, org.junit.jupiter.api.TestInfo otherParameter) {
      assertThat(otherField).isEqualTo("not injected");
      assertThat(parameter).isSameAs(hub);
      assertThat(hub.accessTokenFor(DockerHubEmulator.DEFAULT_USERNAME)).isNotBlank();
      // a system property: this class is defined by another class loader than the test that reads it
      System.setProperty(SDK_VISIBLE, String.valueOf(canLoad("io.github.hubsdk.client.DockerHubClient")));
    }

    private static boolean canLoad(String name) {
      try {
        Class.forName(name, false, EmulatorOnly.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | NoClassDefFoundError e) {
        return false;
      }
    }
  }

  // --- tests ---------------------------------------------------------------------------------------------

  @Test
  void closesTheEmulatorWhenTheClassEnds() {
    TestExecutionSummary summary = run(ClosedAfterTheClass.class);
    assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertRefused(((DockerHubEmulator) SEEN.get("closed.hub")).port());
  }

  @Test
  void resetBeforeEachFalseKeepsStateAcrossTests() {
    TestExecutionSummary summary = run(ScenarioWithoutReset.class);
    assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
  }

  @Test
  void misconfigurationsFailWithAClearMessage() {
    assertThat(failures(run(BadSeedSignature.class)))
        .contains("@EmulatorSeed method", "must take exactly one io.github.hubsdk.emulator.Seeder and return void");
    assertThat(failures(run(InstanceSeedInPerClassMode.class)))
        .contains("must be static", "perTest = true");
    assertThat(failures(run(PerTestHasNothingInBeforeAll.class)))
        .contains("perTest = true", "there is none in @BeforeAll");
    assertThat(failures(run(NoDefaultUserForTheClient.class)))
        .contains("defaultSeed = false", "set username and password");
    assertThat(failures(run(BadClock.class)))
        .contains("clock = \"yesterday\"", "ISO-8601");
  }

  @Test
  void injectsTheEmulatorWhenTheSdkIsNotOnTheClasspath() throws Exception {
    ClassLoader withoutSdk = new WithoutSdk(getClass().getClassLoader());
    assertThatThrownBy(() -> withoutSdk.loadClass("io.github.hubsdk.client.DockerHubClient"))
        .isInstanceOf(ClassNotFoundException.class);
    Class<?> sample = Class.forName(EmulatorOnly.class.getName(), true, withoutSdk);
    assertThat(sample.getClassLoader()).isSameAs(withoutSdk);

    TestExecutionSummary summary = run(sample);

    assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(System.getProperty(SDK_VISIBLE)).isEqualTo("false");
    System.clearProperty(SDK_VISIBLE);
  }

  /**
   * Defines the emulator, the extension and the samples itself and refuses every SDK class, as a test
   * classpath without hubsdk-sdk-extensions would; JUnit, AssertJ, Jackson and hubsdk-model (the
   * emulator's own dependency: generated models, catalogue, JSON mapping) come from the parent.
   */
  static final class WithoutSdk extends ClassLoader {
    WithoutSdk(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      boolean model = name.startsWith("io.github.hubsdk.openapi.model.")
          || name.startsWith("io.github.hubsdk.openapi.catalog.") || name.startsWith("io.github.hubsdk.openapi.json.");
      if (name.startsWith("io.github.hubsdk.client.") || (name.startsWith("io.github.hubsdk.openapi.") && !model)) {
        throw new ClassNotFoundException(name + " (hidden: no SDK on this classpath)");
      }
      if (!name.startsWith("io.github.hubsdk.emulator.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            c = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return c;
      }
    }
  }
}
