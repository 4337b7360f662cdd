package io.github.hubsdk.contracts.secrets;

import io.github.hubsdk.contracts.Contract;
import io.github.hubsdk.contracts.provider.states.AuthenticationStates;
import io.github.hubsdk.emulator.DockerHubEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds secrets in the text of a pact file. */
public final class PactSecrets {

  /** The one PAT-shaped value a pact may hold: the example of the createAccessToken answer. */
  static final String EXAMPLE_PAT = "dckr_pat_EXAMPLEnotArealSecret0000000";
  /** The example secret of the organization access token interactions. */
  static final String EXAMPLE_OAT = "dckr_oat_EXAMPLEnotArealSecret0000000";
  private static final Pattern PAT = Pattern.compile("dckr_(pat|oat)_[A-Za-z0-9_-]+");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private PactSecrets() {
  }

  /**
   * @param pactText the pact file's content
   * @param knownSecrets passwords, codes and tokens handed to the SDK or the provider states
   * @return one line per finding; empty when the text is clean
   */
  public static List<String> findings(String pactText, Collection<String> knownSecrets) {
    List<String> out = new ArrayList<>();
    for (String secret : knownSecrets) {
      if (secret != null && !secret.isBlank() && pactText.contains(secret)) {
        out.add("contains a known secret (" + secret.length() + " characters, starting " + secret.charAt(0) + ")");
      }
    }
    Matcher pat = PAT.matcher(pactText);
    while (pat.find()) {
      if (!pat.group().equals(EXAMPLE_PAT) && !pat.group().equals(EXAMPLE_OAT)) {
        out.add("contains an access token that is not the example: " + pat.group().substring(0, 12) + "...");
      }
    }
    Matcher jwt = JWT.matcher(pactText);
    while (jwt.find()) {
      if (!jwt.group().equals(Contract.FAKE_JWT)) {
        out.add("contains a JWT that is not the fake one: " + jwt.group().substring(0, 12) + "...");
      }
    }
    return out;
  }

  /**
   * Replaces every access token ({@code dckr_pat_}/{@code dckr_oat_}) and JWT-shaped value in a text, e.g. a
   * failing live verification's message, except the fake examples the pacts hold.
   *
   * @param text any text; null stays null
   * @return the text with each such value replaced by {@code dckr_pat_<redacted>} / {@code <redacted JWT>}, and
   *     the SCIM tokens of this run by {@code <redacted SCIM token>}
   */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = PAT.matcher(text).replaceAll(m -> m.group().equals(EXAMPLE_PAT) ? m.group()
        : Matcher.quoteReplacement("dckr_" + m.group(1) + "_<redacted>"));
    out = JWT.matcher(out).replaceAll(m -> m.group().equals(Contract.FAKE_JWT) ? m.group() : "<redacted JWT>");
    // SCIM tokens have no recognisable shape: the ones this run knows are masked by value.
    for (String scim : new String[] {System.getenv("DOCKERHUB_SCIM_TOKEN"),
        io.github.hubsdk.contracts.states.ScimState.EMULATOR_SCIM_TOKEN,
        io.github.hubsdk.contracts.live.LiveConfig.EMULATOR_SCIM_TOKEN}) {
      if (scim != null && !scim.isBlank()) {
        out = out.replace(scim, "<redacted SCIM token>");
      }
    }
    return out;
  }

  /**
   * The secrets no pact may contain: those the consumer tests hand to the SDK, those the emulator's provider
   * states use, and the live credentials when set.
   */
  public static List<String> knownSecrets() {
    List<String> secrets = new ArrayList<>(List.of(Contract.CONSUMER_PASSWORD, Contract.CONSUMER_2FA_CODE,
        DockerHubEmulator.DEFAULT_PASSWORD, AuthenticationStates.TWO_FACTOR_PASSWORD,
        AuthenticationStates.TWO_FACTOR_CODE));
    secrets.add(System.getenv("DOCKERHUB_PASSWORD"));
    secrets.add(System.getenv("DOCKERHUB_TOKEN"));
    secrets.add(io.github.hubsdk.contracts.states.ScimState.EMULATOR_SCIM_TOKEN);
    secrets.add(io.github.hubsdk.contracts.live.LiveConfig.EMULATOR_SCIM_TOKEN);
    secrets.add(System.getenv("DOCKERHUB_SCIM_TOKEN"));
    return secrets;
  }

  /**
   * Scans every pact file in {@link Contract#pactDir()}.
   *
   * @return one line per finding, prefixed with the file; empty when every file is clean
   * @throws IllegalStateException when the directory holds no pact file
   */
  public static List<String> scanPactDir() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Contract.pactDir())) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no pact files in " + Contract.pactDir());
    }
    List<String> out = new ArrayList<>();
    for (Path file : files) {
      for (String finding : findings(Files.readString(file), knownSecrets())) {
        out.add(file + ": " + finding);
      }
    }
    return out;
  }
}
