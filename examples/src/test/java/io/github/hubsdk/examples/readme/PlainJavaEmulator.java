package io.github.hubsdk.examples.readme;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.emulator.MutableClock;
import io.github.hubsdk.emulator.Plan;
import io.github.hubsdk.emulator.SeededToken;
import java.time.Instant;

public class PlainJavaEmulator {

  public static void main(String[] args) {
    SeededToken[] ci = new SeededToken[1];
    try (DockerHubEmulator hub = DockerHubEmulator.builder()
            .clock(MutableClock.fixed(Instant.parse("2026-11-26T10:00:00Z")))
            .seed(s -> {
              s.user("mona", "s3cret").plan(Plan.TEAM).twoFactor("123456");
              s.org("acme", Plan.BUSINESS).owners("mona");
              s.repository("acme", "web").images(300);
              ci[0] = s.personalAccessToken("mona", "ci").scopes("repo:read").create();
            })
            .start();
         DockerHubClient mona = DockerHubClient.builder().baseUrl(hub.baseUrl()).clock(hub.clock())
            .credentials(Credentials.legacyLogin("mona", "s3cret", () -> "123456")).build(); // 2FA: with its code
         DockerHubClient ciJob = DockerHubClient.builder().baseUrl(hub.baseUrl()).clock(hub.clock())
            .credentials(Credentials.personalAccessToken("mona", ci[0].secret())).build()) {
      System.out.println("mona has " + mona.accessTokens().list().toList().size() + " token(s)");
      System.out.println("the CI token logs in as " + ciJob.account().getUsername());
    }
  }
}
