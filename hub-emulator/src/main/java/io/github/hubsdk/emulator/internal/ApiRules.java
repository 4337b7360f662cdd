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

  private ApiRules() {}
}
