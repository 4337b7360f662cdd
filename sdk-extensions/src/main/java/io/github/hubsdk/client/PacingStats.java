package io.github.hubsdk.client;

import java.time.Duration;

/**
 * What a client's rate-limit pacing has done since it was built.
 *
 * @param enabled whether pacing is on ({@link DockerHubClient.Builder#rateLimitPacing(boolean)})
 * @param callsDelayed calls that waited for a rate-limit window to reset before they were sent
 * @param timeWaited the total time those calls waited
 */
public record PacingStats(boolean enabled, long callsDelayed, Duration timeWaited) {
}
