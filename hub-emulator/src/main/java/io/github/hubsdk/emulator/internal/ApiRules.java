package io.github.hubsdk.emulator.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Value rules shared by the request handlers ({@link Hub}) and the seeding API, kept in one place so that
 * seeding cannot accept state the API would refuse (or the reverse). Internal API.
 */
public final class ApiRules {

  /** Personal access token scopes, strongest first: each implies the ones after it. */
  public static final List<String> SCOPES = List.of("repo:admin", "repo:write", "repo:read", "repo:public_read");

  /** An image digest: {@code sha256:} and 64 lower-case hex digits. Compiled once; thread-safe. */
  public static final Pattern DIGEST = Pattern.compile("^sha256:[a-f0-9]{64}$");

  /** A repository name: 2-255 characters, lower-case letters and digits separated by single {@code .}, {@code _}, {@code -}. */
  public static final Pattern REPOSITORY_NAME = Pattern.compile("^[a-z0-9]+(?:[._-][a-z0-9]+)*$");

  /** A tag: a word character, then up to 127 word characters, dots and dashes (Docker's reference grammar). */
  public static final Pattern TAG = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$");

  /** The live Hub's limits on a repository's short description and README. */
  public static final int MAX_DESCRIPTION = 100;
  public static final int MAX_FULL_DESCRIPTION = 25_000;

  /** Whether {@code name} is a valid repository name. */
  public static boolean repositoryName(String name) {
    return name != null && name.length() >= 2 && name.length() <= 255 && REPOSITORY_NAME.matcher(name).matches();
  }

  /**
   * Whether {@code secret} may be seeded as a known token secret: the kind's prefix ({@code dckr_pat_},
   * {@code dckr_oat_}) and 8-200 letters, digits, {@code _} or {@code -}, so it looks like what the Hub issues.
   */
  public static boolean knownSecret(String prefix, String secret) {
    return secret != null && secret.startsWith(prefix)
        && KNOWN_SECRET_BODY.matcher(secret.substring(prefix.length())).matches();
  }

  /** What {@link #knownSecret} requires, in words, for error messages. */
  public static String knownSecretRule(String prefix) {
    return prefix + " and 8-200 letters, digits, _ or -";
  }

  private static final Pattern KNOWN_SECRET_BODY = Pattern.compile("[A-Za-z0-9_-]{8,200}");

  private ApiRules() {}
}
