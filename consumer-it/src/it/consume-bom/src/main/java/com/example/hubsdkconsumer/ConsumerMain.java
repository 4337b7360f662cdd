package com.example.hubsdkconsumer;

import io.github.hubsdk.client.Credentials;
import io.github.hubsdk.client.DockerHubClient;
import io.github.hubsdk.emulator.DockerHubEmulator;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.openapi.model.AccessTokenScope;
import java.util.List;

/**
 * A user's program built only from the published hubsdk artifacts: starts the emulator, talks to it with
 * the SDK's facade, and lists the account's access tokens.
 */
public final class ConsumerMain {
    public static void main(String[] args) {
        try (DockerHubEmulator emulator = DockerHubEmulator.builder().start()) {
            System.out.println("CONSUMER emulator: " + emulator.baseUrl());
            try (DockerHubClient hub = DockerHubClient.builder()
                    .baseUrl(emulator.baseUrl())
                    .credentials(Credentials.password(DockerHubEmulator.DEFAULT_USERNAME, DockerHubEmulator.DEFAULT_PASSWORD))
                    .build()) {
                AccessToken created = hub.accessTokens().create("consumer-it", List.of(AccessTokenScope.REPO_READ));
                System.out.println("CONSUMER created token: " + created.getTokenLabel() + " " + created.getScopes());
                int count = 0;
                for (AccessToken token : hub.accessTokens().list()) {
                    System.out.println("CONSUMER token: " + token.getTokenLabel() + " active=" + token.getIsActive());
                    count++;
                }
                System.out.println("CONSUMER listed tokens: " + count);
                if (count < 1) {
                    throw new IllegalStateException("the token just created was not listed");
                }
            }
        }
        System.out.println("CONSUMER OK");
    }
}
