package io.github.hubsdk.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The Docker Hub OpenAPI 3.0 document that this artifact carries as the classpath resource
 * {@value #RESOURCE_NAME}: the same document the SDK is generated from.
 */
public final class OpenApiDocument {

    /** Name of the classpath resource (at the root of this jar). */
    public static final String RESOURCE_NAME = "docker-hub-api.yaml";

    private OpenApiDocument() {
    }

    /**
     * Location of the document.
     *
     * @return the URL of {@value #RESOURCE_NAME} inside this jar
     * @throws IllegalStateException if the resource is missing (a broken build)
     */
    public static URL url() {
        URL url = OpenApiDocument.class.getResource("/" + RESOURCE_NAME);
        if (url == null) {
            throw new IllegalStateException(RESOURCE_NAME + " is not on the classpath");
        }
        return url;
    }

    /**
     * Opens the document; the caller closes the stream.
     *
     * @return a new stream over the YAML document
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static InputStream openStream() {
        try {
            return url().openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the whole document.
     *
     * @return the YAML text, decoded as UTF-8
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static String read() {
        try (InputStream in = openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
