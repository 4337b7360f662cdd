package com.example.hubsdkconsumer;

import io.github.hubsdk.openapi.ApiClient;
import io.github.hubsdk.openapi.model.AccessToken;
import io.github.hubsdk.spec.OpenApiDocument;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A user's program built only from the published hubsdk artifacts. */
public final class ConsumerMain {
    public static void main(String[] args) throws Exception {
        try (InputStream in = OpenApiDocument.openStream()) {
            String first = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            System.out.println("CONSUMER spec first line: " + first);
        }
        AccessToken token = new AccessToken().tokenLabel("from-consumer");
        System.out.println("CONSUMER model: " + token.getTokenLabel());
        // Builds the Feign client: proves its runtime dependencies (OkHttp, Kotlin, Jackson) came along.
        ApiClient client = new ApiClient().setBasePath("http://127.0.0.1:1");
        System.out.println("CONSUMER api client: " + client.getClass().getName());
        System.out.println("CONSUMER OK");
    }
}
