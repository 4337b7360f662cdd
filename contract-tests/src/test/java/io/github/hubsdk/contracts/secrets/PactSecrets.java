package io.github.hubsdk.contracts.secrets;

import io.github.hubsdk.contracts.Contract;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds secrets in the text of a pact file. */
final class PactSecrets {

  /** The one PAT-shaped value a pact may hold: the example of the createAccessToken answer. */
  static final String EXAMPLE_PAT = "dckr_pat_EXAMPLEnotArealSecret0000000";
  private static final Pattern PAT = Pattern.compile("dckr_(pat|oat)_[A-Za-z0-9_-]+");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private PactSecrets() {
  }

  /**
   * @param pactText the pact file's content
   * @param knownSecrets passwords, codes and tokens handed to the SDK or the provider states
   * @return one line per finding; empty when the text is clean
   */
  static List<String> findings(String pactText, Collection<String> knownSecrets) {
    List<String> out = new ArrayList<>();
    for (String secret : knownSecrets) {
      if (secret != null && !secret.isBlank() && pactText.contains(secret)) {
        out.add("contains a known secret (" + secret.length() + " characters, starting " + secret.charAt(0) + ")");
      }
    }
    Matcher pat = PAT.matcher(pactText);
    while (pat.find()) {
      if (!pat.group().equals(EXAMPLE_PAT)) {
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
}
