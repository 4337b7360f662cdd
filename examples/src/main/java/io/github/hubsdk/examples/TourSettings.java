package io.github.hubsdk.examples;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.emulator.Main;
import java.util.Map;
import java.util.Optional;

/**
 * Where the tour runs, read from environment variables. Without {@code DOCKERHUB_USERNAME} it runs
 * against an embedded emulator; with it (and {@code DOCKERHUB_PASSWORD} or {@code DOCKERHUB_TOKEN}) against
 * the live Docker Hub, or {@code DOCKERHUB_BASE_URL} when set. {@link #toString()} hides the secret.
 *
 * @param live whether to use a real Hub instead of the embedded emulator
 * @param baseUrl the API's base URL; null for the embedded emulator's
 * @param username the Docker ID
 * @param password the password, or null
 * @param token a personal access token, used when no password is given; or null
 * @param namespace the namespace whose images the tour reads (default: the username)
 * @param repository the repository whose images the tour reads, or null
 * @param org the organization whose audit log and settings the tour reads, or null
 */
public record TourSettings(boolean live, String baseUrl, String username, String password, String token,
    String namespace, String repository, String org) {

  /** Environment variable names. */
  public static final String USERNAME = "DOCKERHUB_USERNAME";
  /** The password; preferred over {@link #TOKEN} because only a password login can manage tokens. */
  public static final String PASSWORD = "DOCKERHUB_PASSWORD";
  /** A personal access token. */
  public static final String TOKEN = "DOCKERHUB_TOKEN";
  /** The namespace for images (default: the username). */
  public static final String NAMESPACE = "DOCKERHUB_NAMESPACE";
  /** The repository for images. */
  public static final String REPOSITORY = "DOCKERHUB_REPOSITORY";
  /** The organization for audit logs and settings. */
  public static final String ORG = "DOCKERHUB_ORG";
  /** The API base URL (default https://hub.docker.com). */
  public static final String BASE_URL = "DOCKERHUB_BASE_URL";

  /**
   * Reads the settings; pass {@code System.getenv()} or, in tests, any map.
   *
   * @param env the environment
   * @return the settings
   * @throws IllegalArgumentException when a username is given without a password or token
   */
  public static TourSettings fromEnv(Map<String, String> env) {
    String username = get(env, USERNAME);
    if (username == null) {
      return embedded(Main.DEMO_USERNAME, Main.DEMO_PASSWORD, Main.DEMO_ORG, Main.DEMO_REPOSITORY, Main.DEMO_ORG);
    }
    String password = get(env, PASSWORD);
    String token = get(env, TOKEN);
    if (password == null && token == null) {
      throw new IllegalArgumentException(USERNAME + " is set, so the tour would run against Docker Hub, but neither "
          + PASSWORD + " nor " + TOKEN + " is");
    }
    String baseUrl = Optional.ofNullable(get(env, BASE_URL)).orElse("https://hub.docker.com");
    String namespace = Optional.ofNullable(get(env, NAMESPACE)).orElse(username);
    return new TourSettings(true, baseUrl, username, password, password == null ? token : null, namespace,
        get(env, REPOSITORY), get(env, ORG));
  }

  /**
   * Settings for an embedded emulator.
   *
   * @param username a seeded user
   * @param password its password
   * @param namespace the namespace whose images to read
   * @param repository the repository whose images to read
   * @param org the organization whose audit log and settings to read
   * @return the settings (base URL filled in when the emulator starts)
   */
  public static TourSettings embedded(String username, String password, String namespace, String repository,
      String org) {
    return new TourSettings(false, null, username, password, null, namespace, repository, org);
  }

  /**
   * The same settings with another base URL.
   *
   * @param url the base URL
   * @return a copy
   */
  public TourSettings withBaseUrl(String url) {
    return new TourSettings(live, url, username, password, token, namespace, repository, org);
  }

  /**
   * The credentials to log in with.
   *
   * @return a password login, or a personal access token login when only a token is given
   */
  public Credentials credentials() {
    return password != null ? Credentials.password(username, password)
        : Credentials.personalAccessToken(username, token);
  }

  /**
   * Whether the login can manage personal access tokens (Docker Hub refuses that to PAT logins).
   *
   * @return true for a password login
   */
  public boolean canManageTokens() {
    return password != null;
  }

  private static String get(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  @Override
  public String toString() {
    return "TourSettings[live=" + live + ", baseUrl=" + baseUrl + ", username=" + username + ", secret=****"
        + ", namespace=" + namespace + ", repository=" + repository + ", org=" + org + "]";
  }
}
