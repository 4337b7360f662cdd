package io.github.hubsdk.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.provider.ConsumerInfo;
import au.com.dius.pact.provider.ProviderClient;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationResult;
import io.github.hubsdk.contracts.Contract;
import io.github.hubsdk.contracts.catalogue.ConsumerInteractions;
import io.github.hubsdk.contracts.secrets.PactSecrets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;

/**
 * The proof that the pact is self-contained: pact-jvm's provider verifier against the standalone jar, started
 * as a separate process ({@code java -jar ...-standalone.jar --port 0 --no-demo-seed}), configured with
 * nothing but the emulator's state-change URL. No {@code @State} method, no request filter, no hook: exactly
 * what a Python, JavaScript or Go team's verifier can do. Every interaction must verify.
 */
class StandaloneEmulatorPactIT {

  @Test
  void everyInteractionVerifiesWithTheStateChangeUrlAlone() throws Exception {
    Pact pact = DefaultPactReader.INSTANCE.loadPact(Contract.pactFile().toFile());
    assertThat(ConsumerInteractions.differences(pact)).as("%s against the consumer tests", Contract.pactFile())
        .isEmpty();
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        standaloneJar().toString(), "--port", "0", "--no-demo-seed").redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String banner = out.readLine();
      assertThat(banner).as("the jar's banner").isNotNull();
      Matcher url = Pattern.compile("listening on (http://\\S+)").matcher(banner);
      assertThat(url.find()).as(banner).isTrue();
      URI base = URI.create(url.group(1));
      drain(out);

      ProviderInfo provider = new ProviderInfo(Contract.PROVIDER, "http", base.getHost(), base.getPort(), "/");
      provider.setStateChangeUrl(base.resolve("/_emulator/pact/provider-states").toURL());
      provider.setStateChangeUsesBody(true);
      provider.setStateChangeTeardown(true);
      ConsumerInfo consumer = new ConsumerInfo(Contract.CONSUMER);
      ProviderVerifier verifier = new ProviderVerifier();
      // The 429 interactions must see the 429 itself, not the client's retry after Retry-After. One pooled client
      // for every request: pact-jvm asks its factory for a client per request and never closes one, so fresh
      // clients would leave a kept-alive connection each until the emulator's connection limit answers 503.
      CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries().disableRedirectHandling().build();
      ProviderClient client = new ProviderClient(provider, p -> http);

      List<String> failed = new ArrayList<>();
      int verified = 0;
      for (Interaction interaction : pact.getInteractions()) {
        Map<String, Object> failures = new LinkedHashMap<>();
        VerificationResult result = verifier.verifyInteraction(provider, consumer, failures, interaction, pact, null,
            client);
        if (result instanceof VerificationResult.Failed f) {
          // The emulator's JWTs are no one's secret, but the message format is shared with the live run: redact.
          failed.add(PactSecrets.redact(interaction.getDescription() + ": " + f.getDescription() + " " + failures
              + " " + f.getFailures()));
        } else {
          verified++;
        }
      }
      http.close();
      assertThat(failed).as("interactions that failed against the standalone emulator").isEmpty();
      assertThat(verified).isEqualTo(pact.getInteractions().size()).isPositive();
      System.out.printf("StandaloneEmulatorPactIT: verified %d of %d interactions against %s through %s alone%n",
          verified, pact.getInteractions().size(), base, provider.getStateChangeUrl());
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** The reactor's freshly packaged jar, else the installed one. */
  static Path standaloneJar() {
    List<Path> candidates = Stream.of(System.getProperty("hubsdk.standalone.jar"),
            System.getProperty("hubsdk.standalone.jar.installed"))
        .filter(p -> p != null && !p.isBlank()).map(Path::of).toList();
    return candidates.stream().filter(Files::isRegularFile).findFirst()
        .orElseThrow(() -> new AssertionError("no standalone emulator jar at " + candidates
            + "; build hub-emulator first (mvn -B verify, or install it)"));
  }

  /** Keeps the process from blocking on a full pipe. */
  private static void drain(BufferedReader out) {
    Thread t = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // the emulator's banner and log
        }
      } catch (java.io.IOException ignored) {
        // the process ended
      }
    }, "standalone-emulator-output");
    t.setDaemon(true);
    t.start();
  }
}
