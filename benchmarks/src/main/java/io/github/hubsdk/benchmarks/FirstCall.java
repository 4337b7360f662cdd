package io.github.hubsdk.benchmarks;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.openapi.model.AccessToken;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The child process of {@link ColdStart}: one fresh JVM that logs in and reads one access token (two
 * HTTP requests), through the SDK or the baseline, then prints
 * {@code FIRST_CALL_DONE <ms since JVM start> <ms since main>} and exits.
 *
 * <p>Arguments: {@code sdk|baseline <baseUrl> <tokenUuid>}.
 */
public final class FirstCall {

  private FirstCall() {}

  /**
   * Runs the first call.
   *
   * @param args mode, base URL, token id
   */
  public static void main(String[] args) {
    long mainStart = System.nanoTime();
    System.out.println(run(args[0], args[1], UUID.fromString(args[2]), mainStart));
  }

  static String run(String mode, String baseUrl, UUID tokenId, long mainStartNanos) {
    AccessToken token;
    if (mode.equals("sdk")) {
      try (DockerHubClient hub = DockerHubClient.builder().baseUrl(baseUrl)
          .credentials(Credentials.password(Fixture.USER, Fixture.PASSWORD)).build()) {
        token = hub.accessTokens().get(tokenId);
      }
    } else if (mode.equals("baseline")) {
      Baseline baseline = new Baseline(baseUrl);
      baseline.login(Fixture.USER, Fixture.PASSWORD);
      token = baseline.getAccessToken(tokenId);
    } else {
      throw new IllegalArgumentException("mode must be sdk or baseline: " + mode);
    }
    if (!tokenId.equals(token.getUuid())) {
      throw new IllegalStateException("wrong token: " + token.getUuid());
    }
    long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    double sinceMain = (System.nanoTime() - mainStartNanos) / 1e6;
    return String.format(java.util.Locale.ROOT, "FIRST_CALL_DONE %d %.3f", sinceJvmStart, sinceMain);
  }
}
